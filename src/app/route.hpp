#pragma once
// The screen a URL names, as plain data: "#/customers?status=New&q=acme", "#/customers/{id}",
// "#/customers/new", "#/orders?status=PendingApproval", "#/orders/{id}", "#/orders/new".
// Both directions are pure so a link, the back button and the address bar all go through
// `update` like any other event.
#include <optional>
#include <string>
#include <string_view>

#include "core/order.hpp"
#include "core/organization.hpp"

namespace orgdesk::app {

enum class Place { Organizations, Organization, NewOrganization, Orders, Order, NewOrder };

struct Route {
    Place place = Place::Organizations;
    std::string id;                                // Organization, Order
    std::string search;                            // Organizations
    std::optional<core::OrgStatus> orgStatus;      // Organizations; nullopt: all
    std::optional<core::OrderStatus> orderStatus;  // Orders; nullopt: all

    bool operator==(const Route&) const = default;
};

// The URL fragment naming `route`, with its "#".
std::string to_hash(const Route& route);
// The route a fragment names ("#/..." or "/..."), or nothing for one the app does not know
// (an unknown status counts as none: the screen opens unfiltered).
std::optional<Route> parse_route(std::string_view hash);
// The fragment of the sign-in screen when no link waits for the sign-in.
inline constexpr std::string_view kSignInHash = "#/sign-in";
// Whether going from `from` to `to` is a move to another screen (a new history entry, so Back
// returns) rather than a change on the same screen (a filter, a search: replaced in place).
bool is_new_screen(std::string_view from, std::string_view to);

std::string url_decode(std::string_view text);

}  // namespace orgdesk::app
