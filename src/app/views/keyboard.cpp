#include "app/views/keyboard.hpp"

#include <utility>

#include "app/views/form_fields.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {
namespace {

// Every shortcut, as the "?" panel lists it.
constexpr std::pair<const char*, const char*> kShortcuts[] = {
    {"?", "Show or hide this list"},
    {"/", "Search organizations"},
    {"Up, Down", "Choose a row in a list"},
    {"Enter", "Open the chosen row; confirm a dialog"},
    {"Escape", "Close a dialog or this list"},
    {"a", "Approve the open organization or order (asks first)"},
    {"r", "Reject the open organization or order (asks for a reason)"},
    {"Tab", "Next field in a form"},
    {"Ctrl+C", "Copy the checked orders as tab-separated text"},
    {"Ctrl+V", "Paste into the text field being edited"},
};

bool dialog_open(const State& state) {
    return state.profile.dialog != ProfileDialog::None || state.orderReject.open ||
           state.order.confirmingApprove || state.shortcutsHelp;
}

}  // namespace

bool typed_shortcut(ImWchar c) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper)
        return false;
    for (const ImWchar typed : io.InputQueueCharacters) {
        if (typed == c)
            return true;
    }
    return false;
}

bool take_shortcut(ImWchar c) {
    if (!typed_shortcut(c))
        return false;
    auto& queue = ImGui::GetIO().InputQueueCharacters;
    queue.erase(queue.find(c));
    return true;
}

bool wants_keyboard_navigation(const State& state) {
    switch (state.screen) {
        case Screen::SignIn:
        case Screen::CreateOrganization:
        case Screen::NewOrder:
            return true;
        default:
            return dialog_open(state) && !state.shortcutsHelp;
    }
}

void read_shortcuts(const State& state, const Ui& ui) {
    if (!state.session)
        return;
    if (typed_shortcut('?'))
        ui.dispatch(KeyPressed{Key::Help});
    // A dialog reads its own Escape and Enter; the list behind it waits.
    if (dialog_open(state) || ImGui::GetIO().WantTextInput)
        return;
    // Ctrl+C outside a text field copies the checked rows (Cmd+C on a Mac).
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_C, false))
        ui.dispatch(SelectionCopied{});
    const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, /*repeat=*/true); };
    if (pressed(ImGuiKey_DownArrow))
        ui.dispatch(KeyPressed{Key::Down});
    if (pressed(ImGuiKey_UpArrow))
        ui.dispatch(KeyPressed{Key::Up});
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
        ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))
        ui.dispatch(KeyPressed{Key::Enter});
    if (typed_shortcut('a'))
        ui.dispatch(KeyPressed{Key::Approve});
    if (typed_shortcut('r'))
        ui.dispatch(KeyPressed{Key::Reject});
}

void follow_row_cursor(bool isCursorRow) {
    const bool moved = ImGui::IsKeyDown(ImGuiKey_UpArrow) || ImGui::IsKeyDown(ImGuiKey_DownArrow);
    if (isCursorRow && moved && !ImGui::IsItemVisible())
        ImGui::SetScrollHereY(0.5F);
}

void draw_shortcuts_help(const State& state, const Ui& ui) {
    if (!begin_dialog(ui, "##shortcuts", "Keyboard shortcuts", state.shortcutsHelp, 460,
                      KeyPressed{Key::Escape}))
        return;
    if (ImGui::BeginTable("##shortcut-list", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& [keys, what] : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(ui.fonts.semibold);
            ImGui::TextUnformatted(keys);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what);
            note_item(std::string(keys) + ": " + what);
        }
        ImGui::EndTable();
    }
    ImGui::Dummy({0, ui.px(6)});
    if (secondary_button("Close##shortcuts-close", {ui.px(100), ui.px(38)}))
        ui.dispatch(KeyPressed{Key::Escape});
    end_dialog();
}

}  // namespace orgdesk::app::views
