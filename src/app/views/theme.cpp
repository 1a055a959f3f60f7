#include "app/views/theme.hpp"

namespace orgdesk::app::views {

ImU32 status_color(core::OrgStatus status) {
    switch (status) {
        case core::OrgStatus::New:
            return IM_COL32(37, 99, 235, 255);  // blue
        case core::OrgStatus::Active:
            return IM_COL32(22, 163, 74, 255);  // green
        case core::OrgStatus::Blocked:
            return IM_COL32(217, 119, 6, 255);  // amber
        case core::OrgStatus::Rejected:
            return IM_COL32(220, 38, 38, 255);  // red
        case core::OrgStatus::Deleted:
            break;
    }
    return IM_COL32(107, 114, 128, 255);  // grey
}

ImU32 order_status_color(core::OrderStatus status) {
    switch (status) {
        case core::OrderStatus::PendingApproval:
            return IM_COL32(37, 99, 235, 255);  // blue, as New organizations
        case core::OrderStatus::Approved:
        case core::OrderStatus::Provisioning:
            return IM_COL32(8, 145, 178, 255);  // blue-green: on its way to Provisioned
        case core::OrderStatus::Provisioned:
            return IM_COL32(22, 163, 74, 255);  // green
        case core::OrderStatus::Failed:
        case core::OrderStatus::Rejected:
            break;
    }
    return IM_COL32(220, 38, 38, 255);  // red
}

void apply_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = {0, 0};
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = 6;
    style.ChildBorderSize = 1;
    style.FrameRounding = 5;
    style.FramePadding = {10, 7};
    style.FrameBorderSize = 1;
    style.ItemSpacing = {10, 10};
    style.ItemInnerSpacing = {8, 6};
    style.CellPadding = {10, 8};
    style.ScrollbarSize = 12;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.PopupRounding = 6;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(palette::kText);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(palette::kMutedText);
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(palette::kBackground);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(palette::kSurface);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(palette::kBorder);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.97F, 0.98F, 1, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.95F, 0.97F, 1, 1);
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(palette::kAccent);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.11F, 0.31F, 0.85F, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.09F, 0.25F, 0.72F, 1);
    c[ImGuiCol_Header] = ImVec4(0.90F, 0.94F, 1, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.93F, 0.95F, 1, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.86F, 0.91F, 1, 1);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.97F, 0.97F, 0.98F, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.985F, 0.987F, 0.99F, 1);
    c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(palette::kAccent);

    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace orgdesk::app::views
