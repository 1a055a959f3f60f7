#include "app/navigation.hpp"

namespace orgdesk::app {

std::optional<Route> route_of(const State& state) {
    Route route;
    switch (state.screen) {
        case Screen::SignIn:
            return state.pendingRoute;
        case Screen::Organizations:
            route.search = state.list.search;
            route.orgStatus = state.list.statusFilter;
            break;
        case Screen::Profile:
            route.place = Place::Organization;
            route.id = state.profile.id;
            break;
        case Screen::CreateOrganization:
            route.place = Place::NewOrganization;
            break;
        case Screen::Orders:
            route.place = Place::Orders;
            route.orderStatus = state.orders.statusFilter;
            break;
        case Screen::OrderDetail:
            route.place = Place::Order;
            route.id = state.order.id;
            break;
        case Screen::NewOrder:
            route.place = Place::NewOrder;
            break;
    }
    return route;
}

std::string location_of(const State& state) {
    const auto route = route_of(state);
    return route ? to_hash(*route) : std::string(kSignInHash);
}

std::string page_title(const State& state) {
    std::string what;
    switch (state.screen) {
        case Screen::SignIn:
            what = "Sign in";
            break;
        case Screen::Organizations:
            what = "Organizations";
            break;
        case Screen::CreateOrganization:
            what = "New organization";
            break;
        case Screen::Orders:
            what = "Orders";
            break;
        case Screen::OrderDetail:
            // The short number people use: the id's last eight characters.
            what = "Order " +
                   state.order.id.substr(state.order.id.size() > 8 ? state.order.id.size() - 8 : 0);
            break;
        case Screen::NewOrder:
            what = "New order";
            break;
        case Screen::Profile:
            what = state.profile.customer ? state.profile.customer->org.name : "Organization";
            break;
    }
    return what + " · Orgdesk";
}

StoredPreferences remembered_preferences(const State& state) {
    StoredPreferences stored = state.preferences;
    if (state.session) {
        auto& mine = stored[state.session->user.username];
        mine.theme = state.theme;
        mine.organizationStatus = state.list.statusFilter;
        mine.organizationSearch = state.list.search;
        mine.organizationSort = state.list.sort;
        mine.organizationColumns = state.list.columnWidths;
        mine.orderStatus = state.orders.statusFilter;
        mine.hasOrderStatus = true;
    }
    return stored;
}

std::string announcement(const State& state) {
    if (state.toast)
        return state.toast->text;
    for (const Notice* error : {&state.signIn.error, &state.profile.error, &state.list.error,
                                &state.orders.error, &state.order.error}) {
        if (!error->empty())
            return error->text;
    }
    return {};
}

}  // namespace orgdesk::app
