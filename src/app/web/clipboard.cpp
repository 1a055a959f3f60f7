#include "app/web/clipboard.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <string>

namespace orgdesk::app::web {
namespace {

// clang-format off
// The browser's paste reaches the hidden text field (text_input.cpp) while a field is edited.
// After Ctrl+V, ImGui pastes by itself (the selection is replaced, the caret moves) and reads
// the pasted text as its clipboard; a paste from a menu or Cmd+V is typed into the field. No
// clipboard permission is needed: the text comes with the paste event.
EM_JS(void, js_install_paste_hooks, (), {
    Module.orgdeskClipboard = "";
    let ctrlV = false;
    window.addEventListener('keydown', (event) => {
        ctrlV = event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey &&
                event.key.toLowerCase() === 'v';
    }, true);
    window.addEventListener('paste', (event) => {
        event.preventDefault();
        const text = event.clipboardData ? event.clipboardData.getData('text/plain') : "";
        Module.orgdeskClipboard = text;
        if (ctrlV) Module._orgdesk_wake();
        else Module.orgdeskType(text);
        ctrlV = false;
    });
});
EM_JS(int, js_clipboard_size, (), { return lengthBytesUTF8(Module.orgdeskClipboard) + 1; });
EM_JS(void, js_copy_clipboard, (char* out, int size), {
    stringToUTF8(Module.orgdeskClipboard, out, size);
});
EM_JS(void, js_copy, (const char* text), {
    if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(() => {});
});
// clang-format on

// What ImGui's Ctrl+V pastes: the text of the browser's latest paste event.
const char* pasted_text(void*) {
    static std::string text;
    text.assign(static_cast<std::size_t>(js_clipboard_size()), '\0');
    js_copy_clipboard(text.data(), static_cast<int>(text.size()));
    text.resize(text.find('\0'));
    return text.c_str();
}

}  // namespace

void install_clipboard() {
    js_install_paste_hooks();
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { js_copy(text); };
    io.GetClipboardTextFn = pasted_text;
}

void copy_to_clipboard(const std::string& text) {
    js_copy(text.c_str());
}

}  // namespace orgdesk::app::web
