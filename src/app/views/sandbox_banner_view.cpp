// The demo sandbox's banner under the top bar: the time left, a button per demo role (the one in
// use highlighted), and "Reset sandbox".
#include <imgui.h>

#include <string>

#include "app/sandbox_banner.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {

void draw_sandbox_banner(const State& state, const Ui& ui) {
    if (!state.sandbox)
        return;
    const float height = ui.px(44);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().sandboxBanner);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(20), ui.px(6)});
    ImGui::BeginChild("##sandbox-banner", {0, height}, ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar);
    const float textY = (height - ImGui::GetTextLineHeight()) / 2;
    const float buttonY = (height - ImGui::GetFrameHeight()) / 2;
    const auto text = sandbox_banner_text(state);
    ImGui::SetCursorPosY(textY);
    ImGui::PushFont(ui.fonts.semibold);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
    note_item(text);

    ImGui::SameLine(0, ui.px(28));
    ImGui::SetCursorPosY(textY);
    muted_text("View as");
    const bool busy = state.pendingSandbox.has_value();
    for (std::size_t i = 0; i < state.sandbox->signIns.size(); ++i) {
        const auto role = state.sandbox->signIns[i].user.role;
        const std::string label = std::string(core::display_name(role)) + "##sandbox-role";
        ImGui::SameLine(0, ui.px(8));
        ImGui::SetCursorPosY(buttonY);
        const bool current = i == state.sandbox->current;
        // The role in use is the filled one; choosing it again changes nothing.
        const bool clicked =
            current ? primary_button(label.c_str(), !busy) : secondary_button(label.c_str());
        if (clicked && !current && !busy)
            ui.dispatch(SandboxRoleChosen{role});
    }

    const char* reset = busy ? "Starting over...##sandbox-reset" : "Reset sandbox##sandbox-reset";
    const float resetWidth = ImGui::CalcTextSize("Reset sandbox").x + ui.px(24);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + ui.px(16),
                             ImGui::GetWindowWidth() - resetWidth - ui.px(20)));
    ImGui::SetCursorPosY(buttonY);
    if (secondary_button(reset) && !busy)
        ui.dispatch(SandboxResetClicked{});
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace orgdesk::app::views
