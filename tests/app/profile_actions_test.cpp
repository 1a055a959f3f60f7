// The profile's actions and dialogs: what is asked before, and what is sent.
#include <gtest/gtest.h>

#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::Json;
using core::OrgAction;
using core::OrgStatus;

TEST(AppProfileActions, RejectAsksForAReason) {
    State s = profile_of(customer("c1", OrgStatus::New, {OrgAction::Approve, OrgAction::Reject}));
    s = update(s, OrganizationActionClicked{OrgAction::Reject}).state;
    EXPECT_EQ(s.profile.dialog, ProfileDialog::Reject);
    auto t = update(s, DialogConfirmed{});
    EXPECT_TRUE(t.effects.empty());
    ASSERT_EQ(t.state.profile.dialogErrors.size(), 1U);
    EXPECT_EQ(t.state.profile.dialogErrors[0].field, "reason");

    t = update(update(t.state, RejectReasonEdited{"Tax id could not be verified"}).state,
               DialogConfirmed{});
    const auto& request = only_request(t);
    EXPECT_EQ(request.method, "PUT");
    EXPECT_EQ(request.path, "/api/v1/customers/c1/reject");
    EXPECT_EQ(Json::parse(request.body)["reason"], "Tax id could not be verified");
    EXPECT_EQ(request.ifMatch, "3");
}

TEST(AppProfileActions, SuspendSendsTheSubscriptionsChoice) {
    State s = profile_of(customer("c1", OrgStatus::Active, {OrgAction::Suspend}));
    s = apply(s, {OrganizationActionClicked{OrgAction::Suspend},
                  SuspendChoiceMade{core::SubscriptionsOnSuspend::Cancel}});
    const auto t = update(s, DialogConfirmed{});
    EXPECT_EQ(Json::parse(only_request(t).body), (Json{{"subscriptions", "cancel"}}));
}

TEST(AppProfileActions, DeleteNeedsTheNameTypedAndShowsTheServersRefusal) {
    State s = profile_of(customer("c1", OrgStatus::Active, {OrgAction::Delete}));
    s = apply(
        s, {OrganizationActionClicked{OrgAction::Delete}, DeleteConfirmationEdited{"Northwind"}});
    auto t = update(s, DialogConfirmed{});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.profile.dialogErrors.at(0).field, "confirmation");

    t = update(update(t.state, DeleteConfirmationEdited{"Northwind Traders"}).state,
               DialogConfirmed{});
    const auto del = only_request(t);
    EXPECT_EQ(del.method, "DELETE");
    t = update(t.state, HttpAnswered{del.id, Purpose::CustomerAction, 409,
                                     problem(core::ErrorKind::Conflict,
                                             "Cancel all active subscriptions and try again.")});
    EXPECT_EQ(t.state.profile.error, "Cancel all active subscriptions and try again.");
    EXPECT_EQ(t.state.profile.dialog, ProfileDialog::Delete);
}

TEST(AppProfileActions, OwnershipToCustomerWithAMember) {
    auto view = customer("c1", OrgStatus::Active, {OrgAction::Edit});
    view.org.ownershipType = core::OwnershipType::ServiceProvider;
    view.org.billing = {"Northwind", "Street 1", "SE", "", ""};
    State s = profile_of(view);
    auto t = update(s, DialogOpened{ProfileDialog::Ownership});
    const auto members = only_request(t);
    EXPECT_EQ(members.path, "/api/v1/customers/c1/members");
    t = update(t.state, HttpAnswered{members.id, Purpose::LoadMembers, 200,
                                     R"({"items":[{"id":"m1","name":"Ann Lee",
                                         "email":"ann@northwind.example","role":"Admin"}]})"});
    ASSERT_EQ(t.state.profile.members.size(), 1U);
    OwnershipDialog choice;
    choice.memberId = "m1";
    t = update(update(t.state, OwnershipDialogEdited{choice}).state, DialogConfirmed{});
    const auto& request = only_request(t);
    EXPECT_EQ(request.path, "/api/v1/customers/c1/ownership");
    EXPECT_EQ(Json::parse(request.body),
              (Json{{"ownershipType", "Customer"}, {"newOwner", {{"memberId", "m1"}}}}));
}

TEST(AppProfileActions, HistoryListsWhoChangedWhat) {
    State s = profile_of(customer("c1", OrgStatus::Active, {}));
    auto t = update(s, ProfileTabChosen{ProfileTab::History});
    const auto audit = only_request(t);
    EXPECT_EQ(audit.path, "/api/v1/customers/c1/audit");
    t = update(t.state, HttpAnswered{audit.id, Purpose::LoadHistory, 200,
                                     R"({"items":[{"at":"2026-11-22T10:00:00.000Z",
                                "actor":{"id":"u1","name":"Sam Seller"},"action":"approve",
                                "before":{"status":"New","version":1},
                                "after":{"status":"Active","version":2}}]})"});
    ASSERT_EQ(t.state.profile.history.size(), 1U);
    EXPECT_EQ(t.state.profile.history[0].actor, "Sam Seller");
    EXPECT_EQ(t.state.profile.history[0].change, "status: New → Active");
}

}  // namespace
}  // namespace orgdesk::app
