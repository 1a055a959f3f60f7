#include "app/route.hpp"

#include <vector>

#include "app/updater.hpp"
#include "core/url_parts.hpp"

namespace orgdesk::app {
namespace {

constexpr std::string_view kCustomers = "customers";
constexpr std::string_view kOrders = "orders";
constexpr std::string_view kNew = "new";

std::string_view path_part(std::string_view hash) {
    return hash.substr(0, hash.find('?'));
}

void read_query(std::string_view query, Route& route) {
    for (const auto pair : core::split_pieces(query, '&')) {
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos)
            continue;
        const std::string key = url_decode(pair.substr(0, equals));
        const std::string value = url_decode(pair.substr(equals + 1));
        if (key == "q" && route.place == Place::Organizations) {
            route.search = value;
        } else if (key == "status" && route.place == Place::Organizations) {
            route.orgStatus = core::parse_org_status(value);
        } else if (key == "status" && route.place == Place::Orders) {
            route.orderStatus = core::parse_order_status(value);
        }
    }
}

}  // namespace

std::string url_decode(std::string_view text) {
    // A malformed escape in a hand-edited address is kept as typed rather than refused.
    return core::percent_decode(text, true).value_or(std::string(text));
}

std::string to_hash(const Route& route) {
    switch (route.place) {
        case Place::Organizations: {
            std::string query;
            if (route.orgStatus)
                query += "&status=" + std::string(core::to_string(*route.orgStatus));
            if (!route.search.empty())
                query += "&q=" + core::percent_encode(route.search);
            return "#/customers" + (query.empty() ? "" : "?" + query.substr(1));
        }
        case Place::Organization:
            return "#/customers/" + core::percent_encode(route.id);
        case Place::NewOrganization:
            return "#/customers/new";
        case Place::Orders:
            return "#/orders" + (route.orderStatus
                                     ? "?status=" + std::string(core::to_string(*route.orderStatus))
                                     : std::string());
        case Place::Order:
            return "#/orders/" + core::percent_encode(route.id);
        case Place::NewOrder:
            return "#/orders/new";
    }
    return "#/customers";
}

std::optional<Route> parse_route(std::string_view hash) {
    if (hash.starts_with('#'))
        hash.remove_prefix(1);
    if (!hash.starts_with('/'))
        return std::nullopt;
    hash.remove_prefix(1);
    const auto question = hash.find('?');
    const std::string_view query =
        question == std::string_view::npos ? std::string_view() : hash.substr(question + 1);
    auto segments = core::split_pieces(path_part(hash), '/');
    if (!segments.empty() && segments.back().empty())
        segments.pop_back();  // "#/customers/" is "#/customers"
    if (segments.empty() || segments.size() > 2)
        return std::nullopt;

    Route route;
    const bool customers = segments[0] == kCustomers;
    if (!customers && segments[0] != kOrders)
        return std::nullopt;
    if (segments.size() == 1) {
        route.place = customers ? Place::Organizations : Place::Orders;
        read_query(query, route);
        return route;
    }
    const std::string id = url_decode(segments[1]);
    if (id.empty())
        return std::nullopt;
    if (id == kNew) {
        route.place = customers ? Place::NewOrganization : Place::NewOrder;
    } else {
        route.place = customers ? Place::Organization : Place::Order;
        route.id = id;
    }
    return route;
}

bool is_new_screen(std::string_view from, std::string_view to) {
    if (from == kSignInHash || to == kSignInHash)
        return false;  // signing in or out replaces the entry: Back never returns to the form
    return path_part(from) != path_part(to);
}

}  // namespace orgdesk::app
