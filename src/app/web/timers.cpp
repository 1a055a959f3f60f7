#include "app/web/timers.hpp"

#include <emscripten/eventloop.h>

#include <cstdint>

#include "app/web/browser.hpp"

namespace orgdesk::app::web {
namespace {

std::vector<TimerFired>& fired() {
    static std::vector<TimerFired> timers;
    return timers;
}

}  // namespace

void start_timer(const StartTimer& timer) {
    // The id travels in the user-data pointer itself: nothing to allocate or free.
    emscripten_set_timeout(
        [](void* userData) {
            fired().push_back(TimerFired{reinterpret_cast<std::uintptr_t>(userData)});
            wake();  // the frame loop may be paused
        },
        timer.delayMs, reinterpret_cast<void*>(static_cast<std::uintptr_t>(timer.id)));
}

std::vector<TimerFired> take_fired_timers() {
    std::vector<TimerFired> timers;
    timers.swap(fired());
    return timers;
}

}  // namespace orgdesk::app::web
