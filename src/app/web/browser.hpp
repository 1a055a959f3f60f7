#pragma once
// The few facts and services of the page the app needs, kept at the edge.
#include <optional>
#include <string>

namespace orgdesk::app::web {

struct CanvasSize {
    int cssWidth = 0;
    int cssHeight = 0;
    float devicePixelRatio = 1.0F;
};

CanvasSize canvas_size();
// The system's wish for dark colors (prefers-color-scheme); a change wakes the frame loop.
bool system_prefers_dark();
// Sizes the canvas's drawing buffer (device pixels); its CSS size stays the stylesheet's.
void set_canvas_backing_size(int width, int height);
// The frame loop stops while nothing happens, so an idle tab costs no CPU; input, network
// answers, timers and resizes start it again. The page sees it as `window.orgdeskAsleep`.
void pause_until_woken();
void wake();
// Whether wake() was called since the last call (the loop then keeps drawing a little longer).
bool take_activity();
// Lets the page's own listeners call wake() on input (see shell/index.html).
void install_wake_hooks();
void set_page_title(const std::string& title);
// The URL fragment in the address bar ("#/customers/42"), with its "#", or empty.
std::string current_location();
// The fragment after Back, Forward, a link or the address bar changed it, once per change.
std::optional<std::string> take_location_change();
// Writes the app's own fragment to the address bar: a new history entry, or in place.
void show_location(const std::string& hash, bool newEntry);
// The remembered choices in the browser's storage (localStorage), or empty; and their update.
// Storage that is full or forbidden (a private window's policy) only means nothing is kept.
std::string stored_preferences();
void store_preferences(const std::string& text);
// Sets the text of the page's ARIA live region (#announcer), which screen readers read out.
void announce(const std::string& text);
// The page shows a "Loading Orgdesk..." cover until the first frame is drawn.
void hide_loading_cover();
// For the benchmarks (web/bench): counts each frame and keeps its CPU time in milliseconds in
// `window.orgdeskFrameStats` ({count, firstAt, times: the last 4096}).
void publish_frame_time(double ms);

}  // namespace orgdesk::app::web
