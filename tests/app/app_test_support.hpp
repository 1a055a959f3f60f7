#pragma once
// Drives the app's update as the views and the network would, for the app tests.
#include <gtest/gtest.h>

#include "app/update.hpp"

namespace orgdesk::app::testing {

inline const HttpRequest& only_request(const Transition& t) {
    EXPECT_EQ(t.effects.size(), 1U);
    return std::get<HttpRequest>(t.effects.at(0));
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

inline std::string login_body() {
    core::LoginResult login{"tok.secret", 1'795'369'342'000, {}};
    login.user = {"u1", "seller@demo.test", "Sam Seller", core::Role::SellerAdmin, "d", "s1", ""};
    return core::to_json(login).dump();
}

inline std::string page_body(std::vector<core::CustomerView> items,
                             std::optional<std::string> next) {
    return core::to_json(
               core::CustomerPage{std::move(items), std::move(next), {{core::OrgStatus::New, 4}}})
        .dump();
}

// Signs in and answers the first list request with one New customer.
inline State signed_in_with_list() {
    State s;
    s = update(s, SignInEdited{SignInField::Username, "seller@demo.test"}).state;
    s = update(s, SignInEdited{SignInField::Password, "orgdesk-demo"}).state;
    auto t = update(s, SignInSubmitted{});
    const auto login = only_request(t);
    t = update(t.state, HttpAnswered{login.id, Purpose::SignIn, 200, login_body()});
    const auto list = only_request(t);
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

inline std::string problem(core::ErrorKind kind, std::string message,
                           std::vector<core::FieldError> fields = {}) {
    return core::problem_to_json(core::make_error(kind, "x", std::move(message), std::move(fields)))
        .dump();
}

}  // namespace orgdesk::app::testing
