#pragma once
// Text from the browser into ImGui's text fields. The canvas is not editable, so the browser's
// text machinery (IME composition, dead keys, non-Latin layouts, insertText, paste, a phone's
// on-screen keyboard) needs an element that is: a hidden <input> (shell/index.html) that holds
// the DOM focus while ImGui edits a field, sits at the caret so an IME's candidate window opens
// there, and passes on what the browser puts into it.
#include <string>
#include <vector>

struct GLFWwindow;

namespace orgdesk::app::web {

// Listens to the hidden field, routes ImGui's caret position to it, and keeps GLFW's own
// character events from typing a second time what the field passes on.
void install_text_input(GLFWwindow* window);
// Called once a frame: gives the hidden field the focus while ImGui edits a text field (so the
// on-screen keyboard shows and IME text arrives) and returns it to the canvas after.
void follow_text_editing(bool editing);
// Text the browser typed or pasted since the last call, in pieces as it came. It is already in
// ImGui's input queue (typed as it arrived); the frame looks at it for the glyphs it needs.
std::vector<std::string> take_typed_text();

}  // namespace orgdesk::app::web
