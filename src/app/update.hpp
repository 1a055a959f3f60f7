#pragma once
// The web app's one state transition: State + Event -> State + Effects. Pure: no I/O, no clock,
// no ImGui, so it is tested natively.
#include <vector>

#include "app/effects.hpp"
#include "app/events.hpp"
#include "app/state.hpp"

namespace orgdesk::app {

struct Transition {
    State state;
    std::vector<Effect> effects;
};

Transition update(State state, const Event& event);

// The path of the customer list request for the current search and filter.
std::string list_path(const OrganizationList& list, const std::optional<std::string>& cursor);

}  // namespace orgdesk::app
