// Subscriptions: created per order line, suspended and resumed by whom and from which status.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/subscription.hpp"
#include "order_test_support.hpp"

namespace orgdesk::core {
namespace {

using test::principal_with;

constexpr SubscriptionStatus kAllSubscriptionStatuses[] = {
    SubscriptionStatus::Active, SubscriptionStatus::Suspended, SubscriptionStatus::Cancelled};

Subscription subscription_in(SubscriptionStatus status) {
    auto subscriptions =
        subscriptions_for(test::order_in(OrderStatus::Provisioned), {"sub-1", "sub-2"}, 5);
    subscriptions.front().status = status;
    return subscriptions.front();
}

// The rules, written out independently of the implementation.
std::optional<SubscriptionStatus> expected_target(SubscriptionStatus from,
                                                  SubscriptionAction action) {
    if (action == SubscriptionAction::Suspend && from == SubscriptionStatus::Active)
        return SubscriptionStatus::Suspended;
    if (action == SubscriptionAction::Resume && from == SubscriptionStatus::Suspended)
        return SubscriptionStatus::Active;
    return std::nullopt;
}

TEST(Subscription, OnePerOrderLine) {
    const Order order = test::order_in(OrderStatus::Provisioned);
    const auto subscriptions = subscriptions_for(order, {"sub-1", "sub-2"}, 1'763'000'300'000);
    ASSERT_EQ(subscriptions.size(), 2U);
    for (int i = 0; i < 2; ++i) {
        SCOPED_TRACE(i);
        const auto& s = subscriptions[static_cast<std::size_t>(i)];
        const auto& line = order.lines[static_cast<std::size_t>(i)];
        EXPECT_EQ(s.id, "sub-" + std::to_string(i + 1));
        EXPECT_EQ(s.lineNumber, i);
        EXPECT_EQ(s.orderId, order.id);
        EXPECT_EQ(s.customerId, test::kCustomer);
        EXPECT_EQ(s.sellerId, test::kSellerOne);
        EXPECT_EQ(s.distributorId, test::kDistributor);
        EXPECT_EQ(s.sku, line.sku);
        EXPECT_EQ(s.name, line.name);
        EXPECT_EQ(s.quantity, line.quantity);
        EXPECT_EQ(s.billingPeriod, line.billingPeriod);
        EXPECT_EQ(s.status, SubscriptionStatus::Active);
        EXPECT_EQ(s.version, 1);
        EXPECT_EQ(s.createdAtMs, 1'763'000'300'000);
        EXPECT_EQ(s.updatedAtMs, 1'763'000'300'000);
    }
    EXPECT_EQ(subscriptions[1].billingPeriod, BillingPeriod::Annual);
}

TEST(Subscription, EveryActionFromEveryStatusForEveryRole) {
    const auto check = [](Role role, SubscriptionStatus from, SubscriptionAction action) {
        const auto result = decide(principal_with(role), subscription_in(from), action);
        // The actions listed are exactly those that would succeed.
        const auto allowed = allowed_actions(principal_with(role), subscription_in(from));
        EXPECT_EQ(std::find(allowed.begin(), allowed.end(), action) != allowed.end(), result.ok());
        if (role == Role::CustomerMember) {
            ASSERT_FALSE(result.ok());
            EXPECT_EQ(result.error().kind, ErrorKind::Forbidden);
        } else if (const auto to = expected_target(from, action)) {
            ASSERT_TRUE(result.ok()) << result.error().message;
            EXPECT_EQ(result.value(), *to);
        } else {
            ASSERT_FALSE(result.ok());
            EXPECT_EQ(result.error().kind, ErrorKind::Conflict);
            EXPECT_EQ(result.error().code, "invalid-status");
            EXPECT_EQ(result.error().message, "Cannot " + std::string(to_string(action)) +
                                                  " a subscription that is " +
                                                  std::string(to_string(from)) + ".");
        }
    };
    EXPECT_EQ(test::for_every_case(kAllSubscriptionStatuses, kAllSubscriptionActions, check),
              6 * 3 * 2);
}

TEST(Subscription, CancelledCanDoNothing) {
    for (const Role role : kAllRoles) {
        EXPECT_TRUE(
            allowed_actions(principal_with(role), subscription_in(SubscriptionStatus::Cancelled))
                .empty());
    }
}

TEST(Subscription, AnotherTenantGetsNotFound) {
    const auto subscription = subscription_in(SubscriptionStatus::Active);
    for (const SubscriptionAction action : kAllSubscriptionActions) {
        const auto result = decide(test::seller_two_admin(), subscription, action);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().kind, ErrorKind::NotFound);
    }
    const auto other_customer = principal_with(Role::CustomerOwner, test::kSellerOne, "cust-2");
    EXPECT_FALSE(can_view(other_customer, subscription));
    EXPECT_EQ(decide(other_customer, subscription, SubscriptionAction::Suspend).error().kind,
              ErrorKind::NotFound);
    EXPECT_TRUE(allowed_actions(test::seller_two_admin(), subscription).empty());
    EXPECT_TRUE(can_view(principal_with(Role::CustomerMember), subscription));
}

TEST(Subscription, NamesRoundTrip) {
    for (const SubscriptionStatus status : kAllSubscriptionStatuses)
        EXPECT_EQ(parse_subscription_status(to_string(status)), status);
    for (const SubscriptionAction action : kAllSubscriptionActions)
        EXPECT_EQ(parse_subscription_action(to_string(action)), action);
    EXPECT_EQ(to_string(SubscriptionAction::Suspend), "suspend");
    EXPECT_EQ(to_string(SubscriptionStatus::Suspended), "Suspended");
    EXPECT_FALSE(parse_subscription_status("active").has_value());
}

}  // namespace
}  // namespace orgdesk::core
