// The profile's Subscriptions tab: listing, and Suspend / Resume as each subscription offers them.
#include <gtest/gtest.h>

#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::SubscriptionAction;
using core::SubscriptionStatus;

core::SubscriptionView subscription(std::string id, SubscriptionStatus status,
                                    std::vector<SubscriptionAction> actions) {
    core::SubscriptionView v;
    v.subscription.id = std::move(id);
    v.subscription.customerId = "c1";
    v.subscription.orderId = "o1";
    v.subscription.sku = "M365-BP";
    v.subscription.name = "Microsoft 365 Business Premium";
    v.subscription.quantity = 3;
    v.subscription.status = status;
    v.subscription.version = 2;
    v.subscription.createdAtMs = 1'795'000'000'000;
    v.subscription.updatedAtMs = v.subscription.createdAtMs;
    v.actions = std::move(actions);
    return v;
}

// The profile of c1 on its Subscriptions tab: one Active, one Suspended.
State subscriptions_tab() {
    State s = profile_of(customer("c1", core::OrgStatus::Active, {}));
    auto t = update(s, ProfileTabChosen{ProfileTab::Subscriptions});
    const auto load = only_request(t);
    EXPECT_EQ(load.path, "/api/v1/customers/c1/subscriptions");
    const auto body = core::subscriptions_to_json(
        {subscription("s1", SubscriptionStatus::Active, {SubscriptionAction::Suspend}),
         subscription("s2", SubscriptionStatus::Suspended, {SubscriptionAction::Resume})});
    return update(t.state, HttpAnswered{load.id, Purpose::LoadSubscriptions, 200, body.dump()})
        .state;
}

TEST(AppSubscriptions, TheTabListsTheOrganizationsSubscriptions) {
    const State s = subscriptions_tab();
    ASSERT_EQ(s.profile.subscriptions.size(), 2U);
    EXPECT_EQ(s.profile.subscriptions[0].subscription.quantity, 3);
    EXPECT_EQ(s.profile.subscriptions[1].subscription.status, SubscriptionStatus::Suspended);
    EXPECT_FALSE(s.profile.pendingSubscriptions);
}

TEST(AppSubscriptions, SuspendSendsTheVersionAndShowsTheAnswer) {
    auto t =
        update(subscriptions_tab(), SubscriptionActionClicked{"s1", SubscriptionAction::Suspend});
    const auto suspend = only_request(t);
    EXPECT_EQ(suspend.method, "PUT");
    EXPECT_EQ(suspend.path, "/api/v1/subscriptions/s1/suspend");
    EXPECT_EQ(suspend.ifMatch, "2");
    EXPECT_EQ(t.state.profile.changingSubscriptionId, "s1");
    // One change at a time.
    EXPECT_TRUE(update(t.state, SubscriptionActionClicked{"s2", SubscriptionAction::Resume})
                    .effects.empty());

    auto suspended =
        subscription("s1", SubscriptionStatus::Suspended, {SubscriptionAction::Resume});
    suspended.subscription.version = 3;
    t = update(t.state, HttpAnswered{suspend.id, Purpose::SubscriptionAction, 200,
                                     core::to_json(suspended).dump()});
    EXPECT_EQ(t.state.profile.subscriptions[0].subscription.status, SubscriptionStatus::Suspended);
    EXPECT_EQ(t.state.profile.subscriptions[0].actions,
              (std::vector<SubscriptionAction>{SubscriptionAction::Resume}));
    EXPECT_EQ(t.state.toast->text, "Microsoft 365 Business Premium was suspended.");
    EXPECT_TRUE(t.state.profile.changingSubscriptionId.empty());
}

TEST(AppSubscriptions, ResumeFollowsTheSameWay) {
    auto t =
        update(subscriptions_tab(), SubscriptionActionClicked{"s2", SubscriptionAction::Resume});
    const auto resume = only_request(t);
    EXPECT_EQ(resume.path, "/api/v1/subscriptions/s2/resume");
    t = update(t.state, HttpAnswered{resume.id, Purpose::SubscriptionAction, 200,
                                     core::to_json(subscription("s2", SubscriptionStatus::Active,
                                                                {SubscriptionAction::Suspend}))
                                         .dump()});
    EXPECT_EQ(t.state.profile.subscriptions[1].subscription.status, SubscriptionStatus::Active);
    EXPECT_EQ(t.state.toast->text, "Microsoft 365 Business Premium was resumed.");
}

TEST(AppSubscriptions, AnActionTheSubscriptionDoesNotOfferIsNotSent) {
    const State s = subscriptions_tab();
    EXPECT_TRUE(
        update(s, SubscriptionActionClicked{"s1", SubscriptionAction::Resume}).effects.empty());
    EXPECT_TRUE(
        update(s, SubscriptionActionClicked{"nope", SubscriptionAction::Suspend}).effects.empty());
}

TEST(AppSubscriptions, AConflictSaysWhyAndShowsWhereTheyStand) {
    auto t =
        update(subscriptions_tab(), SubscriptionActionClicked{"s1", SubscriptionAction::Suspend});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SubscriptionAction, 409,
                                     problem(core::ErrorKind::Conflict,
                                             "This subscription is already suspended.")});
    EXPECT_EQ(t.state.toast->text, "This subscription is already suspended.");
    EXPECT_TRUE(t.state.toast->isError);
    EXPECT_EQ(only_request(t).path, "/api/v1/customers/c1/subscriptions");
}

}  // namespace
}  // namespace orgdesk::app
