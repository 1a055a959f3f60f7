// The web app's entry point: wires the browser (GLFW on a WebGL2 canvas, the transport) to the pure
// update function and the views. No rules and no drawing logic live here.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "app/glyph_demand.hpp"
#include "app/navigation.hpp"
#include "app/request_batch.hpp"
#include "app/route.hpp"
#include "app/update.hpp"
#include "app/views/item_hooks.hpp"
#include "app/views/keyboard.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/web/browser.hpp"
#include "app/web/clipboard.hpp"
#include "app/web/fonts.hpp"
#include "app/web/on_demand_font.hpp"
#include "app/web/pointer_source.hpp"
#include "app/web/text_input.hpp"
#include "app/web/timers.hpp"
#include "app/web/transport.hpp"
#include "app/web/webgl_renderer.hpp"
#include "app/web/wheel_source.hpp"

namespace orgdesk::app::web {
namespace {

// The loop pauses after the last input or answer once it has drawn a few frames (hover effects
// and ImGui's own settling) and either half a second has passed or 30 frames were drawn, so a
// slow machine drawing few frames per second goes idle as soon as a fast one.
constexpr int kFramesBeforeIdle = 30;
constexpr int kMinFramesBeforeIdle = 3;
constexpr double kMsBeforeIdle = 500;
// Queued input steps (see frame) run in one browser frame, up to this many.
constexpr int kMaxInputStepsPerFrame = 4;
// A request that takes longer than this shows the loading bar; a quicker one would only flash it.
constexpr double kSlowRequestMs = 150;

struct WebApp {
    GLFWwindow* window = nullptr;
    State state;
    Transport& net = transport();             // the server over fetch, or the platform in the page
    std::unique_ptr<WebglRenderer> renderer;  // made once the WebGL context is current
    views::Fonts fonts;
    float scale = 0.0F;
    bool dark = false;
    int width = 0;
    int height = 0;
    int idleFrames = 0;
    double activeAtMs = 0;          // when the last input, answer or animation was seen
    bool animating = false;         // a view drew something that moves (a Provisioning chip)
    std::int64_t toldSecond = 0;    // the last second the update was told (ClockTicked)
    std::string location;           // the fragment last written to the address bar
    std::string title;              // the tab's title as last written
    std::string announced;          // the live region's text
    std::string storedPreferences;  // as last written to the browser's storage
    std::vector<Event> events;
    // Requests the update asked for in this frame. They leave once the frame is drawn: an
    // answer drawn in this frame reaches the screen before the requests it starts cost the
    // page's thread their time, and none comes back before the next frame anyway.
    std::vector<HttpRequest> outgoing;
    GlyphDemand glyphs;  // the glyphs beyond the first atlas the text seen so far needs
    // What window.orgdeskGlyphs was last computed from: pending and atlas glyph counts, the
    // atlas, its rebuild time. Published again only when one of them changes.
    std::tuple<std::size_t, std::size_t, std::size_t, const ImFont*, double> glyphsPublished{};
    double atlasRebuildMs = 0;  // the last rebuild for new glyphs, with the texture's upload
};

WebApp& app() {
    static WebApp instance;
    return instance;
}

// Whether ImGui kept input events for its next frame (its queue trickles them a step a frame).
bool input_still_queued() {
    return !ImGui::GetCurrentContext()->InputEventsQueue.empty();
}

// Applies what happened since the last call; tells whether anything did.
bool apply_events() {
    WebApp& a = app();
    for (auto& answer : a.net.take_answers()) {
        a.glyphs = note_text(std::move(a.glyphs), answer.body);
        a.events.emplace_back(std::move(answer));
    }
    for (auto& timer : take_fired_timers())
        a.events.emplace_back(timer);
    // The update reads no clock: a sandbox's countdown is told the time, once a second at most
    // (its timer wakes the loop to do so while the page is idle).
    if (a.state.sandbox) {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        if (now / 1000 != a.toldSecond) {
            a.toldSecond = now / 1000;
            a.events.emplace_back(ClockTicked{now});
        }
    }
    if (auto hash = take_location_change()) {
        a.glyphs = note_text(std::move(a.glyphs), url_decode(*hash));
        a.location = *hash;  // the browser shows it already: writing it again would push an entry
        a.events.emplace_back(RouteChanged{std::move(*hash)});
    }
    std::vector<Event> events;
    events.swap(a.events);
    for (const auto& event : events) {
        auto transition = update(std::move(a.state), event);
        a.state = std::move(transition.state);
        for (const auto& effect : transition.effects) {
            if (const auto* request = std::get_if<HttpRequest>(&effect)) {
                a.outgoing.push_back(*request);
            } else if (const auto* timer = std::get_if<StartTimer>(&effect)) {
                start_timer(*timer);
            } else if (const auto* copy = std::get_if<CopyText>(&effect)) {
                copy_to_clipboard(copy->text);
            }
        }
    }
    if (events.empty())
        return false;
    std::string remembered = to_text(remembered_preferences(a.state));
    if (remembered != a.storedPreferences) {
        store_preferences(remembered);
        a.storedPreferences = std::move(remembered);
    }
    return true;
}

// The atlas at the current scale with the glyphs seen so far, uploaded to the GPU.
void rebuild_fonts() {
    WebApp& a = app();
    a.fonts =
        load_fonts(a.scale, a.glyphs.bundled.inAtlas, on_demand_font(), a.glyphs.fetched.inAtlas);
    a.renderer->upload_fonts();
}

// Keeps the canvas backing store at CSS size x devicePixelRatio, and fonts and style at that
// scale, so nothing is blurry at any ratio or browser zoom.
void follow_canvas_size() {
    WebApp& a = app();
    const CanvasSize size = canvas_size();
    const int width =
        static_cast<int>(std::lround(static_cast<float>(size.cssWidth) * size.devicePixelRatio));
    const int height =
        static_cast<int>(std::lround(static_cast<float>(size.cssHeight) * size.devicePixelRatio));
    if (width != a.width || height != a.height) {
        a.width = width;
        a.height = height;
        set_canvas_backing_size(width, height);
    }
    if (size.devicePixelRatio != a.scale) {
        a.scale = size.devicePixelRatio;
        rebuild_fonts();
        views::apply_style(a.scale, a.dark);
    }
}

EM_JS(void, js_publish_glyphs, (int missing, int inAtlas, int bundled, double rebuildMs), {
    var rebuilt = !window.orgdeskGlyphs || window.orgdeskGlyphs.rebuildMs != rebuildMs;
    window.orgdeskGlyphs =
        {missing : missing, inAtlas : inAtlas, bundled : bundled, rebuildMs : rebuildMs};
    if (rebuilt && rebuildMs > 0)
        console.log('Orgdesk: font atlas rebuilt with ' + inAtlas + ' CJK glyphs and ' + bundled +
                    ' Greek, Cyrillic or Latin Extended-A glyphs in ' + rebuildMs.toFixed(1) +
                    ' ms');
});

// Tells the page (window.orgdeskGlyphs) how many CJK glyphs seen so far the atlas cannot draw,
// as ImGui's own atlas answers it, how many CJK and bundled glyphs it holds, and how long its
// last rebuild took.
void publish_glyphs() {
    WebApp& a = app();
    std::size_t missing = a.glyphs.fetched.pending.size();
    for (const char32_t c : a.glyphs.fetched.inAtlas) {
        if (a.fonts.regular->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr)
            ++missing;
    }
    js_publish_glyphs(static_cast<int>(missing), static_cast<int>(a.glyphs.fetched.inAtlas.size()),
                      static_cast<int>(a.glyphs.bundled.inAtlas.size()), a.atlasRebuildMs);
}

// The CJK font is fetched the first time its glyphs are needed. The atlas is rebuilt, with every
// glyph that waited, once per frame at most: for Greek, Cyrillic or Latin Extended-A glyphs at
// once, for CJK ones once their font is there.
void follow_glyphs() {
    WebApp& a = app();
    if (auto arrived = take_on_demand_font_arrival())
        a.glyphs = font_arrived(std::move(a.glyphs), *arrived);
    switch (next_glyph_action(a.glyphs)) {
        case GlyphAction::FetchFont:
            fetch_on_demand_font();
            a.glyphs = font_fetch_started(std::move(a.glyphs));
            break;
        case GlyphAction::RebuildAtlas: {
            const double startedMs = emscripten_get_now();
            a.glyphs = atlas_rebuilt(std::move(a.glyphs));
            rebuild_fonts();
            a.atlasRebuildMs = emscripten_get_now() - startedMs;
            break;
        }
        case GlyphAction::None:
            break;
    }
    const auto published =
        std::tuple(a.glyphs.fetched.pending.size(), a.glyphs.fetched.inAtlas.size(),
                   a.glyphs.bundled.inAtlas.size(), static_cast<const ImFont*>(a.fonts.regular),
                   a.atlasRebuildMs);
    if (published != a.glyphsPublished) {
        a.glyphsPublished = published;
        publish_glyphs();
    }
}

// The colors the person's theme asks for, or the system's while it is followed.
void follow_theme() {
    WebApp& a = app();
    const bool dark = is_dark(a.state.theme, system_prefers_dark());
    if (dark != a.dark) {
        a.dark = dark;
        views::apply_style(a.scale, dark);
    }
}

// The address bar and the tab's title follow the screen; only a move to another screen adds a
// history entry, so Back goes to the previous screen, not the previous keystroke of a search.
void follow_location() {
    WebApp& a = app();
    const std::string hash = location_of(a.state);
    if (hash != a.location) {
        show_location(hash, is_new_screen(a.location, hash));
        a.location = hash;
    }
    // Written only when it changes: each write replaces the <title> element's text.
    std::string title = page_title(a.state);
    if (title != a.title) {
        set_page_title(title);
        a.title = std::move(title);
    }
    // The live region speaks when its text changes: a result shown twice in a row is said once.
    const std::string said = announcement(a.state);
    if (said != a.announced) {
        announce(said);
        a.announced = said;
    }
}

void frame() {
    const double startedMs = emscripten_get_now();
    WebApp& a = app();
    bool changed = apply_events();
    ImGuiIO& io = ImGui::GetIO();
    for (const auto& typed : take_typed_text())  // typed into ImGui as it arrived
        a.glyphs = note_text(std::move(a.glyphs), typed);
    follow_canvas_size();
    follow_glyphs();
    follow_theme();
    // ImGui takes queued input one step a frame (a press, then its release), so that a click
    // shorter than a frame is not lost. Those steps run back to back here, each one's events
    // applied before the next, and only the last is drawn: a click's effect reaches the screen in
    // this browser frame instead of the next ones. Once the queue is empty, one more step draws
    // the events of the last input (a typed character's narrowed list), which would otherwise
    // wait for the next browser frame: two display frames where the browser draws without a GPU.
    const bool hadInput = input_still_queued();
    bool drawingEffects = false;  // this step only draws the events of the steps before it
    for (int step = 1;; ++step) {
        ImGui_ImplGlfw_NewFrame();
        if (views::wants_keyboard_navigation(a.state)) {
            io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        } else {
            io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        }
        ImGui::NewFrame();
        views::begin_item_frame();
        a.animating = false;
        const views::Ui ui{a.fonts, a.scale, [&a](Event e) { a.events.push_back(std::move(e)); },
                           [&a] { a.animating = true; }, a.net.waiting_longer_than(kSlowRequestMs)};
        views::draw_app(a.state, ui);
        const bool queued = input_still_queued();
        if (step == kMaxInputStepsPerFrame ||
            (!queued && (drawingEffects || !hadInput || a.events.empty())))
            break;
        drawingEffects = !queued;
        ImGui::EndFrame();
        changed = apply_events() || changed;
    }
    ImGui::Render();

    a.renderer->render(*ImGui::GetDrawData(),
                       ImGui::ColorConvertU32ToFloat4(views::palette().background));
    views::publish_items(a.scale);
    follow_text_editing(io.WantTextInput);
    follow_location();
    // What the person did in this frame is applied now, not at the start of the next one: its
    // request leaves a frame sooner (a click to its answer drawn is a frame shorter).
    changed = apply_events() || changed;
    for (const auto& request : without_repeated_reads(std::move(a.outgoing)))
        a.net.send(request);
    a.outgoing.clear();

    static bool firstFrame = true;
    if (firstFrame) {
        hide_loading_cover();
        firstFrame = false;
    }
    publish_frame_time(emscripten_get_now() - startedMs);
    const bool active = take_activity() || changed || a.net.in_flight() || a.animating;
    a.idleFrames = active ? 0 : a.idleFrames + 1;
    if (active)
        a.activeAtMs = startedMs;
    const bool settled =
        a.idleFrames > kFramesBeforeIdle ||
        (a.idleFrames > kMinFramesBeforeIdle && startedMs - a.activeAtMs > kMsBeforeIdle);
    if (settled)
        pause_until_woken();
}

}  // namespace
}  // namespace orgdesk::app::web

int main() {
    using namespace orgdesk::app::web;
    if (glfwInit() == GLFW_FALSE)
        return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws with neither depth nor stencil, and the page is opaque. Emscripten's GLFW asks
    // for depth, stencil and alpha by default; not asking spares the browser those buffers.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    WebApp& a = app();
    a.window = glfwCreateWindow(1280, 800, "Orgdesk", nullptr, nullptr);
    if (a.window == nullptr)
        return 1;
    glfwMakeContextCurrent(a.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;               // layout is code, not a file
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle tab busy
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(a.window, true);
    install_wheel_source();
    a.renderer = std::make_unique<WebglRenderer>();

    install_wake_hooks();
    install_text_input(a.window);
    install_clipboard();
    install_pointer_source();
    // The remembered choices, and a shared link: the screen it names opens after the sign-in.
    a.storedPreferences = stored_preferences();
    a.glyphs = orgdesk::app::note_text(std::move(a.glyphs), a.storedPreferences);
    a.events.emplace_back(orgdesk::app::PreferencesRead{a.storedPreferences});
    a.location = current_location();
    a.glyphs = orgdesk::app::note_text(std::move(a.glyphs), orgdesk::app::url_decode(a.location));
    a.events.emplace_back(orgdesk::app::RouteChanged{a.location});
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
