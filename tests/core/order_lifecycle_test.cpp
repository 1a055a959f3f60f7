// Every order action from every status for every role, and the provisioning steps after approval.
#include <gtest/gtest.h>

#include "core/order_lifecycle.hpp"
#include "order_test_support.hpp"

namespace orgdesk::core {
namespace {

using test::order_in;
using test::principal_with;

// The DESIGN.md rules, written out independently of the implementation.
bool expected_staff(Role role) {
    return role == Role::DistributorAdmin || role == Role::SellerAdmin ||
           role == Role::AccountManager;
}

std::string expected_conflict(OrderStatus status) {
    return status == OrderStatus::Rejected ? "This order was already rejected by Ann Lee."
                                           : "This order was already approved by Ann Lee.";
}

TEST(OrderLifecycle, EveryActionFromEveryStatusForEveryRole) {
    const auto check = [](Role role, OrderStatus from, OrderAction action) {
        const auto result = decide(principal_with(role), order_in(from), action);
        if (!expected_staff(role)) {
            ASSERT_FALSE(result.ok());
            EXPECT_EQ(result.error().kind, ErrorKind::Forbidden);
            EXPECT_EQ(result.error().code, "forbidden");
        } else if (from == OrderStatus::PendingApproval) {
            ASSERT_TRUE(result.ok()) << result.error().message;
            EXPECT_EQ(result.value(), action == OrderAction::Approve ? OrderStatus::Approved
                                                                     : OrderStatus::Rejected);
        } else {
            ASSERT_FALSE(result.ok());
            EXPECT_EQ(result.error().kind, ErrorKind::Conflict);
            EXPECT_EQ(result.error().code, "already-decided");
            EXPECT_EQ(result.error().message, expected_conflict(from));
        }
    };
    EXPECT_EQ(test::for_every_case(kAllOrderStatuses, kAllOrderActions, check), 6 * 6 * 2);
}

TEST(OrderLifecycle, AnotherTenantGetsNotFound) {
    for (const OrderStatus from : kAllOrderStatuses) {
        for (const OrderAction action : kAllOrderActions) {
            const auto result = decide(test::seller_two_admin(), order_in(from), action);
            ASSERT_FALSE(result.ok());
            EXPECT_EQ(result.error().kind, ErrorKind::NotFound);
            EXPECT_EQ(result.error().code, "not-found");
        }
    }
    // Another customer of the same seller does not see the order either.
    const auto result = decide(principal_with(Role::CustomerOwner, test::kSellerOne, "cust-2"),
                               order_in(OrderStatus::PendingApproval), OrderAction::Approve);
    EXPECT_EQ(result.error().kind, ErrorKind::NotFound);
}

TEST(OrderLifecycle, VisibilityFollowsTheTenant) {
    const Order order = order_in(OrderStatus::PendingApproval);
    for (const Role role : kAllRoles)
        EXPECT_TRUE(can_view(principal_with(role), order)) << to_string(role);
    EXPECT_FALSE(can_view(test::seller_two_admin(), order));
    Principal other_distributor = principal_with(Role::DistributorAdmin);
    other_distributor.distributorId = "dist-2";
    EXPECT_FALSE(can_view(other_distributor, order));
}

TEST(OrderLifecycle, TheConflictNamesTheDecider) {
    const auto rejected = decide(principal_with(Role::SellerAdmin), order_in(OrderStatus::Rejected),
                                 OrderAction::Approve);
    EXPECT_EQ(rejected.error().message, "This order was already rejected by Ann Lee.");
    const auto approved = decide(principal_with(Role::SellerAdmin), order_in(OrderStatus::Approved),
                                 OrderAction::Reject);
    EXPECT_EQ(approved.error().message, "This order was already approved by Ann Lee.");

    Order anonymous = order_in(OrderStatus::Rejected);
    anonymous.decidedByName.clear();
    EXPECT_EQ(
        decide(principal_with(Role::SellerAdmin), anonymous, OrderAction::Reject).error().message,
        "This order was already rejected.");
}

TEST(OrderLifecycle, AllowedActionsMatchDecide) {
    std::vector<Principal> principals{test::seller_two_admin()};
    for (const Role role : kAllRoles)
        principals.push_back(principal_with(role));
    for (const auto& principal : principals) {
        for (const OrderStatus from : kAllOrderStatuses) {
            SCOPED_TRACE(std::string(to_string(principal.role)) + " " + principal.sellerId +
                         " from " + std::string(to_string(from)));
            const Order order = order_in(from);
            std::vector<OrderAction> expected;
            for (const OrderAction action : kAllOrderActions) {
                if (decide(principal, order, action))
                    expected.push_back(action);
            }
            EXPECT_EQ(allowed_actions(principal, order), expected);
        }
    }
    EXPECT_EQ(allowed_actions(principal_with(Role::AccountManager),
                              order_in(OrderStatus::PendingApproval)),
              (std::vector<OrderAction>{OrderAction::Approve, OrderAction::Reject}));
}

TEST(OrderLifecycle, ProvisioningSteps) {
    EXPECT_EQ(provisioning_step(OrderStatus::Approved), OrderStatus::Provisioning);
    EXPECT_EQ(provisioning_step(OrderStatus::Approved, false), OrderStatus::Provisioning);
    EXPECT_EQ(provisioning_step(OrderStatus::Provisioning), OrderStatus::Provisioned);
    EXPECT_EQ(provisioning_step(OrderStatus::Provisioning, false), OrderStatus::Failed);
    for (const OrderStatus from : {OrderStatus::PendingApproval, OrderStatus::Provisioned,
                                   OrderStatus::Failed, OrderStatus::Rejected}) {
        EXPECT_FALSE(provisioning_step(from).has_value()) << to_string(from);
        EXPECT_FALSE(provisioning_step(from, false).has_value()) << to_string(from);
    }
}

TEST(OrderLifecycle, NamesRoundTrip) {
    for (const OrderStatus status : kAllOrderStatuses)
        EXPECT_EQ(parse_order_status(to_string(status)), status);
    for (const OrderAction action : kAllOrderActions)
        EXPECT_EQ(parse_order_action(to_string(action)), action);
    EXPECT_EQ(to_string(OrderStatus::PendingApproval), "PendingApproval");
    EXPECT_EQ(to_string(OrderAction::Approve), "approve");
    EXPECT_EQ(to_string(OrderAction::Reject), "reject");
    EXPECT_FALSE(parse_order_status("pendingapproval").has_value());
    EXPECT_FALSE(parse_order_status("").has_value());
    EXPECT_FALSE(parse_order_action("Approve").has_value());
}

TEST(OrderLifecycle, DisplayNamesAreForPeople) {
    EXPECT_EQ(display_name(OrderStatus::PendingApproval), "Pending approval");
    EXPECT_EQ(display_name(OrderStatus::Rejected), "Rejected by reseller");
    EXPECT_EQ(display_name(OrderStatus::Provisioned), "Provisioned");
}

}  // namespace
}  // namespace orgdesk::core
