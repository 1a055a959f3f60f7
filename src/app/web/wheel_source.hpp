#pragma once
// Takes the mouse wheel on the canvas. ImGui's GLFW backend listens on the document, where Chrome
// treats a wheel listener as passive and refuses its preventDefault, with a console error at
// every wheel event.

namespace orgdesk::app::web {

// Replaces the backend's wheel listener; call after ImGui_ImplGlfw_InitForOpenGL.
void install_wheel_source();

}  // namespace orgdesk::app::web
