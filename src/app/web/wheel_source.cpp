#include "app/web/wheel_source.hpp"

#include <emscripten/html5.h>
#include <imgui.h>

namespace orgdesk::app::web {
namespace {

// The wheel's steps as ImGui's backend counts them: 100 pixels or 3 lines make one, a page 80.
// (Emscripten's GLFW rounds small deltas to nothing, so the backend reads the DOM's.)
EM_BOOL on_wheel(int /*type*/, const EmscriptenWheelEvent* event, void* /*data*/) {
    float perStep = 0.0F;
    if (event->deltaMode == DOM_DELTA_PIXEL) {
        perStep = 1.0F / 100.0F;
    } else if (event->deltaMode == DOM_DELTA_LINE) {
        perStep = 1.0F / 3.0F;
    } else if (event->deltaMode == DOM_DELTA_PAGE) {
        perStep = 80.0F;
    }
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(event->deltaX) * -perStep,
                                      static_cast<float>(event->deltaY) * -perStep);
    return EM_TRUE;  // the page itself does not scroll
}

}  // namespace

void install_wheel_source() {
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
}

}  // namespace orgdesk::app::web
