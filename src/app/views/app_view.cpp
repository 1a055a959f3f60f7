// The frame around every signed-in screen: top bar, left rail, main area, toast.
#include <imgui.h>

#include <string>
#include <utility>

#include "app/views/keyboard.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"
#include "core/order_lifecycle.hpp"

namespace orgdesk::app::views {
namespace {

// The top bar's Theme menu: light, dark or the system's colors, remembered for the person.
void theme_menu(const State& state, const Ui& ui) {
    if (secondary_button("Theme"))
        ImGui::OpenPopup("##theme-menu");
    if (!ImGui::BeginPopup("##theme-menu"))
        return;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(8), ui.px(8)});
    constexpr std::pair<const char*, ThemeChoice> kChoices[] = {
        {"Follow the system", ThemeChoice::System},
        {"Light", ThemeChoice::Light},
        {"Dark", ThemeChoice::Dark},
    };
    for (const auto& [label, choice] : kChoices) {
        if (ImGui::Selectable(label, state.theme == choice, 0, {ui.px(160), 0}))
            ui.dispatch(ThemeChosen{choice});
    }
    ImGui::PopStyleVar();
    ImGui::EndPopup();
}

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

void draw_top_bar(const State& state, const Ui& ui) {
    const float height = ui.px(52);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().topBar);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(20), ui.px(10)});
    ImGui::BeginChild("##topbar", {0, height}, ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushFont(ui.fonts.semibold);
    ImGui::SetCursorPosY((height - ImGui::GetTextLineHeight()) / 2);
    ImGui::TextUnformatted("Orgdesk");
    ImGui::PopFont();
    ImGui::PopStyleColor();

    if (state.session) {
        const auto& user = state.session->user;
        const std::string who =
            user.displayName + "  ·  " + std::string(core::display_name(user.role));
        const float buttonsWidth =
            ImGui::CalcTextSize("Sign out").x + ImGui::CalcTextSize("Theme").x + ui.px(58);
        const float whoWidth = ImGui::CalcTextSize(who.c_str()).x;
        // On a narrow screen the name gives way to the buttons rather than cover the logo.
        const float brandEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ui.px(16);
        const bool showWho =
            ImGui::GetWindowWidth() - buttonsWidth - whoWidth - ui.px(40) > brandEnd;
        ImGui::SameLine(ImGui::GetWindowWidth() - buttonsWidth - (showWho ? whoWidth : 0) -
                        ui.px(showWho ? 40 : 30));
        if (showWho) {
            ImGui::SetCursorPosY((height - ImGui::GetTextLineHeight()) / 2);
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(201, 209, 217, 255));
            ImGui::TextUnformatted(who.c_str());
            ImGui::PopStyleColor();
            note_item(who);
            ImGui::SameLine();
        }
        ImGui::SetCursorPosY((height - ImGui::GetFrameHeight()) / 2);
        theme_menu(state, ui);
        ImGui::SameLine();
        ImGui::SetCursorPosY((height - ImGui::GetFrameHeight()) / 2);
        if (secondary_button("Sign out"))
            ui.dispatch(SignOutClicked{});
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

bool on_orders(Screen screen) {
    return screen == Screen::Orders || screen == Screen::OrderDetail || screen == Screen::NewOrder;
}

// The screens' navigation: a rail on the left, or a row of two tabs over the main area on a
// narrow screen.
void draw_rail(const State& state, const Ui& ui) {
    const bool narrow = ui.narrow();
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        narrow ? ImVec2{ui.px(8), ui.px(6)} : ImVec2{ui.px(12), ui.px(16)});
    ImGui::BeginChild("##rail", {narrow ? 0 : ui.px(220), narrow ? ui.px(46) : 0},
                      ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    const ImVec2 tab{narrow ? ImGui::GetContentRegionAvail().x / 2 - ui.px(4) : 0, ui.px(32)};
    const bool orders = on_orders(state.screen);
    const auto newCount = state.list.counts.find(core::OrgStatus::New);
    std::string label = "Organizations";
    if (newCount != state.list.counts.end() && newCount->second > 0) {
        label += "   " + std::to_string(newCount->second) + " new";
    }
    label += "##nav-organizations";
    if (ImGui::Selectable(label.c_str(), !orders, 0, tab)) {
        ui.dispatch(BackToListClicked{});
    }
    if (narrow)
        ImGui::SameLine();
    if (ImGui::Selectable("Orders##nav-orders", orders, 0, tab))
        ui.dispatch(OrdersClicked{});
    // Staff see how many orders wait for their decision.
    const auto pending = state.orders.counts.find(core::OrderStatus::PendingApproval);
    const bool decides =
        state.session && core::role_may(state.session->user.role, core::OrderAction::Approve);
    if (decides && pending != state.orders.counts.end() && pending->second > 0) {
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 max = ImGui::GetItemRectMax();
        count_badge(ui, pending->second, order_status_color(core::OrderStatus::PendingApproval),
                    {max.x - ui.px(8), (min.y + max.y) / 2},
                    "Pending approval: " + std::to_string(pending->second));
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_toast(const State& state, const Ui& ui) {
    if (!state.toast)
        return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 margin{ui.px(24), ui.px(24)};
    ImGui::SetNextWindowPos({viewport->Size.x - margin.x, viewport->Size.y - margin.y},
                            ImGuiCond_Always, {1, 1});
    ImGui::SetNextWindowSize({ui.px(380), 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, state.toast->isError ? IM_COL32(127, 29, 29, 245)
                                                                  : IM_COL32(22, 27, 34, 245));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(16), ui.px(12)});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.px(8));
    ImGui::Begin("##toast", nullptr,
                 // Not kPanelFlags: ImGui puts NoBringToFrontOnFocus windows behind all others.
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoInputs);
    // A notice, not a dialog: it takes no input (clicks reach what is under it) and goes away
    // with the person's next action.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ui.px(340));
    ImGui::TextUnformatted(state.toast->text.c_str());
    ImGui::PopTextWrapPos();
    note_item(state.toast->text);
    if (!state.toast->reference.empty()) {
        // The notice takes no input: the reference is to read here, to copy where the error
        // stays on the screen.
        const std::string reference = "Reference: " + state.toast->reference;
        ImGui::TextUnformatted(reference.c_str());
        note_item(reference);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

}  // namespace

bool Ui::narrow() const {
    return ImGui::GetMainViewport()->Size.x < px(720);
}

void draw_app(const State& state, const Ui& ui) {
    read_shortcuts(state, ui);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    // No background of its own: the frame is cleared to the same color first (web/main.cpp), and
    // a window background would fill every pixel a second time, which a browser rendering
    // without a GPU (SwiftShader) pays for in every frame.
    ImGui::Begin("##root", nullptr, kPanelFlags | ImGuiWindowFlags_NoBackground);
    ImGui::PushFont(ui.fonts.regular);

    draw_top_bar(state, ui);
    draw_sandbox_banner(state, ui);
    draw_loading_bar(ui);
    if (state.screen == Screen::SignIn) {
        draw_sign_in(state, ui);
    } else {
        draw_rail(state, ui);
        if (!ui.narrow())
            ImGui::SameLine(0, 0);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ui.narrow()
                                                             ? ImVec2{ui.px(12), ui.px(12)}
                                                             : ImVec2{ui.px(28), ui.px(20)});
        // Shows the cleared background through, as the root does.
        ImGui::BeginChild("##main", {0, 0}, ImGuiChildFlags_AlwaysUseWindowPadding,
                          ImGuiWindowFlags_NoBackground);
        draw_connection_banner(state, ui);
        switch (state.screen) {
            case Screen::Profile:
                draw_profile(state, ui);
                draw_profile_dialogs(state, ui);
                break;
            case Screen::CreateOrganization:
                draw_create(state, ui);
                break;
            case Screen::Orders:
                draw_orders(state, ui);
                draw_order_dialogs(state, ui);
                break;
            case Screen::OrderDetail:
                draw_order_detail(state, ui);
                draw_order_dialogs(state, ui);
                break;
            case Screen::NewOrder:
                draw_order_form(state, ui);
                break;
            case Screen::Organizations:
            case Screen::SignIn:
                draw_organizations(state, ui);
                break;
        }
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
    ImGui::PopFont();
    ImGui::End();

    ImGui::PushFont(ui.fonts.regular);
    draw_toast(state, ui);
    draw_shortcuts_help(state, ui);
    ImGui::PopFont();
}

}  // namespace orgdesk::app::views
