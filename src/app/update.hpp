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

// The checked orders as tab-separated text with a header row, in the order shown: pasted into a
// spreadsheet, each field lands in its own cell.
std::string selection_as_tsv(const OrderList& list);

// Whether the signed-in user is offered the order form: the core's rule on their own
// organization (as the organization list shows it). One that is not Active still gets the form,
// and the server's answer says why it refuses.
bool may_open_order_form(const State& state);

}  // namespace orgdesk::app
