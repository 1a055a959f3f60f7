// The browser's address: Back, Forward, a shared link or a typed URL choose the screen.
#include "app/navigation.hpp"
#include "app/updater.hpp"

namespace orgdesk::app {

void Updater::operator()(const RouteChanged& e) {
    const auto route = parse_route(e.hash);
    if (!state_.session) {
        state_.pendingRoute = route;  // shown once the person has signed in
        return;
    }
    // An address the app does not know shows the organizations, as the start does.
    const Route wanted = route.value_or(Route{});
    if (wanted != route_of(state_))
        go_to(wanted);
}

void Updater::operator()(const PreferencesRead& e) {
    state_.preferences = parse_preferences(e.text);
}

void Updater::operator()(const ThemeChosen& e) {
    state_.theme = e.theme;
}

void Updater::go_to(const Route& route) {
    if (!state_.session)
        return;
    // Moving away closes whatever dialog was open, as leaving a page does.
    state_.profile.dialog = ProfileDialog::None;
    state_.orderReject = OrderRejectDialog{};
    state_.order.confirmingApprove = false;
    switch (route.place) {
        case Place::Organizations: {
            auto& list = state_.list;
            state_.screen = Screen::Organizations;
            if (list.search != route.search || list.statusFilter != route.orgStatus ||
                (!list.loaded && !list.pending)) {
                list.search = route.search;
                list.statusFilter = route.orgStatus;
                reload_list();
            }
            return;
        }
        case Place::Organization:
            return (*this)(OrganizationOpened{route.id});
        case Place::NewOrganization:
            if (core::may_create_organizations(state_.session->user.role))
                return (*this)(CreateOrganizationClicked{});
            return go_to(Route{});
        case Place::Orders: {
            auto& orders = state_.orders;
            state_.screen = Screen::Orders;
            if (orders.statusFilter != route.orderStatus || (!orders.loaded && !orders.pending)) {
                orders.statusFilter = route.orderStatus;
                orders.selected.clear();
                reload_orders();
            }
            return;
        }
        case Place::Order:
            return (*this)(OrderOpened{route.id});
        case Place::NewOrder:
            if (may_open_order_form(state_))
                return (*this)(NewOrderClicked{});
            return go_to(Route{Place::Orders, {}, {}, {}, state_.orders.statusFilter});
    }
}

}  // namespace orgdesk::app
