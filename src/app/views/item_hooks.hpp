#pragma once
// Every frame, the labels and rectangles of the widgets drawn, published to the page as
// `window.orgdeskItems` (CSS pixels). Browser tests find "Approve" by label and click its real
// coordinates, as a person would. Filled by ImGui's test-engine item hooks (see item_hooks.cpp).
// The same hooks keep the page's screen-reader mirror (#a11y-mirror) of the headings and the
// focused widget.
#include <string_view>

#include <imgui.h>

namespace orgdesk::app::views {

// Adds one item explicitly (for text that ImGui does not report as an item).
void note_item_rect(std::string_view label, ImVec2 min, ImVec2 max);

// Adds a heading of the current screen (1: the screen's title, 2: a card or dialog title) to
// the off-screen DOM mirror a screen reader follows, with the focused widget's label.
void note_heading_text(int level, std::string_view text);

// Called around each frame by the web main loop.
void begin_item_frame();
void publish_items(float scale);

}  // namespace orgdesk::app::views
