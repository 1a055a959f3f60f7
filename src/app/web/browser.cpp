#include "app/web/browser.hpp"

#include <emscripten.h>

namespace orgdesk::app::web {
namespace {

// clang-format off
EM_JS(int, js_canvas_css_width, (), { return Module.canvas.clientWidth | 0; });
EM_JS(int, js_canvas_css_height, (), { return Module.canvas.clientHeight | 0; });
EM_JS(double, js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
// Asked every frame: the query kept by js_install_wake_hooks, whose `matches` follows the system.
EM_JS(int, js_system_prefers_dark, (), {
    return Module.orgdeskDarkScheme && Module.orgdeskDarkScheme.matches ? 1 : 0;
});
// Not glfwSetWindowSize: Emscripten's GLFW asks for fullscreen when the size equals the screen's.
EM_JS(void, js_set_backing_size, (int width, int height), {
    Browser.setCanvasSize(width, height);
    if (GLFW.active) {
        GLFW.active.width = width;
        GLFW.active.height = height;
    }
});
EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, js_announce, (const char* text), {
    const region = document.getElementById('announcer');
    if (region) region.textContent = UTF8ToString(text);
});
EM_JS(int, js_preferences_size, (), {
    try {
        Module.orgdeskStored = localStorage.getItem('orgdesk.preferences') || "";
    } catch (e) {
        Module.orgdeskStored = "";
    }
    return lengthBytesUTF8(Module.orgdeskStored) + 1;
});
EM_JS(void, js_copy_preferences, (char* out, int size), {
    stringToUTF8(Module.orgdeskStored, out, size);
});
EM_JS(void, js_store_preferences, (const char* text), {
    try {
        localStorage.setItem('orgdesk.preferences', UTF8ToString(text));
    } catch (e) {
    }
});
EM_JS(void, js_hide_cover, (), {
    const cover = document.getElementById('loading');
    if (cover) cover.remove();
});
EM_JS(void, js_install_wake_hooks, (), {
    const wake = () => Module._orgdesk_wake();
    for (const type of ['pointerdown', 'pointerup', 'pointermove', 'wheel', 'keydown', 'keyup',
                        'keypress', 'focus', 'blur', 'paste', 'visibilitychange']) {
        window.addEventListener(type, wake, {capture: true, passive: true});
    }
    window.addEventListener('resize', wake);
    // Browser zoom and moving to a screen with another pixel ratio change devicePixelRatio.
    const watchRatio = () => {
        matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`)
            .addEventListener('change', () => { wake(); watchRatio(); }, {once: true});
    };
    watchRatio();
    // The system switching between light and dark redraws a page that follows it.
    if (window.matchMedia) {
        Module.orgdeskDarkScheme = matchMedia('(prefers-color-scheme: dark)');
        Module.orgdeskDarkScheme.addEventListener('change', wake);
    }
});
// Back, Forward, a link or the address bar: the app reads the new fragment on its next frame.
EM_JS(void, js_install_location_hooks, (), {
    const changed = () => { Module.orgdeskLocationChanged = true; Module._orgdesk_wake(); };
    window.addEventListener('popstate', changed);
    window.addEventListener('hashchange', changed);
});
EM_JS(int, js_take_location_changed, (), {
    const changed = Module.orgdeskLocationChanged === true;
    Module.orgdeskLocationChanged = false;
    return changed ? 1 : 0;
});
EM_JS(int, js_location_size, (), { return lengthBytesUTF8(location.hash) + 1; });
EM_JS(void, js_copy_location, (char* out, int size), { stringToUTF8(location.hash, out, size); });
// pushState and replaceState fire no popstate: the app's own moves are not read back.
EM_JS(void, js_show_location, (const char* hash, int newEntry), {
    const url = UTF8ToString(hash);
    if (newEntry) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
});
// Published for the browser tests, as the widgets are: whether the frame loop is asleep.
EM_JS(void, js_set_asleep, (int asleep), { window.orgdeskAsleep = asleep !== 0; });
EM_JS(void, js_publish_frame_time, (double ms), {
    if (!window.orgdeskFrameStats)
        window.orgdeskFrameStats = {count: 0, firstAt: performance.now(), times: []};
    const frames = window.orgdeskFrameStats;
    frames.count += 1;
    if (frames.times.push(ms) > 4096) frames.times.shift();
});
// clang-format on

bool paused = false;
bool activity = false;

}  // namespace

CanvasSize canvas_size() {
    return {js_canvas_css_width(), js_canvas_css_height(),
            static_cast<float>(js_device_pixel_ratio())};
}

bool system_prefers_dark() {
    return js_system_prefers_dark() != 0;
}

void set_canvas_backing_size(int width, int height) {
    js_set_backing_size(width, height);
}

void wake() {
    activity = true;
    if (!paused)
        return;
    paused = false;
    js_set_asleep(0);
    emscripten_resume_main_loop();
}

bool take_activity() {
    const bool had = activity;
    activity = false;
    return had;
}

void install_wake_hooks() {
    js_install_wake_hooks();
    js_install_location_hooks();
}

std::string current_location() {
    std::string hash(static_cast<std::size_t>(js_location_size()), '\0');
    js_copy_location(hash.data(), static_cast<int>(hash.size()));
    hash.resize(hash.find('\0'));
    return hash;
}

std::optional<std::string> take_location_change() {
    if (js_take_location_changed() == 0)
        return std::nullopt;
    return current_location();
}

void show_location(const std::string& hash, bool newEntry) {
    js_show_location(hash.c_str(), newEntry ? 1 : 0);
}

void set_page_title(const std::string& title) {
    js_set_title(title.c_str());
}

std::string stored_preferences() {
    std::string text(static_cast<std::size_t>(js_preferences_size()), '\0');
    js_copy_preferences(text.data(), static_cast<int>(text.size()));
    text.resize(text.find('\0'));
    return text;
}

void store_preferences(const std::string& text) {
    js_store_preferences(text.c_str());
}

void announce(const std::string& text) {
    js_announce(text.c_str());
}

void hide_loading_cover() {
    js_hide_cover();
}

void publish_frame_time(double ms) {
    js_publish_frame_time(ms);
}

// Called by the frame loop when nothing has happened for a while.
void pause_until_woken() {
    if (paused)
        return;
    paused = true;
    js_set_asleep(1);
    emscripten_pause_main_loop();
}

}  // namespace orgdesk::app::web

extern "C" EMSCRIPTEN_KEEPALIVE void orgdesk_wake() {
    orgdesk::app::web::wake();
}
