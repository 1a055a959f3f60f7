// The sign-in card, centered on the page.
#include <imgui.h>

#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {

void draw_sign_in(const State& state, const Ui& ui) {
    const auto& form = state.signIn;
    const float width = std::min(ui.px(400), ImGui::GetContentRegionAvail().x - ui.px(32));
    const float height = ui.px(420);  // for centering; the card itself fits its content
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::SetCursorPos({ImGui::GetCursorPosX() + (avail.x - width) / 2,
                         ImGui::GetCursorPosY() + std::max(ui.px(16), (avail.y - height) / 3)});

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(28), ui.px(28)});
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, ui.px(10));
    ImGui::BeginChild("##signin-card", {width, 0},
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted("Sign in to Orgdesk");
    ImGui::PopFont();
    note_heading("Sign in to Orgdesk");
    muted_text("Review and activate your customers' organizations.");
    ImGui::Dummy({0, ui.px(6)});

    const bool busy = form.pending.has_value();
    const float fieldWidth = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted("Username");
    ImGui::SetNextItemWidth(fieldWidth);
    bool submit = false;
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    if (auto text = text_field("##Username", form.username, "you@company.com")) {
        ui.dispatch(SignInEdited{SignInField::Username, *text});
    }
    submit |= ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter);
    field_error(form.fieldErrors, "username");

    ImGui::TextUnformatted("Password");
    ImGui::SetNextItemWidth(fieldWidth);
    if (auto text = text_field("##Password", form.password, "", ImGuiInputTextFlags_Password)) {
        ui.dispatch(SignInEdited{SignInField::Password, *text});
    }
    submit |= ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter);
    field_error(form.fieldErrors, "password");

    ImGui::Dummy({0, ui.px(4)});
    const char* label = busy ? "Signing in...##signin" : "Sign in##signin";
    if (primary_button(label, !busy, {fieldWidth, ui.px(40)}))
        submit = true;
    if (submit && !busy)
        ui.dispatch(SignInSubmitted{});

    // A private demo with sample data, for anyone without an account.
    ImGui::Dummy({0, ui.px(8)});
    ImGui::Separator();
    ImGui::Dummy({0, ui.px(4)});
    muted_text("New here? Explore a private demo with sample data.");
    const bool starting = state.pendingSandbox.has_value();
    const char* sandbox =
        starting ? "Preparing your sandbox...##sandbox" : "Try a sandbox##sandbox";
    if (secondary_button(sandbox, {fieldWidth, ui.px(36)}) && !starting && !busy)
        ui.dispatch(SandboxStartClicked{});

    error_notice(ui, form.error);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

}  // namespace orgdesk::app::views
