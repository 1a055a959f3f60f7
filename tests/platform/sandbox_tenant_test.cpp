// The tenant a sandbox is made of: big enough to feel real, consistent with the core's rules,
// and wholly its own (every row under its distributor, every id fresh).
#include "platform/sandbox_tenant.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <set>

#include "core/order_lifecycle.hpp"

namespace orgdesk::platform {
namespace {

constexpr std::int64_t kNow = 1'795'369'342'000;
const std::string kDistributor = "d5a00000-0000-4000-8000-000000000001";

IdGenerator counting_ids() {
    return [next = std::make_shared<std::atomic<int>>(0)] {
        char id[40];
        std::snprintf(id, sizeof id, "5b000000-0000-4000-8000-%012d", ++*next);
        return std::string(id);
    };
}

class SandboxTenant : public ::testing::Test {
  protected:
    TenantSeed tenant = sandbox_tenant(kDistributor, kNow, {}, counting_ids());
};

TEST_F(SandboxTenant, HasAboutTwoHundredCustomersWithDistinctRealisticNames) {
    EXPECT_EQ(tenant.organizations.size(), 200U);
    std::set<std::string> names;
    for (const auto& seeded : tenant.organizations) {
        EXPECT_TRUE(names.insert(seeded.org.name).second) << seeded.org.name;
        EXPECT_EQ(seeded.org.distributorId, kDistributor);
        EXPECT_EQ(seeded.org.userCount, static_cast<int>(seeded.members.size()));
        EXPECT_FALSE(seeded.members.empty()) << seeded.org.name;
        EXPECT_LE(seeded.org.createdAtMs, kNow);
    }
    EXPECT_EQ(tenant.organizations.front().org.name, "Northwind Traders AB");
}

TEST_F(SandboxTenant, HasAboutFiveHundredOrdersInEveryStatusOfItsOwnCustomers) {
    EXPECT_GE(tenant.orders.size(), 490U);
    std::map<std::string, const core::Organization*> customers;
    for (const auto& seeded : tenant.organizations)
        customers[seeded.org.id] = &seeded.org;
    std::map<core::OrderStatus, int> counts;
    for (const auto& order : tenant.orders) {
        ++counts[order.status];
        ASSERT_TRUE(customers.count(order.customerId));
        const auto& customer = *customers.at(order.customerId);
        EXPECT_EQ(order.sellerId, customer.sellerId);
        EXPECT_EQ(order.distributorId, kDistributor);
        EXPECT_GT(order.price.total, 0);
        EXPECT_GE(order.createdAtMs, customer.createdAtMs);
        EXPECT_LE(order.updatedAtMs, kNow);
        const bool decided = order.status != core::OrderStatus::PendingApproval;
        EXPECT_EQ(!order.decidedByName.empty(), decided) << order.id;
    }
    for (const auto status : core::kAllOrderStatuses)
        EXPECT_GT(counts[status], 0) << core::to_string(status);
}

TEST_F(SandboxTenant, ProvisionedOrdersMadeTheSubscriptionsTheirCustomersCount) {
    std::map<std::string, int> perCustomer;
    std::set<std::string> provisioned;
    for (const auto& order : tenant.orders) {
        if (order.status == core::OrderStatus::Provisioned)
            provisioned.insert(order.id);
    }
    for (const auto& subscription : tenant.subscriptions) {
        EXPECT_TRUE(provisioned.count(subscription.orderId));
        ++perCustomer[subscription.customerId];
    }
    for (const auto& seeded : tenant.organizations)
        EXPECT_EQ(seeded.org.subscriptionCount, perCustomer[seeded.org.id]) << seeded.org.name;
}

TEST_F(SandboxTenant, HasOneUserPerDemoRoleAndTheOwnerOwnsAnActiveCustomer) {
    ASSERT_EQ(tenant.users.size(), 4U);
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& user = tenant.users[i].principal;
        EXPECT_EQ(user.role, core::kSandboxRoles[i]);
        EXPECT_EQ(user.distributorId, kDistributor);
        EXPECT_NE(user.username.find(".sandbox.test"), std::string::npos);
        EXPECT_TRUE(tenant.users[i].passwordHash.empty());  // no way in by password
    }
    const auto& owner = tenant.users[3].principal;
    const auto& first = tenant.organizations.front();
    EXPECT_EQ(owner.customerId, first.org.id);
    EXPECT_EQ(owner.sellerId, first.org.sellerId);
    EXPECT_EQ(first.org.status, core::OrgStatus::Active);
    EXPECT_EQ(first.members.front().role, core::MemberRole::Owner);
    EXPECT_EQ(first.members.front().name, owner.displayName);
    // The Seller Admin and Account Manager work for the owner's seller.
    EXPECT_EQ(tenant.users[1].principal.sellerId, first.org.sellerId);
    EXPECT_EQ(tenant.users[2].principal.sellerId, first.org.sellerId);
}

TEST_F(SandboxTenant, EveryAuditEventIsAboutOneOfItsOwnEntities) {
    std::set<std::string> entities;
    for (const auto& seeded : tenant.organizations)
        entities.insert(seeded.org.id);
    for (const auto& order : tenant.orders)
        entities.insert(order.id);
    for (const auto& subscription : tenant.subscriptions)
        entities.insert(subscription.id);
    for (const auto& event : tenant.audit)
        EXPECT_TRUE(entities.count(event.entityId)) << event.action << " " << event.entityId;
    EXPECT_GE(tenant.audit.size(), tenant.organizations.size() + tenant.orders.size());
}

TEST_F(SandboxTenant, TwoSandboxesGetDifferentUsernames) {
    const auto other =
        sandbox_tenant("d5b00000-0000-4000-8000-000000000002", kNow, {}, counting_ids());
    EXPECT_NE(other.users[0].principal.username, tenant.users[0].principal.username);
}

}  // namespace
}  // namespace orgdesk::platform
