// Every organization action from every status for every role: allowed or refused, and with what.
#include <gtest/gtest.h>

#include "core/organization_lifecycle.hpp"

namespace orgdesk::core {
namespace {

Principal principal_with(Role role) {
    Principal p;
    p.userId = "u1";
    p.role = role;
    p.distributorId = "dist";
    p.sellerId = "seller";
    p.customerId = "org";
    return p;
}

Organization org_in(OrgStatus status, int subscriptions = 0) {
    Organization o;
    o.id = "org";
    o.distributorId = "dist";
    o.sellerId = "seller";
    o.status = status;
    o.subscriptionCount = subscriptions;
    return o;
}

bool is_reseller_staff(Role r) {
    return r == Role::DistributorAdmin || r == Role::SellerAdmin || r == Role::AccountManager;
}
bool is_partner_admin(Role r) {
    return r == Role::DistributorAdmin || r == Role::SellerAdmin;
}

// The DESIGN.md table, written out independently of the implementation.
std::optional<OrgStatus> expected_target(OrgStatus from, OrgAction action) {
    using S = OrgStatus;
    using A = OrgAction;
    if (from == S::Deleted)
        return std::nullopt;
    if (action == A::Approve && from == S::New)
        return S::Active;
    if (action == A::Reject && from == S::New)
        return S::Rejected;
    if (action == A::Suspend && from == S::Active)
        return S::Blocked;
    if (action == A::Resume && from == S::Blocked)
        return S::Active;
    if (action == A::Delete)
        return S::Deleted;
    if (action == A::Edit)
        return from;
    return std::nullopt;
}

bool expected_role_may(Role role, OrgAction action) {
    switch (action) {
        case OrgAction::Approve:
        case OrgAction::Reject:
            return is_reseller_staff(role);
        case OrgAction::Suspend:
        case OrgAction::Resume:
        case OrgAction::Delete:
            return is_partner_admin(role);
        case OrgAction::Edit:
            return is_reseller_staff(role) || role == Role::CustomerOwner ||
                   role == Role::CustomerAdmin;
    }
    return false;
}

TEST(OrganizationLifecycle, EveryActionFromEveryStatusForEveryRole) {
    int cases = 0;
    for (const Role role : kAllRoles) {
        for (const OrgStatus from : kAllOrgStatuses) {
            for (const OrgAction action : kAllOrgActions) {
                SCOPED_TRACE(std::string(to_string(role)) + " " + std::string(to_string(action)) +
                             " from " + std::string(to_string(from)));
                const auto result = decide(principal_with(role), org_in(from), action);
                ++cases;
                if (from == OrgStatus::Deleted) {
                    // A deleted organization is gone for everyone but the audit trail.
                    ASSERT_FALSE(result.ok());
                    EXPECT_EQ(result.error().kind, ErrorKind::NotFound);
                } else if (!expected_role_may(role, action)) {
                    ASSERT_FALSE(result.ok());
                    EXPECT_EQ(result.error().kind, ErrorKind::Forbidden);
                    EXPECT_FALSE(result.error().message.empty());
                } else if (const auto to = expected_target(from, action)) {
                    ASSERT_TRUE(result.ok()) << result.error().message;
                    EXPECT_EQ(result.value(), *to);
                } else {
                    ASSERT_FALSE(result.ok());
                    EXPECT_EQ(result.error().kind, ErrorKind::Conflict);
                    EXPECT_EQ(result.error().code, "invalid-status");
                }
            }
        }
    }
    EXPECT_EQ(cases, 6 * 5 * 6);
}

TEST(OrganizationLifecycle, ApprovingAnythingButNewGivesTheSeedMessage) {
    for (const OrgStatus from : {OrgStatus::Active, OrgStatus::Blocked, OrgStatus::Rejected}) {
        const auto result =
            decide(principal_with(Role::SellerAdmin), org_in(from), OrgAction::Approve);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().message,
                  "Cannot activate the customer organization in its current status.");
    }
}

TEST(OrganizationLifecycle, CustomerRolesMayNeverApprove) {
    const auto result =
        decide(principal_with(Role::CustomerOwner), org_in(OrgStatus::New), OrgAction::Approve);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::Forbidden);
    EXPECT_EQ(result.error().message,
              "Only a Distributor Admin, Seller Admin or Account Manager may approve customer "
              "organizations.");
}

TEST(OrganizationLifecycle, DeleteIsRefusedWhileSubscriptionsAreActive) {
    const auto result =
        decide(principal_with(Role::SellerAdmin), org_in(OrgStatus::Active, 2), OrgAction::Delete);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(result.error().message, "Cancel all active subscriptions and try again.");
}

TEST(OrganizationLifecycle, AnotherTenantsOrganizationIsNotFoundWhateverTheRole) {
    Organization other = org_in(OrgStatus::New);
    other.id = "other-org";
    other.sellerId = "other-seller";
    other.distributorId = "other-dist";
    for (const Role role : kAllRoles) {
        const auto result = decide(principal_with(role), other, OrgAction::Approve);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().kind, ErrorKind::NotFound) << to_string(role);
    }
}

TEST(OrganizationLifecycle, AllowedActionsFollowRoleAndStatus) {
    const auto actions =
        allowed_actions(principal_with(Role::AccountManager), org_in(OrgStatus::New));
    EXPECT_EQ(actions,
              (std::vector<OrgAction>{OrgAction::Approve, OrgAction::Reject, OrgAction::Edit}));
    // Delete is offered with active subscriptions: trying it says what to do first.
    EXPECT_EQ(allowed_actions(principal_with(Role::SellerAdmin), org_in(OrgStatus::Active, 1)),
              (std::vector<OrgAction>{OrgAction::Suspend, OrgAction::Delete, OrgAction::Edit}));
    EXPECT_EQ(allowed_actions(principal_with(Role::SellerAdmin), org_in(OrgStatus::Blocked)),
              (std::vector<OrgAction>{OrgAction::Resume, OrgAction::Delete, OrgAction::Edit}));
    EXPECT_TRUE(
        allowed_actions(principal_with(Role::CustomerMember), org_in(OrgStatus::New)).empty());
}

}  // namespace
}  // namespace orgdesk::core
