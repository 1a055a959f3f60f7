// URLs: the route <-> fragment mapping, Back/Forward and shared links through `update`, the
// page title, and an expired session that returns the person to where they were.
#include "app/navigation.hpp"
#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace testing;

TEST(Route, EveryScreenHasAFragmentThatReadsBackTheSame) {
    const std::vector<Route> routes{
        Route{},
        Route{Place::Organizations, {}, "Müller GmbH & Co", core::OrgStatus::New, {}},
        Route{Place::Organization, "c1/x", {}, {}, {}},
        Route{Place::NewOrganization, {}, {}, {}, {}},
        Route{Place::Orders, {}, {}, {}, core::OrderStatus::PendingApproval},
        Route{Place::Orders, {}, {}, {}, {}},
        Route{Place::Order, "o-9", {}, {}, {}},
        Route{Place::NewOrder, {}, {}, {}, {}},
    };
    for (const auto& route : routes) {
        const std::string hash = to_hash(route);
        EXPECT_EQ(parse_route(hash), route) << hash;
    }
    EXPECT_EQ(to_hash(routes[1]), "#/customers?status=New&q=M%C3%BCller%20GmbH%20%26%20Co");
    EXPECT_EQ(to_hash(routes[4]), "#/orders?status=PendingApproval");
    EXPECT_EQ(to_hash(routes[2]), "#/customers/c1%2Fx");
}

TEST(Route, UnknownAddressesAndStatusesAreNotGuessed) {
    EXPECT_FALSE(parse_route(""));
    EXPECT_FALSE(parse_route("#"));
    EXPECT_FALSE(parse_route("#/sign-in"));
    EXPECT_FALSE(parse_route("#/nowhere"));
    EXPECT_FALSE(parse_route("#/customers/a/b"));
    EXPECT_FALSE(parse_route("#/customers//"));
    const auto route = parse_route("#/orders?status=Bogus&x");
    ASSERT_TRUE(route);
    EXPECT_EQ(route->place, Place::Orders);
    EXPECT_FALSE(route->orderStatus);
    EXPECT_EQ(parse_route("#/customers/?q=a+b")->search, "a b");
}

TEST(Route, OnlyAnotherScreenAddsAHistoryEntry) {
    EXPECT_TRUE(is_new_screen("#/customers", "#/customers/c1"));
    EXPECT_TRUE(is_new_screen("#/orders?status=New", "#/customers"));
    EXPECT_FALSE(is_new_screen("#/customers", "#/customers?status=New"));
    EXPECT_FALSE(is_new_screen("#/customers?q=a", "#/customers?q=ab"));
    EXPECT_FALSE(is_new_screen("#/sign-in", "#/customers"));
}

// Signs in after `hash` was opened, answering the sign-in only.
Transition sign_in_at(const std::string& hash) {
    State s;
    s = update(s, RouteChanged{hash}).state;
    EXPECT_EQ(location_of(s), hash == "#/nowhere" ? "#/sign-in" : hash);
    s = update(s, SignInEdited{SignInField::Username, "seller@demo.test"}).state;
    s = update(s, SignInEdited{SignInField::Password, "orgdesk-demo"}).state;
    auto t = update(s, SignInSubmitted{});
    return update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body()});
}

TEST(Navigation, ASharedLinkOpensItsScreenAfterSignIn) {
    auto t = sign_in_at("#/customers/c7");
    EXPECT_EQ(t.state.screen, Screen::Profile);
    EXPECT_EQ(t.state.profile.id, "c7");
    EXPECT_EQ(request_for(t, Purpose::LoadCustomer).path, "/api/v1/customers/c7");
    EXPECT_FALSE(t.state.pendingRoute);
    EXPECT_EQ(location_of(t.state), "#/customers/c7");

    t = sign_in_at("#/orders?status=Rejected");
    EXPECT_EQ(t.state.screen, Screen::Orders);
    EXPECT_EQ(t.state.orders.statusFilter, core::OrderStatus::Rejected);
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path, "/api/v1/orders?limit=50&status=Rejected");

    t = sign_in_at("#/customers?status=New&q=%CE%A9mega");
    EXPECT_EQ(t.state.screen, Screen::Organizations);
    EXPECT_EQ(t.state.list.search, "Ωmega");
    EXPECT_EQ(request_for(t, Purpose::ListCustomers).path,
              "/api/v1/customers?limit=50&q=%CE%A9mega&status=New");

    t = sign_in_at("#/nowhere");
    EXPECT_EQ(t.state.screen, Screen::Organizations);
}

TEST(Navigation, BackAndForwardMoveBetweenScreens) {
    State s = signed_in_with_list();
    EXPECT_EQ(location_of(s), "#/customers");
    EXPECT_EQ(page_title(s), "Organizations · Orgdesk");
    s = update(s, OrganizationOpened{"c1"}).state;
    EXPECT_EQ(location_of(s), "#/customers/c1");
    EXPECT_EQ(page_title(s), "Northwind Traders · Orgdesk");  // known from the list

    auto t = update(s, RouteChanged{"#/customers"});  // Back
    EXPECT_EQ(t.state.screen, Screen::Organizations);
    EXPECT_TRUE(t.effects.empty()) << "the list shown is still current";
    t = update(t.state, RouteChanged{"#/customers/c1"});  // Forward
    EXPECT_EQ(t.state.screen, Screen::Profile);
    EXPECT_EQ(request_for(t, Purpose::LoadCustomer).path, "/api/v1/customers/c1");

    // The address the app itself just wrote changes nothing.
    t = update(t.state, RouteChanged{location_of(t.state)});
    EXPECT_TRUE(t.effects.empty());

    t = update(t.state, RouteChanged{"#/orders/o-12345678"});
    EXPECT_EQ(t.state.screen, Screen::OrderDetail);
    EXPECT_EQ(page_title(t.state), "Order 12345678 · Orgdesk");
    t = update(t.state, RouteChanged{"#/customers?status=Blocked"});
    EXPECT_EQ(t.state.list.statusFilter, core::OrgStatus::Blocked);
    EXPECT_EQ(only_request(t).path, "/api/v1/customers?limit=50&status=Blocked");
}

TEST(Navigation, AnExpiredSessionReturnsToTheSameScreenAfterSignIn) {
    State s = signed_in_with_list();
    auto t = update(s, OrganizationOpened{"c1"});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::LoadCustomer, 401, "{}"});
    EXPECT_EQ(t.state.screen, Screen::SignIn);
    EXPECT_EQ(location_of(t.state), "#/customers/c1");
    t = update(t.state, SignInEdited{SignInField::Password, "orgdesk-demo"});
    t = update(t.state, SignInSubmitted{});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body()});
    EXPECT_EQ(t.state.screen, Screen::Profile);
    EXPECT_EQ(t.state.profile.id, "c1");

    // Signing out on purpose forgets the place.
    t = update(t.state, SignOutClicked{});
    EXPECT_EQ(location_of(t.state), "#/sign-in");
    EXPECT_EQ(page_title(t.state), "Sign in · Orgdesk");
}

TEST(Announcement, SaysTheResultOfTheLastActionAndErrors) {
    State s = profile_of(customer("c1", core::OrgStatus::New, {core::OrgAction::Approve}));
    EXPECT_EQ(announcement(s), "");
    auto t = update(s, OrganizationActionClicked{core::OrgAction::Approve});
    t = update(t.state,
               HttpAnswered{only_request(t).id, Purpose::CustomerAction, 200,
                            core::to_json(customer("c1", core::OrgStatus::Active, {})).dump()});
    EXPECT_EQ(announcement(t.state), "Northwind Traders was approved and is now Active.");

    t = update(State{}, SignInSubmitted{});
    t = update(t.state, SignInEdited{SignInField::Username, "x"});
    t = update(t.state, SignInEdited{SignInField::Password, "y"});
    t = update(t.state, SignInSubmitted{});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 0, ""});
    EXPECT_EQ(announcement(t.state),
              "Cannot reach the Orgdesk server. Check your connection and try again.");
}

}  // namespace
}  // namespace orgdesk::app
