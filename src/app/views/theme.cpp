#include "app/views/theme.hpp"

namespace orgdesk::app::views {
namespace {

constexpr Palette kLight{
    .background = IM_COL32(246, 247, 249, 255),
    .surface = IM_COL32(255, 255, 255, 255),
    .surfaceHovered = IM_COL32(243, 244, 246, 255),
    .surfaceActive = IM_COL32(229, 231, 235, 255),
    .border = IM_COL32(223, 226, 231, 255),
    .text = IM_COL32(31, 35, 40, 255),
    .mutedText = IM_COL32(101, 109, 118, 255),
    .accent = IM_COL32(37, 99, 235, 255),
    .error = IM_COL32(200, 30, 30, 255),
    .topBar = IM_COL32(22, 27, 34, 255),
    .sandboxBanner = IM_COL32(254, 243, 199, 255),
};

// GitHub-like dark greys; text contrast stays above 7:1 on the surface.
constexpr Palette kDark{
    .background = IM_COL32(13, 17, 23, 255),
    .surface = IM_COL32(22, 27, 34, 255),
    .surfaceHovered = IM_COL32(33, 38, 45, 255),
    .surfaceActive = IM_COL32(48, 54, 61, 255),
    .border = IM_COL32(48, 54, 61, 255),
    .text = IM_COL32(230, 237, 243, 255),
    .mutedText = IM_COL32(145, 152, 161, 255),
    .accent = IM_COL32(47, 109, 235, 255),
    .error = IM_COL32(248, 81, 73, 255),
    .topBar = IM_COL32(1, 4, 9, 255),
    .sandboxBanner = IM_COL32(254, 243, 199, 255),
};

const Palette* current = &kLight;

ImVec4 v4(ImU32 color) {
    return ImGui::ColorConvertU32ToFloat4(color);
}

// A color between `a` and `b` (t = 0: a, 1: b), for the shades of hover and selection.
ImVec4 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = v4(a);
    const ImVec4 y = v4(b);
    return {x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, 1};
}

}  // namespace

const Palette& palette() {
    return *current;
}

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

void apply_style(float scale, bool dark) {
    current = dark ? &kDark : &kLight;
    const Palette& p = *current;
    ImGuiStyle style;
    if (dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
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
    c[ImGuiCol_Text] = v4(p.text);
    c[ImGuiCol_TextDisabled] = v4(p.mutedText);
    c[ImGuiCol_WindowBg] = v4(p.background);
    c[ImGuiCol_ChildBg] = v4(p.surface);
    c[ImGuiCol_PopupBg] = v4(p.surface);
    c[ImGuiCol_Border] = v4(p.border);
    // A separator is one device pixel at any scale: in ImGui's dark grey it stood out more at
    // devicePixelRatio 1 and 1.5 than the card borders around it; now it is one of them.
    c[ImGuiCol_Separator] = v4(p.border);
    c[ImGuiCol_FrameBg] = v4(p.surface);
    c[ImGuiCol_FrameBgHovered] = mix(p.surface, p.accent, 0.03F);
    c[ImGuiCol_FrameBgActive] = mix(p.surface, p.accent, 0.05F);
    c[ImGuiCol_Button] = v4(p.accent);
    c[ImGuiCol_ButtonHovered] = mix(p.accent, IM_COL32_BLACK, 0.15F);
    c[ImGuiCol_ButtonActive] = mix(p.accent, IM_COL32_BLACK, 0.3F);
    c[ImGuiCol_Header] = mix(p.surface, p.accent, 0.12F);
    c[ImGuiCol_HeaderHovered] = mix(p.surface, p.accent, 0.08F);
    c[ImGuiCol_HeaderActive] = mix(p.surface, p.accent, 0.16F);
    c[ImGuiCol_TableHeaderBg] = mix(p.surface, p.background, 0.6F);
    c[ImGuiCol_TableRowBgAlt] = mix(p.surface, p.background, 0.3F);
    c[ImGuiCol_CheckMark] = v4(p.accent);
    c[ImGuiCol_NavHighlight] = v4(p.accent);

    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace orgdesk::app::views
