#pragma once
// The system clipboard for a canvas app: ImGui's copy (Ctrl+C in a field, the Copy buttons)
// writes it, and the browser's paste reaches the text field being edited.
#include <optional>
#include <string>

namespace orgdesk::app::web {

// Listens for the page's paste (Ctrl+V / Cmd+V, or the browser's menu) and routes ImGui's
// clipboard calls to the system clipboard.
void install_clipboard();
void copy_to_clipboard(const std::string& text);
// Text pasted since the last call, one paste at a time, to be typed into the active field.
std::optional<std::string> take_pasted_text();

}  // namespace orgdesk::app::web
