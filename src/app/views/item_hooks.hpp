#pragma once
// Every frame, the labels and rectangles of the widgets drawn, published to the page as
// `window.orgdeskItems` (CSS pixels). Browser tests find "Approve" by label and click its real
// coordinates, as a person would. Filled by ImGui's test-engine item hooks (see item_hooks.cpp).
#include <string_view>

#include <imgui.h>

namespace orgdesk::app::views {

// Adds one item explicitly (for text that ImGui does not report as an item).
void note_item_rect(std::string_view label, ImVec2 min, ImVec2 max);

// Called around each frame by the web main loop.
void begin_item_frame();
void publish_items(float scale);

}  // namespace orgdesk::app::views
