#pragma once
// The look of Orgdesk: colors, the status chip colors used everywhere, and the ImGui style.
#include <imgui.h>

#include "core/order.hpp"
#include "core/organization.hpp"

namespace orgdesk::app::views {

// The colors of the current theme (light or dark), chosen by apply_style().
struct Palette {
    ImU32 background;
    ImU32 surface;
    ImU32 surfaceHovered;
    ImU32 surfaceActive;
    ImU32 border;
    ImU32 text;
    ImU32 mutedText;
    ImU32 accent;
    ImU32 error;
    ImU32 topBar;
    ImU32 sandboxBanner;  // amber: not real data
};
const Palette& palette();

// The white buttons on an organization's or order's colored header keep dark text in any theme.
inline constexpr ImU32 kHeaderButtonText = IM_COL32(31, 35, 40, 255);

ImU32 status_color(core::OrgStatus status);
ImU32 order_status_color(core::OrderStatus status);

// Applies the light or dark theme, with every size scaled for the device pixel ratio.
void apply_style(float scale, bool dark);

}  // namespace orgdesk::app::views
