#include "app/views/item_hooks.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
// Natively (tests/bench/app_frame_bench) the frame's JSON is built as in the browser, for its
// cost, and goes nowhere.
#define EM_ASM(...) ((void)0)
#endif
#include <imgui_internal.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace orgdesk::app::views {
namespace {

struct PublishedItem {
    std::string label;
    ImVec2 min;
    ImVec2 max;
    bool disabled = false;
};

std::vector<PublishedItem>& items() {
    static std::vector<PublishedItem> frameItems;
    return frameItems;
}

std::string& last_published() {
    static std::string json;
    return json;
}

// What a screen reader gets of the frame: its headings in order and the focused widget.
struct Mirror {
    nlohmann::json headings = nlohmann::json::array();
    std::string focused;
    std::string lastPublished;
};

Mirror& mirror() {
    static Mirror m;
    return m;
}

void publish_mirror() {
    Mirror& m = mirror();
    const nlohmann::json page{{"headings", m.headings}, {"focused", m.focused}};
    std::string json = page.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (json == m.lastPublished)
        return;
    m.lastPublished = std::move(json);
    // Rebuilt only when it changed, so a screen reader is not told the same thing every frame.
    // (EM_ASM's text passes through the C preprocessor: no "=>" or "===" in it.)
    EM_ASM(
        {
            var page = JSON.parse(UTF8ToString($0));
            var headings = document.getElementById('a11y-headings');
            var focused = document.getElementById('a11y-focused');
            if (!headings || !focused)
                return;
            headings.replaceChildren.apply(headings, page.headings.map(function(h) {
                var element = document.createElement(h.level == 1 ? 'h1' : 'h2');
                element.textContent = h.text;
                return element;
            }));
            focused.textContent = page.focused;
        },
        m.lastPublished.c_str());
}

// "Approve##approve" -> "Approve"; "##Username" -> "Username"; "###x" -> "x".
std::string_view visible_label(std::string_view label) {
    const auto hashes = label.find("##");
    if (hashes == std::string_view::npos)
        return label;
    if (hashes > 0)
        return label.substr(0, hashes);
    return label.substr(label.find_first_not_of('#'));
}

}  // namespace

void note_item_rect(std::string_view label, ImVec2 min, ImVec2 max) {
    ImRect visible(min, max);
    if (const ImGuiWindow* window = GImGui->CurrentWindow)
        visible.ClipWith(window->ClipRect);
    if (visible.GetHeight() < (max.y - min.y) * 0.9F || visible.GetWidth() <= 0)
        return;
    items().push_back({std::string(label), visible.Min, visible.Max, false});
}

void note_heading_text(int level, std::string_view text) {
    mirror().headings.push_back({{"level", level}, {"text", std::string(text)}});
}

void begin_item_frame() {
    items().clear();
    mirror().headings = nlohmann::json::array();
    mirror().focused.clear();
    GImGui->TestEngineHookItems = true;
}

void publish_items(float scale) {
    publish_mirror();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : items()) {
        list.push_back({{"label", item.label},
                        {"x", item.min.x / scale},
                        {"y", item.min.y / scale},
                        {"w", (item.max.x - item.min.x) / scale},
                        {"h", (item.max.y - item.min.y) / scale},
                        {"disabled", item.disabled}});
    }
    std::string json = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (json == last_published())
        return;  // unchanged: spare the page the work
    last_published() = std::move(json);
    EM_ASM({ window.orgdeskItems = JSON.parse(UTF8ToString($0)); }, last_published().c_str());
}

}  // namespace orgdesk::app::views

// ImGui calls these for every item when IMGUI_ENABLE_TEST_ENGINE is defined and
// GImGui->TestEngineHookItems is set. We implement them ourselves (the licensed Test Engine is
// not used): ItemInfo carries the label, and LastItemData still holds the item's rectangle.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags) {
    if (label == nullptr || label[0] == '\0')
        return;
    const ImGuiLastItemData& item = ctx->LastItemData;
    ImGuiWindow* window = ctx->CurrentWindow;
    if (window != nullptr && id == window->ID)
        return;  // a window, not a widget
    // Publish what can be clicked: the part inside the window's clip rectangle, and only items
    // mostly in view (one cut off at the edge of a scrolled area must be scrolled to first).
    ImRect visible = item.Rect;
    if (window != nullptr)
        visible.ClipWith(window->ClipRect);
    if (visible.GetHeight() < item.Rect.GetHeight() * 0.9F || visible.GetWidth() <= 0)
        return;
    std::string_view text = orgdesk::app::views::visible_label(label);
    if (text.empty())
        return;
    // The widget with the keyboard focus (or being typed into) is the one a screen reader names.
    if (id != 0 && (id == ctx->NavId || id == ctx->ActiveId))
        orgdesk::app::views::mirror().focused = std::string(text);
    orgdesk::app::views::items().push_back({std::string(text), visible.Min, visible.Max,
                                            (item.InFlags & ImGuiItemFlags_Disabled) != 0});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
