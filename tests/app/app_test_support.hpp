#pragma once
// Drives the app's update as the views and the network would, for the app tests.
#include <gtest/gtest.h>

#include "app/update.hpp"

namespace orgdesk::app {
// Notices print as their text (and reference) in a failed expectation.
inline void PrintTo(const Notice& notice, std::ostream* out) {
    *out << '"' << notice.text << '"';
    if (!notice.reference.empty())
        *out << " (reference " << notice.reference << ')';
}
}  // namespace orgdesk::app

namespace orgdesk::app::testing {

inline const HttpRequest& only_request(const Transition& t) {
    EXPECT_EQ(t.effects.size(), 1U);
    return std::get<HttpRequest>(t.effects.at(0));
}

// Every request of the transition, in the order the update asked for them.
inline std::vector<HttpRequest> requests_of(const Transition& t) {
    std::vector<HttpRequest> requests;
    for (const auto& effect : t.effects) {
        if (const auto* request = std::get_if<HttpRequest>(&effect))
            requests.push_back(*request);
    }
    return requests;
}

// The one request of the transition made for `purpose` (others may go with it).
inline HttpRequest request_for(const Transition& t, Purpose purpose) {
    std::vector<HttpRequest> found;
    for (auto& request : requests_of(t)) {
        if (request.purpose == purpose)
            found.push_back(std::move(request));
    }
    EXPECT_EQ(found.size(), 1U) << "requests for purpose " << static_cast<int>(purpose);
    return found.empty() ? HttpRequest{} : found.front();
}

inline core::CustomerView customer(std::string id, core::OrgStatus status,
                                   std::vector<core::OrgAction> actions) {
    core::CustomerView v;
    v.org.id = std::move(id);
    v.org.name = "Northwind Traders";
    v.org.segment = "SMB";
    v.org.status = status;
    v.org.version = 3;
    v.org.owner = core::Person{"Ann Lee", "ann@northwind.example"};
    v.org.billing = {"Northwind Traders", "Street 1", "SE", "", "ann@northwind.example"};
    v.actions = std::move(actions);
    return v;
}

inline std::string login_body(core::Principal user = {"u1", "seller@demo.test", "Sam Seller",
                                                      core::Role::SellerAdmin, "d", "s1", ""}) {
    core::LoginResult login{"tok.secret", 1'795'369'342'000, {}};
    login.user = std::move(user);
    return core::to_json(login).dump();
}

inline const core::Principal kCustomerOwner{
    "u5", "owner@demo.test", "Olive Owner", core::Role::CustomerOwner, "d", "s1", "c1"};

inline std::string page_body(std::vector<core::CustomerView> items,
                             std::optional<std::string> next) {
    return core::to_json(
               core::CustomerPage{std::move(items), std::move(next), {{core::OrgStatus::New, 4}}})
        .dump();
}

// Signs in and answers the first list request with one New customer. The first page of orders
// and the change feed's first poll are still on their way.
inline State signed_in_with_list() {
    State s;
    s = update(s, SignInEdited{SignInField::Username, "seller@demo.test"}).state;
    s = update(s, SignInEdited{SignInField::Password, "orgdesk-demo"}).state;
    auto t = update(s, SignInSubmitted{});
    const auto login = only_request(t);
    t = update(t.state, HttpAnswered{login.id, Purpose::SignIn, 200, login_body()});
    const auto list = request_for(t, Purpose::ListCustomers);
    t = update(
        t.state,
        HttpAnswered{list.id, Purpose::ListCustomers, 200,
                     page_body({customer("c1", core::OrgStatus::New,
                                         {core::OrgAction::Approve, core::OrgAction::Reject})},
                               "c1.5.c1")});
    return t.state;
}

// Signed in, with the profile of a customer open and loaded.
inline State profile_of(const core::CustomerView& view) {
    State s = signed_in_with_list();
    auto t = update(s, OrganizationOpened{view.org.id});
    const auto load = only_request(t);
    return update(t.state,
                  HttpAnswered{load.id, Purpose::LoadCustomer, 200, core::to_json(view).dump()})
        .state;
}

inline State apply(State s, std::initializer_list<Event> events) {
    for (const auto& e : events)
        s = update(std::move(s), e).state;
    return s;
}

// An order of Northwind Traders (c1): 3 × 22.00 EUR a month, with Swedish VAT (25 %).
inline core::OrderView order(std::string id, core::OrderStatus status,
                             std::vector<core::OrderAction> actions) {
    core::OrderView v;
    v.order.id = std::move(id);
    v.order.customerId = "c1";
    v.order.lines = {
        {"M365-BP", "Microsoft 365 Business Premium", 3, 2200, core::BillingPeriod::Monthly}};
    v.order.price = {6600, 1650, 8250, "EUR", 2500};
    v.order.status = status;
    v.order.placedById = "u5";
    v.order.placedByName = "Olive Owner";
    v.order.createdAtMs = 1'795'000'000'000;
    v.order.updatedAtMs = v.order.createdAtMs;
    v.customer = {"c1", "Northwind Traders",    core::OrgStatus::Active, "SMB",
                  "SE", "ann@northwind.example"};
    v.actions = std::move(actions);
    v.links.self = "http://localhost/api/v1/orders/" + v.order.id;
    return v;
}

inline std::string order_page_body(std::vector<core::OrderView> items,
                                   std::optional<std::string> next = std::nullopt,
                                   std::map<core::OrderStatus, int> counts = {
                                       {core::OrderStatus::PendingApproval, 2}}) {
    return core::to_json(core::OrderPage{std::move(items), std::move(next), std::move(counts)})
        .dump();
}

// Signs in as `user` and answers every request that follows: the organization list (a customer
// user's own Active organization, or nothing), the change feed's first poll, and the first page
// of orders with `orders`.
inline State signed_in_with_orders(std::vector<core::OrderView> orders,
                                   std::optional<std::string> next = std::nullopt,
                                   core::Principal user = {"u1", "seller@demo.test", "Sam Seller",
                                                           core::Role::SellerAdmin, "d", "s1",
                                                           ""}) {
    std::vector<core::CustomerView> own;
    if (!user.customerId.empty())
        own.push_back(customer(user.customerId, core::OrgStatus::Active, {core::OrgAction::Edit}));
    State s;
    s.signIn.username = user.username;
    s.signIn.password = "orgdesk-demo";
    auto t = update(s, SignInSubmitted{});
    t = update(t.state,
               HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body(std::move(user))});
    const auto customers = request_for(t, Purpose::ListCustomers);
    const auto feed = request_for(t, Purpose::WatchChanges);
    const auto list = request_for(t, Purpose::ListOrders);
    s = update(t.state, HttpAnswered{customers.id, Purpose::ListCustomers, 200,
                                     page_body(std::move(own), std::nullopt)})
            .state;
    s = update(s, HttpAnswered{list.id, Purpose::ListOrders, 200,
                               order_page_body(std::move(orders), std::move(next))})
            .state;
    // The feed answers its first poll at once; the next one stays open.
    return update(s, HttpAnswered{feed.id, Purpose::WatchChanges, 200,
                                  R"({"cursor":"1.10","changed":false})"})
        .state;
}

inline std::string problem(core::ErrorKind kind, std::string message,
                           std::vector<core::FieldError> fields = {}) {
    return core::problem_to_json(core::make_error(kind, "x", std::move(message), std::move(fields)))
        .dump();
}

}  // namespace orgdesk::app::testing
