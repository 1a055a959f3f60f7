#pragma once
// What the page around the canvas shows of the state: the URL fragment, the tab's title and the
// screen reader's announcement. The web front end writes them after every frame.
#include <string>

#include "app/route.hpp"
#include "app/state.hpp"

namespace orgdesk::app {

// The route of the screen shown (signed in), or the one waiting for the sign-in.
std::optional<Route> route_of(const State& state);
// The URL fragment for the address bar: the route's, or kSignInHash.
std::string location_of(const State& state);
// "Organizations · Orgdesk", "Northwind Traders · Orgdesk", "Order 9f3e12ab · Orgdesk".
std::string page_title(const State& state);
// The remembered choices to store: those read at start, with the signed-in user's current ones.
StoredPreferences remembered_preferences(const State& state);
// What the page's ARIA live region says: the result of the last action (approved, rejected,
// an error), or empty.
std::string announcement(const State& state);

}  // namespace orgdesk::app
