#include "app/web/pointer_source.hpp"

#include <emscripten.h>
#include <imgui.h>

namespace orgdesk::app::web {
namespace {

// Captured before the canvas sees the events, so ImGui learns the source before the position
// and the press that follow. Told only when it changes.
//
// A touch reaches GLFW twice: as touchstart/touchend (pressed where the cursor last was: GLFW
// does not move it first) and as the mouse events the browser makes of a tap after. So a touch
// moves the cursor to the finger first (a mousemove on the canvas, as GLFW reads a mouse), and
// the browser's own mouse events of the tap are cancelled: one press, where the finger is.
// clang-format off
EM_JS(void, js_install_pointer_source, (), {
    let touch = false;
    const follow = (event) => {
        const now = event.pointerType === 'touch';
        if (now === touch)
            return;
        touch = now;
        Module._orgdesk_pointer_is_touch(now ? 1 : 0);
    };
    window.addEventListener('pointerdown', follow, {capture: true, passive: true});
    window.addEventListener('pointermove', follow, {capture: true, passive: true});
    const canvas = Module['canvas'];
    window.addEventListener('touchstart', (event) => {
        if (event.target !== canvas || event.changedTouches.length === 0)
            return;
        const finger = event.changedTouches[0];
        canvas.dispatchEvent(new MouseEvent('mousemove', {
            clientX: finger.clientX, clientY: finger.clientY,
            screenX: finger.screenX, screenY: finger.screenY}));
    }, {capture: true, passive: true});
    window.addEventListener('touchend', (event) => {
        if (event.target === canvas && event.cancelable)
            event.preventDefault();
    }, {capture: true, passive: false});
});
// clang-format on

}  // namespace

void install_pointer_source() {
    js_install_pointer_source();
}

}  // namespace orgdesk::app::web

extern "C" EMSCRIPTEN_KEEPALIVE void orgdesk_pointer_is_touch(int touch) {
    ImGui::GetIO().AddMouseSourceEvent(touch != 0 ? ImGuiMouseSource_TouchScreen
                                                  : ImGuiMouseSource_Mouse);
}
