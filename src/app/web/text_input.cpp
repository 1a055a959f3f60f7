#include "app/web/text_input.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <string>
#include <utility>
#include <vector>

namespace orgdesk::app::web {
namespace {

// clang-format off
EM_JS(void, js_install_text_input, (), {
    const field = document.getElementById('text-input');
    Module.orgdeskTyped = [];
    // Whatever else types into the field being edited (a paste) joins the same queue, in order.
    Module.orgdeskType = (text) => {
        if (!text) return;
        Module.orgdeskTyped.push(text);
        Module._orgdesk_text_arrived();
        Module._orgdesk_wake();
    };
    // The field only passes text on: it is emptied at once. While an IME composes, the text is
    // not final; it is taken when the composition ends.
    const take = () => {
        const text = field.value;
        field.value = "";
        Module.orgdeskType(text);
    };
    field.addEventListener('input', (event) => { if (!event.isComposing) take(); });
    field.addEventListener('compositionend', take);
});
EM_JS(int, js_text_input_focused, (), {
    return document.activeElement === document.getElementById('text-input') ? 1 : 0;
});
// Moves the field to the caret (canvas pixels -> CSS pixels) and gives it the focus, or returns
// the focus to the canvas once no text field is edited.
EM_JS(void, js_follow_text_editing, (int editing, float x, float y, float lineHeight), {
    const field = document.getElementById('text-input');
    const canvas = Module.canvas;
    if (editing) {
        const toCss = canvas.clientWidth / (canvas.width || 1);
        field.style.left = `${x * toCss}px`;
        field.style.top = `${y * toCss}px`;
        field.style.height = `${Math.max(1, lineHeight * toCss)}px`;
        if (document.activeElement !== field) field.focus({preventScroll: true});
    } else if (document.activeElement === field) {
        field.value = "";
        canvas.focus({preventScroll: true});
    }
});
EM_JS(int, js_typed_size, (), {
    return Module.orgdeskTyped.length ? lengthBytesUTF8(Module.orgdeskTyped[0]) + 1 : 0;
});
EM_JS(void, js_take_typed, (char* out, int size), {
    stringToUTF8(Module.orgdeskTyped.shift(), out, size);
});
// clang-format on

ImGuiPlatformImeData caret;  // where ImGui last drew the caret of the field being edited

// What the field passed on since the frame last asked (already typed into ImGui).
std::vector<std::string>& typed_since_frame() {
    static std::vector<std::string> typed;
    return typed;
}

}  // namespace

void install_text_input(GLFWwindow* window) {
    js_install_text_input();
    ImGui::GetIO().SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) {
        caret = *data;
    };
    // A key typed while the hidden field has the focus reaches GLFW as a keypress too; the
    // field's input event passes it on, so GLFW's copy is dropped. With the canvas focused
    // (shortcuts, or the instant before the field takes the focus) GLFW's is the only one.
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
        if (js_text_input_focused() == 0)
            ImGui_ImplGlfw_CharCallback(w, c);
    });
}

void follow_text_editing(bool editing) {
    js_follow_text_editing(editing ? 1 : 0, caret.InputPos.x, caret.InputPos.y,
                           caret.InputLineHeight);
}

std::vector<std::string> take_typed_text() {
    return std::exchange(typed_since_frame(), {});
}

}  // namespace orgdesk::app::web

// Called by the field's listener as the text arrives. It goes into ImGui's input queue at once,
// in order with the key events GLFW queued before it: an Enter pressed right after the last
// character is then taken after that character, not before it.
extern "C" EMSCRIPTEN_KEEPALIVE void orgdesk_text_arrived() {
    using namespace orgdesk::app::web;
    for (int size = js_typed_size(); size != 0; size = js_typed_size()) {
        std::string text(static_cast<std::size_t>(size), '\0');
        js_take_typed(text.data(), size);
        text.resize(text.find('\0'));
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        typed_since_frame().push_back(std::move(text));
    }
}
