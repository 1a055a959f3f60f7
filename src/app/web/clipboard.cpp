#include "app/web/clipboard.hpp"

#include <emscripten.h>
#include <imgui.h>

namespace orgdesk::app::web {
namespace {

// clang-format off
EM_JS(void, js_install_paste_hooks, (), {
    Module.orgdeskPasted = [];
    let waiting = false;
    const deliver = (text) => {
        if (!text) return;
        Module.orgdeskPasted.push(text);
        Module._orgdesk_wake();
    };
    window.addEventListener('paste', (event) => {
        waiting = false;
        deliver(event.clipboardData ? event.clipboardData.getData('text/plain') : "");
        event.preventDefault();
    });
    // A page without an editable element may get no paste event for the shortcut: then the
    // clipboard is read directly (the browser may ask the person for permission).
    window.addEventListener('keydown', (event) => {
        if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'v') return;
        waiting = true;
        setTimeout(() => {
            if (!waiting || !navigator.clipboard) return;
            waiting = false;
            navigator.clipboard.readText().then(deliver, () => {});
        }, 50);
    }, true);
});
EM_JS(int, js_pasted_size, (), {
    return Module.orgdeskPasted.length ? lengthBytesUTF8(Module.orgdeskPasted[0]) + 1 : 0;
});
EM_JS(void, js_take_pasted, (char* out, int size), {
    stringToUTF8(Module.orgdeskPasted.shift(), out, size);
});
EM_JS(void, js_copy, (const char* text), {
    if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(() => {});
});
// clang-format on

}  // namespace

void install_clipboard() {
    js_install_paste_hooks();
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { js_copy(text); };
    // Pasting goes through take_pasted_text(): ImGui's own Ctrl+V finds nothing to add twice.
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
}

void copy_to_clipboard(const std::string& text) {
    js_copy(text.c_str());
}

std::optional<std::string> take_pasted_text() {
    const int size = js_pasted_size();
    if (size == 0)
        return std::nullopt;
    std::string text(static_cast<std::size_t>(size), '\0');
    js_take_pasted(text.data(), size);
    text.resize(text.find('\0'));
    return text;
}

}  // namespace orgdesk::app::web
