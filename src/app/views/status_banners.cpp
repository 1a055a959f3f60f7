// Honest states: a request that keeps the person waiting shows a moving bar, and a server that
// cannot be reached is said plainly while the app retries by itself.
#include <imgui.h>

#include <cmath>

#include "app/views/item_hooks.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {

void draw_loading_bar(const Ui& ui) {
    if (!ui.slowRequest)
        return;
    // Drawn over the layout (under the top bar), so nothing moves when it comes and goes.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float top = viewport->Pos.y + ui.px(52);
    const float width = viewport->Size.x;
    const float segment = width * 0.25F;
    const float phase = std::fmod(static_cast<float>(ImGui::GetTime()) * 0.8F, 1.0F);
    const float left = viewport->Pos.x - segment + phase * (width + segment);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled({left, top}, {left + segment, top + ui.px(3)}, palette().accent);
    note_item_rect("Loading…", {viewport->Pos.x, top}, {viewport->Pos.x + width, top + ui.px(3)});
    ui.keepAnimating();
}

void draw_connection_banner(const State& state, const Ui& ui) {
    if (!state.session || !state.changes.unreachable)
        return;
    const char* text =
        "Cannot reach the Orgdesk server. Retrying by itself; what you see may be out of date.";
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(254, 243, 199, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(120, 53, 15, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(14), ui.px(10)});
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, ui.px(6));
    ImGui::BeginChild("##connection-banner", {0, 0},
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::TextWrapped("%s", text);
    note_item(text);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    ImGui::Dummy({0, ui.px(4)});
}

}  // namespace orgdesk::app::views
