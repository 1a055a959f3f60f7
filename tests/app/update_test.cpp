// The web app's state transitions, driven as the views and the network would drive them.
#include <gtest/gtest.h>

#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::Json;
using core::OrgAction;
using core::OrgStatus;

TEST(AppUpdate, SigningInSendsTheCredentialsOnce) {
    State s;
    s = update(s, SignInEdited{SignInField::Username, "seller@demo.test"}).state;
    s = update(s, SignInEdited{SignInField::Password, "pw"}).state;
    auto t = update(s, SignInSubmitted{});
    const auto& request = only_request(t);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/api/v1/auth/login");
    EXPECT_EQ(Json::parse(request.body),
              (Json{{"username", "seller@demo.test"}, {"password", "pw"}}));
    EXPECT_TRUE(request.token.empty());
    // A second press while the first is on its way sends nothing.
    EXPECT_TRUE(update(t.state, SignInSubmitted{}).effects.empty());
}

TEST(AppUpdate, EmptyFieldsAreFlaggedWithoutAsking) {
    const auto t = update(State{}, SignInSubmitted{});
    EXPECT_TRUE(t.effects.empty());
    ASSERT_EQ(t.state.signIn.fieldErrors.size(), 2U);
    EXPECT_EQ(t.state.signIn.fieldErrors[0].message, "Enter your username.");
}

TEST(AppUpdate, AWrongPasswordShowsTheServersMessage) {
    State s;
    s.signIn.username = "a";
    s.signIn.password = "b";
    auto t = update(s, SignInSubmitted{});
    const auto id = only_request(t).id;
    const auto problem =
        core::problem_to_json(core::make_error(core::ErrorKind::Unauthenticated, "bad-credentials",
                                               "The username or password is not correct."));
    t = update(t.state, HttpAnswered{id, Purpose::SignIn, 401, problem.dump()});
    EXPECT_EQ(t.state.screen, Screen::SignIn);
    EXPECT_EQ(t.state.signIn.error, "The username or password is not correct.");
    EXPECT_FALSE(t.state.signIn.pending);
}

// Issue 28: the server's reference for a refused request (its X-Request-Id, the problem's
// requestId) goes with the notice, so a person can quote it; a message of the app's own has none.
TEST(AppUpdate, ARefusalKeepsTheServersReferenceForTheRequest) {
    State s;
    s.signIn.username = "a";
    s.signIn.password = "b";
    auto t = update(s, SignInSubmitted{});
    auto problem =
        core::problem_to_json(core::make_error(core::ErrorKind::Unauthenticated, "bad-credentials",
                                               "The username or password is not correct."));
    problem["requestId"] = "support-4711";
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 401, problem.dump()});
    EXPECT_EQ(t.state.signIn.error,
              (Notice{"The username or password is not correct.", "support-4711"}));

    t = update(t.state, SignInSubmitted{});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 0, ""});
    EXPECT_TRUE(t.state.signIn.error.reference.empty()) << "unreachable: no answer, no reference";
}

TEST(AppUpdate, AnUnreachableServerIsSaidPlainly) {
    State s;
    s.signIn.username = "a";
    s.signIn.password = "b";
    auto t = update(s, SignInSubmitted{});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 0, ""});
    EXPECT_EQ(t.state.signIn.error,
              "Cannot reach the Orgdesk server. Check your connection and try again.");
}

TEST(AppUpdate, SignInLoadsTheListWithTheToken) {
    const State s = signed_in_with_list();
    EXPECT_EQ(s.screen, Screen::Organizations);
    ASSERT_TRUE(s.session.has_value());
    EXPECT_EQ(s.session->user.role, core::Role::SellerAdmin);
    EXPECT_TRUE(s.signIn.password.empty());  // never kept longer than needed
    ASSERT_EQ(s.list.items.size(), 1U);
    EXPECT_EQ(s.list.counts.at(OrgStatus::New), 4);
    EXPECT_EQ(s.list.nextCursor, "c1.5.c1");
}

TEST(AppUpdate, SearchAndFilterAskForANewListAndIgnoreOutdatedAnswers) {
    State s = signed_in_with_list();
    auto first = update(s, SearchEdited{"mü ller"});
    const auto stale = only_request(first);
    EXPECT_EQ(stale.path, "/api/v1/customers?limit=50&q=m%C3%BC%20ller");
    EXPECT_EQ(stale.token, "tok.secret");
    auto second = update(first.state, StatusFilterChosen{OrgStatus::New});
    const auto fresh = only_request(second);
    EXPECT_EQ(fresh.path, "/api/v1/customers?limit=50&q=m%C3%BC%20ller&status=New");

    // The search narrowed the loaded list (c1 does not match); the outdated answer's rows stay out.
    EXPECT_TRUE(first.state.list.items.empty());
    auto t =
        update(second.state, HttpAnswered{stale.id, Purpose::ListCustomers, 200,
                                          page_body({customer("c7", OrgStatus::New, {})}, {})});
    EXPECT_TRUE(t.state.list.items.empty());  // the outdated answer changed nothing
    t = update(t.state, HttpAnswered{fresh.id, Purpose::ListCustomers, 200,
                                     page_body({customer("c2", OrgStatus::New, {}),
                                                customer("c3", OrgStatus::New, {})},
                                               {})});
    EXPECT_EQ(t.state.list.items.size(), 2U);
    EXPECT_FALSE(t.state.list.pending);
}

TEST(AppUpdate, ScrollingToTheEndLoadsTheNextPageOnce) {
    State s = signed_in_with_list();
    auto t = update(s, ListEndReached{});
    const auto more = only_request(t);
    EXPECT_EQ(more.path, "/api/v1/customers?limit=50&cursor=c1.5.c1");
    EXPECT_TRUE(update(t.state, ListEndReached{}).effects.empty());
    t = update(t.state, HttpAnswered{more.id, Purpose::MoreCustomers, 200,
                                     page_body({customer("c9", OrgStatus::Active, {})}, {})});
    ASSERT_EQ(t.state.list.items.size(), 2U);
    EXPECT_EQ(t.state.list.items[1].org.id, "c9");
    EXPECT_TRUE(update(t.state, ListEndReached{}).effects.empty());  // no next page
}

TEST(AppUpdate, ApprovingFromTheProfileShowsActiveAndSaysSo) {
    State s = signed_in_with_list();
    auto t = update(s, OrganizationOpened{"c1"});
    EXPECT_EQ(t.state.screen, Screen::Profile);
    ASSERT_TRUE(t.state.profile.customer.has_value());  // shown at once from the list
    const auto load = only_request(t);
    EXPECT_EQ(load.path, "/api/v1/customers/c1");

    t = update(t.state, OrganizationActionClicked{OrgAction::Approve});
    const auto approve = only_request(t);
    EXPECT_EQ(approve.method, "PUT");
    EXPECT_EQ(approve.path, "/api/v1/customers/c1/approve");
    EXPECT_TRUE(update(t.state, OrganizationActionClicked{OrgAction::Approve}).effects.empty());

    const auto active = customer("c1", OrgStatus::Active, {OrgAction::Suspend});
    t = update(t.state, HttpAnswered{approve.id, Purpose::CustomerAction, 200,
                                     core::to_json(active).dump()});
    EXPECT_EQ(t.state.profile.customer->org.status, OrgStatus::Active);
    EXPECT_EQ(t.state.list.items[0].org.status, OrgStatus::Active);
    ASSERT_TRUE(t.state.toast.has_value());
    EXPECT_EQ(t.state.toast->text, "Northwind Traders was approved and is now Active.");
    // The earlier load's answer arrives late, with the old status: it must not undo the approval.
    t = update(t.state, HttpAnswered{load.id, Purpose::LoadCustomer, 200,
                                     core::to_json(customer("c1", OrgStatus::New, {})).dump()});
    EXPECT_EQ(t.state.profile.customer->org.status, OrgStatus::Active);
}

TEST(AppUpdate, AnActionTheCallerMayNotTakeIsNotSent) {
    State s = signed_in_with_list();
    auto t = update(s, OrganizationOpened{"c1"});
    EXPECT_TRUE(update(t.state, OrganizationActionClicked{OrgAction::Delete}).effects.empty());
}

TEST(AppUpdate, AConflictShowsTheMessageAndReloads) {
    State s = signed_in_with_list();
    auto t = update(s, OrganizationOpened{"c1"});
    t = update(t.state, OrganizationActionClicked{OrgAction::Approve});
    const auto approve = only_request(t);
    const auto problem = core::problem_to_json(
        core::make_error(core::ErrorKind::Conflict, "invalid-status",
                         "Cannot activate the customer organization in its current status."));
    t = update(t.state, HttpAnswered{approve.id, Purpose::CustomerAction, 409, problem.dump()});
    EXPECT_EQ(t.state.profile.error,
              "Cannot activate the customer organization in its current status.");
    EXPECT_TRUE(t.state.toast->isError);
    EXPECT_EQ(only_request(t).path, "/api/v1/customers/c1");
}

TEST(AppUpdate, AnExpiredSessionReturnsToSignIn) {
    State s = signed_in_with_list();
    auto t = update(s, SearchEdited{"x"});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::ListCustomers, 401, "{}"});
    EXPECT_EQ(t.state.screen, Screen::SignIn);
    EXPECT_FALSE(t.state.session.has_value());
    EXPECT_EQ(t.state.signIn.error,
              "Signed out: your session expired. Sign in again to return to where you were.");
    EXPECT_EQ(t.state.signIn.username, "seller@demo.test");
}

TEST(AppUpdate, SignOutRevokesTheTokenAndForgetsTheData) {
    State s = signed_in_with_list();
    auto t = update(s, SignOutClicked{});
    const auto logout = only_request(t);
    EXPECT_EQ(logout.path, "/api/v1/auth/logout");
    EXPECT_EQ(logout.token, "tok.secret");
    EXPECT_EQ(t.state.screen, Screen::SignIn);
    EXPECT_TRUE(t.state.list.items.empty());
    EXPECT_GT(t.state.nextRequestId, logout.id);
}

}  // namespace
}  // namespace orgdesk::app

namespace orgdesk::app {
namespace {

TEST(AppUpdate, AToastLastsUntilThePersonsNextAction) {
    State s = testing::signed_in_with_list();
    s.toast = Toast{"Northwind Traders was approved and is now Active.", false};
    // An answer arriving does not hide it ...
    s = update(s, HttpAnswered{999, Purpose::LoadCustomer, 200, "{}"}).state;
    EXPECT_TRUE(s.toast.has_value());
    // ... the next thing the person does does.
    s = update(s, SearchEdited{"north"}).state;
    EXPECT_FALSE(s.toast.has_value());
}

}  // namespace
}  // namespace orgdesk::app
