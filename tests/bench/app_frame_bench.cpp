// What the web app costs per event and per frame with N organizations loaded in its list: the
// pure update, the helpers the browser's frame loop calls, the search rule over every loaded item,
// and one frame of the views drawn on a headless Dear ImGui context (no renderer). Run by hand:
//   app_frame_bench [N=1000] [repetitions=20]
// and under `valgrind --tool=callgrind` to see where the instructions go. Not part of ctest.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "app/navigation.hpp"
#include "app/update.hpp"
#include "app/views/item_hooks.hpp"
#include "app/views/ui.hpp"
#include "core/search.hpp"

namespace {

using namespace orgdesk;
using namespace orgdesk::app;
using Clock = std::chrono::steady_clock;

// A customer as the demo data has them: a name of several words, a reference, a contract and a
// purchased number, so the search rule has all its keys to look at.
core::CustomerView organization(std::size_t i) {
    static const char* const kWords[] = {"Northwind", "Bäckerei", "Traders", "Müller",
                                         "Contoso",   "Fabrikam", "Systems", "Logistics"};
    core::CustomerView view;
    auto& org = view.org;
    char id[40];
    std::snprintf(id, sizeof id, "%08zx-0000-4000-8000-%012zx", i * 2654435761U % 0xffffffffU, i);
    org.id = id;
    org.providerId = static_cast<std::int64_t>(i + 1);
    org.name =
        std::string(kWords[i % 8]) + " " + kWords[(i / 8) % 8] + " " + std::to_string(i) + " GmbH";
    org.segment = "SMB";
    org.status = static_cast<core::OrgStatus>(i % 4);
    org.customerReference = "CR-" + std::to_string(100000 + i);
    org.externalContract = "EC-" + std::to_string(900000 + i);
    org.purchasedNumbers = {"PN-" + std::to_string(500000 + i)};
    org.createdAtMs = 1'790'000'000'000 + static_cast<std::int64_t>(i) * 60'000;
    view.actions = {core::OrgAction::Approve, core::OrgAction::Reject};
    return view;
}

std::string page_body(std::size_t first, std::size_t count) {
    core::CustomerPage page;
    for (std::size_t i = first; i < first + count; ++i)
        page.items.push_back(organization(i));
    page.nextCursor = "next." + std::to_string(first + count);
    page.counts = {{core::OrgStatus::New, 4}};
    return core::to_json(page).dump();
}

// Signed in as a seller admin, on the organizations list, with `n` organizations loaded and more
// to come. Built directly: loading it page by page is what is measured, not how the bench starts.
State state_with(std::size_t n) {
    State s;
    core::LoginResult login{"tok.secret", 1'795'369'342'000, {}};
    login.user = {"u1", "seller@demo.test", "Sam Seller", core::Role::SellerAdmin, "d", "s1", ""};
    s = update(std::move(s), SignInEdited{SignInField::Username, "seller@demo.test"}).state;
    s = update(std::move(s), SignInEdited{SignInField::Password, "pw"}).state;
    auto t = update(std::move(s), SignInSubmitted{});
    const RequestId signIn = *t.state.signIn.pending;
    t = update(std::move(t.state),
               HttpAnswered{signIn, Purpose::SignIn, 200, core::to_json(login).dump()});
    s = std::move(t.state);
    s.list.pending.reset();
    s.list.loaded = true;
    s.list.items.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        s.list.items.push_back(organization(i));
    s.list.nextCursor = "next." + std::to_string(n);
    s.list.counts = {{core::OrgStatus::New, 4}};
    return s;
}

struct Figures {
    double medianUs = 0;
    double maxUs = 0;
};

// Runs `once` `repetitions` times and reports the median and the worst, in microseconds.
Figures measure(int repetitions, const std::function<void()>& once) {
    std::vector<double> us;
    for (int r = 0; r < repetitions; ++r) {
        const auto start = Clock::now();
        once();
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    std::sort(us.begin(), us.end());
    return {us[us.size() / 2], us.back()};
}

void print(const char* what, const Figures& f) {
    std::printf("  %-46s median %10.1f us   max %10.1f us\n", what, f.medianUs, f.maxUs);
}

// The cost of one `update` for the event `make(state)` gives, each time on a fresh copy of
// `base` (the copy is not measured): the browser moves its state through update the same way.
void measure_update(const char* what, const State& base, int repetitions,
                    const std::function<Event(State&)>& make) {
    std::vector<double> us;
    for (int r = 0; r < repetitions; ++r) {
        State s = base;
        const Event event = make(s);
        const auto start = Clock::now();
        auto t = update(std::move(s), event);
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        if (t.state.list.items.empty() && !base.list.items.empty() &&
            !std::holds_alternative<SearchEdited>(event))
            std::abort();  // the measured path lost the list: the figure would mean nothing
    }
    std::sort(us.begin(), us.end());
    print(what, {us[us.size() / 2], us.back()});
}

void bench_update(const State& base, int repetitions) {
    std::printf("update() with %zu loaded:\n", base.list.items.size());
    const std::size_t n = base.list.items.size();
    const std::string page = page_body(n, 50);
    {
        // Pages arrive one after another on the same state, as in the browser (a copy of the
        // state per page would drop the list's spare capacity and time a reallocation each time):
        // the median is a page, the worst is the page that grows the vector.
        State s = base;
        std::vector<double> us;
        for (int r = 0; r < repetitions; ++r) {
            s = update(std::move(s), ListEndReached{}).state;
            const HttpAnswered answer{*s.list.pending, Purpose::MoreCustomers, 200, page};
            const auto start = Clock::now();
            s = update(std::move(s), answer).state;
            us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        }
        if (s.list.items.size() != n + 50 * static_cast<std::size_t>(repetitions))
            std::abort();  // a page was not added: the figure would mean nothing
        std::sort(us.begin(), us.end());
        print("HttpAnswered (one more page of 50)", {us[us.size() / 2], us.back()});
    }
    measure_update("ListEndReached", base, repetitions, [](State&) { return ListEndReached{}; });
    // Typing one more character of a customer reference: the list narrows to what matches.
    measure_update("SearchEdited (\"cr-1\" -> \"cr-10\")", base, repetitions, [](State& s) {
        s.list.search = "cr-1";
        return SearchEdited{"cr-10"};
    });
    measure_update("SearchEdited (a new search \"x\")", base, repetitions,
                   [](State&) { return SearchEdited{"x"}; });
    measure_update("ClockTicked", base, repetitions,
                   [](State&) { return ClockTicked{1'795'000'000'000}; });
    measure_update("no-op (SearchEdited, same text)", base, repetitions,
                   [](State& s) { return SearchEdited{s.list.search}; });
}

void bench_frame_helpers(const State& state, int repetitions) {
    std::printf("frame loop helpers (main.cpp):\n");
    std::size_t sink = 0;
    print("location_of", measure(repetitions, [&] { sink += location_of(state).size(); }));
    print("page_title", measure(repetitions, [&] { sink += page_title(state).size(); }));
    print("announcement", measure(repetitions, [&] { sink += announcement(state).size(); }));
    print("remembered_preferences + to_text",
          measure(repetitions, [&] { sink += to_text(remembered_preferences(state)).size(); }));
    std::printf("core::matches_search over every loaded item:\n");
    for (const char* query : {"cr-10", "müller", "zz"}) {
        const std::string what = std::string("query \"") + query + "\"";
        print(what.c_str(), measure(repetitions, [&] {
                  for (const auto& item : state.list.items)
                      sink += core::matches_search(item.org, query) ? 1 : 0;
              }));
    }
    if (sink == 0)
        std::printf("(nothing matched)\n");
}

views::Fonts build_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    views::Fonts fonts;
    const auto load = [&io](const char* path, float pixels) {
        ImFont* font = io.Fonts->AddFontFromFileTTF(path, pixels);
        return font != nullptr ? font : io.Fonts->AddFontDefault();
    };
    fonts.regular = load(ORGDESK_FONTS_DIR "/Inter-Regular.otf", 15.0F);
    fonts.semibold = load(ORGDESK_FONTS_DIR "/Inter-SemiBold.otf", 15.0F);
    fonts.heading = load(ORGDESK_FONTS_DIR "/Inter-SemiBold.otf", 22.0F);
    io.Fonts->Build();
    return fonts;
}

// Frames of the organizations list as the browser draws them while scrolling: the mouse over
// the table, a wheel step every frame, the item hooks on.
void bench_frames(const State& state, int repetitions) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {1280, 800};
    io.DeltaTime = 1.0F / 60;
    const views::Fonts fonts = build_fonts();
    std::vector<Event> emitted;
    const views::Ui ui{fonts, 1.0F, [&emitted](Event e) { emitted.push_back(std::move(e)); }, [] {},
                       false};
    const auto frame = [&](float wheel) {
        io.AddMousePosEvent(700, 500);
        io.AddMouseWheelEvent(0, wheel);
        ImGui::NewFrame();
        views::begin_item_frame();
        views::draw_app(state, ui);
        ImGui::Render();
        views::publish_items(1.0F);
    };
    for (int i = 0; i < 5; ++i)
        frame(0);  // the first frames lay out windows and tables
    std::printf("one frame of views::draw_app (headless ImGui, no renderer):\n");
    print("scrolling down", measure(repetitions, [&] { frame(-3); }));
    print("scrolling up", measure(repetitions, [&] { frame(3); }));
    print("still", measure(repetitions, [&] { frame(0); }));
    ImGui::DestroyContext();
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000;
    const int repetitions = argc > 2 ? std::atoi(argv[2]) : 20;
    if (n == 0 || repetitions <= 0) {
        std::fprintf(stderr, "usage: %s [organizations=1000] [repetitions=20]\n", argv[0]);
        return 2;
    }
    const State state = state_with(n);
    bench_update(state, repetitions);
    bench_frame_helpers(state, repetitions);
    bench_frames(state, repetitions);
    return 0;
}
