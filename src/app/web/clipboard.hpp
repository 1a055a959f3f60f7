#pragma once
// The system clipboard for a canvas app: ImGui's copy (Ctrl+C in a field, the Copy buttons)
// writes it, and the browser's paste reaches the text field being edited.
#include <string>

namespace orgdesk::app::web {

// Listens for the page's paste (Ctrl+V / Cmd+V, or the browser's menu) and routes ImGui's
// clipboard calls to the system clipboard. Needs install_text_input() first.
void install_clipboard();
void copy_to_clipboard(const std::string& text);

}  // namespace orgdesk::app::web
