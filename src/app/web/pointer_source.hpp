#pragma once
// Tells ImGui whether the pointer is a finger. A tap has no hover before its press; ImGui then
// spreads the move and the press over two frames, so an item that takes a press only once it
// was hovered (a table's column header) answers the first tap, not the second.

namespace orgdesk::app::web {

// Watches the page's pointer events; needs ImGui's context.
void install_pointer_source();

}  // namespace orgdesk::app::web
