#pragma once
// StartTimer effects carried out with the browser's setTimeout; the timers that fired come back
// to the main loop as TimerFired events.
#include <vector>

#include "app/effects.hpp"
#include "app/events.hpp"

namespace orgdesk::app::web {

void start_timer(const StartTimer& timer);
// The timers that fired since the last call, in firing order.
std::vector<TimerFired> take_fired_timers();

}  // namespace orgdesk::app::web
