#pragma once
// What the demo sandbox's banner says, worked out from the state (drawn by app_view).
#include <string>

#include "app/state.hpp"

namespace orgdesk::app {

// "42 minutes left", "less than a minute left"; empty outside a sandbox or before the app knows
// the time.
std::string sandbox_time_left(const State& state);
// "Demo sandbox  ·  42 minutes left".
std::string sandbox_banner_text(const State& state);

}  // namespace orgdesk::app
