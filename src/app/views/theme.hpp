#pragma once
// The look of Orgdesk: colors, the status chip colors used everywhere, and the ImGui style.
#include <imgui.h>

#include "core/order.hpp"
#include "core/organization.hpp"

namespace orgdesk::app::views {

namespace palette {
inline constexpr ImU32 kBackground = IM_COL32(246, 247, 249, 255);
inline constexpr ImU32 kSurface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kBorder = IM_COL32(223, 226, 231, 255);
inline constexpr ImU32 kText = IM_COL32(31, 35, 40, 255);
inline constexpr ImU32 kMutedText = IM_COL32(101, 109, 118, 255);
inline constexpr ImU32 kAccent = IM_COL32(37, 99, 235, 255);
inline constexpr ImU32 kError = IM_COL32(200, 30, 30, 255);
inline constexpr ImU32 kTopBar = IM_COL32(22, 27, 34, 255);
inline constexpr ImU32 kSandboxBanner = IM_COL32(254, 243, 199, 255);  // amber: not real data
}  // namespace palette

ImU32 status_color(core::OrgStatus status);
ImU32 order_status_color(core::OrderStatus status);

// Applies the light theme, with every size scaled for the device pixel ratio.
void apply_style(float scale);

}  // namespace orgdesk::app::views
