// The store's catalog, orders and subscriptions on a real database (SQLite and PostgreSQL): round
// trips, scoped lists and pages, conditional transitions, provisioning's subscriptions and
// counts, the cascades of an organization update, and migration 3 over an older database.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <set>
#include <thread>

#include "core/order_lifecycle.hpp"
#include "order_test_support.hpp"
#include "platform/sqlite_schema.hpp"

namespace orgdesk::platform {
namespace {

using core::OrderStatus;
using core::SubscriptionStatus;
using core::TenantLevel;
using order_testing::audit_count;
using order_testing::insert_of;
using order_testing::kT0;
using order_testing::order_of;
using order_testing::transition_of;

std::vector<std::string> ids_of(const std::vector<core::Order>& orders) {
    std::vector<std::string> ids;
    for (const auto& o : orders)
        ids.push_back(o.id);
    return ids;
}

OrderQuery query_in(TenantLevel level, const std::string& id) {
    OrderQuery q;
    q.scope = {level, id};
    q.limit = core::kMaxPageSize;
    return q;
}

class OrderStoreTest : public order_testing::OrderStoreTest {
  protected:
    void SetUp() override {
        order_testing::OrderStoreTest::SetUp();
        c1 = add_customer("c1", "s1");
        c2 = add_customer("c2", "s1");
        c3 = add_customer("c3", "s2");
        c9 = add_customer("c9", "s3");
    }

    std::vector<std::string> listed(const OrderQuery& q) {
        return ids_of(store.list_orders(q).items);
    }

    core::Organization c1, c2, c3, c9;
};

INSTANTIATE_TEST_SUITE_P(Backends, OrderStoreTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(OrderStoreTest, CreateAndFindRoundTripEveryField) {
    auto order = order_of(c1, "o-1", kT0 + 5, 3);
    // Every column is written as given, decision fields included.
    order.decidedById = "u-x";
    order.decidedByName = "Xavier";
    order.decidedAtMs = kT0 + 6;
    order.rejectionReason = "why not";
    order.failureReason = "it broke";
    order.version = 4;
    order.updatedAtMs = kT0 + 7;
    const auto outcome = store.create_order(insert_of(order));
    ASSERT_TRUE(outcome.inserted.has_value());
    EXPECT_FALSE(outcome.earlier.has_value());
    EXPECT_EQ(*outcome.inserted, order);

    const auto found = store.find_order("o-1");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(*found, order);
    ASSERT_EQ(found->lines.size(), 3U);
    EXPECT_EQ(found->lines[1].billingPeriod, core::BillingPeriod::Annual);
    EXPECT_EQ(found->lines[2].unitPrice, 3099);
    EXPECT_EQ(found->price.taxRateBasisPoints, 2500);
    EXPECT_EQ(found->price.total, found->price.net + found->price.tax);
    EXPECT_GT(found->price.tax, 0);

    const auto trail = store.audit_trail("o-1");
    ASSERT_EQ(trail.size(), 1U);
    EXPECT_EQ(trail[0].action, "place");
    EXPECT_EQ(trail[0].entityType, "order");
    EXPECT_FALSE(store.find_order("o-missing").has_value());
}

TEST_P(OrderStoreTest, ListsAreScopedToTheTenant) {
    add_order(c1, "o-c1-a", kT0 + 1);
    add_order(c1, "o-c1-b", kT0 + 2);
    add_order(c2, "o-c2", kT0 + 3);
    add_order(c3, "o-c3", kT0 + 4);
    add_order(c9, "o-c9", kT0 + 5);

    using V = std::vector<std::string>;
    EXPECT_EQ(listed(query_in(TenantLevel::Distributor, "d1")),
              (V{"o-c3", "o-c2", "o-c1-b", "o-c1-a"}));
    EXPECT_EQ(listed(query_in(TenantLevel::Distributor, "d2")), (V{"o-c9"}));
    EXPECT_EQ(listed(query_in(TenantLevel::Seller, "s1")), (V{"o-c2", "o-c1-b", "o-c1-a"}));
    EXPECT_EQ(listed(query_in(TenantLevel::Seller, "s2")), (V{"o-c3"}));
    EXPECT_EQ(listed(query_in(TenantLevel::Customer, "c1")), (V{"o-c1-b", "o-c1-a"}));
    EXPECT_EQ(listed(query_in(TenantLevel::Customer, "c3")), (V{"o-c3"}));
    EXPECT_TRUE(listed(query_in(TenantLevel::Seller, "")).empty());
    EXPECT_TRUE(listed(query_in(TenantLevel::Customer, "nobody")).empty());
}

TEST_P(OrderStoreTest, ListsFilterByStatusCustomerAndCreationTime) {
    const auto a = add_order(c1, "o-a", kT0 + 100);
    add_order(c1, "o-b", kT0 + 200);
    const auto c = add_order(c2, "o-c", kT0 + 300);
    add_order(c3, "o-d", kT0 + 400);
    move(a, OrderStatus::Approved, kT0 + 500);
    move(c, OrderStatus::Rejected, kT0 + 500);

    using V = std::vector<std::string>;
    auto q = query_in(TenantLevel::Seller, "s1");
    q.status = OrderStatus::PendingApproval;
    EXPECT_EQ(listed(q), (V{"o-b"}));
    q.status = OrderStatus::Approved;
    EXPECT_EQ(listed(q), (V{"o-a"}));
    q.status = OrderStatus::Provisioned;
    EXPECT_TRUE(listed(q).empty());

    q = query_in(TenantLevel::Seller, "s1");
    q.customerId = "c1";
    EXPECT_EQ(listed(q), (V{"o-b", "o-a"}));
    q.customerId = "c3";  // another seller's customer: nothing, not its orders
    EXPECT_TRUE(listed(q).empty());

    q = query_in(TenantLevel::Distributor, "d1");
    q.fromMs = kT0 + 200;  // inclusive
    EXPECT_EQ(listed(q), (V{"o-d", "o-c", "o-b"}));
    q.beforeMs = kT0 + 400;  // exclusive
    EXPECT_EQ(listed(q), (V{"o-c", "o-b"}));
    q.fromMs = 0;
    EXPECT_EQ(listed(q), (V{"o-c", "o-b", "o-a"}));
    q.status = OrderStatus::PendingApproval;
    q.customerId = "c1";
    EXPECT_EQ(listed(q), (V{"o-b"}));
}

TEST_P(OrderStoreTest, PagesCoverEveryOrderOnceNewestFirst) {
    // 25 orders, three at a time sharing a creation time, inserted out of id order, so the pages
    // must break ties by id.
    std::set<std::string> placed;
    for (int i = 0; i < 25; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "o-%02d", (i * 7) % 25);
        add_order(i % 2 == 0 ? c1 : c2, id, kT0 + i / 3);
        placed.insert(id);
    }
    auto q = query_in(TenantLevel::Seller, "s1");
    q.limit = 4;
    std::vector<core::Order> seen;
    int pages = 0;
    for (; pages < 20; ++pages) {
        const auto page = store.list_orders(q);
        EXPECT_LE(page.items.size(), 4U);
        seen.insert(seen.end(), page.items.begin(), page.items.end());
        if (!page.next) {
            break;
        }
        EXPECT_EQ(page.items.size(), 4U);  // only the last page is short
        EXPECT_EQ(page.next->id, page.items.back().id);
        EXPECT_EQ(page.next->createdAtMs, page.items.back().createdAtMs);
        q.after = page.next;
    }
    EXPECT_EQ(pages, 6);  // 6 full pages and one of 1
    ASSERT_EQ(seen.size(), 25U);
    for (std::size_t i = 1; i < seen.size(); ++i) {
        const bool newer =
            seen[i - 1].createdAtMs > seen[i].createdAtMs ||
            (seen[i - 1].createdAtMs == seen[i].createdAtMs && seen[i - 1].id > seen[i].id);
        EXPECT_TRUE(newer) << seen[i - 1].id << " before " << seen[i].id;
    }
    const auto ids = ids_of(seen);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), placed);

    // A page boundary exactly at the end: the last full page says there is no next one.
    q = query_in(TenantLevel::Customer, "c2");  // 12 orders
    q.limit = 12;
    EXPECT_EQ(store.list_orders(q).items.size(), 12U);
    EXPECT_FALSE(store.list_orders(q).next.has_value());
}

TEST_P(OrderStoreTest, CountsOrdersByStatusWithinScopeAndCustomer) {
    const auto a = add_order(c1, "o-a", kT0 + 1);
    add_order(c1, "o-b", kT0 + 2);
    const auto c = add_order(c2, "o-c", kT0 + 3);
    add_order(c3, "o-d", kT0 + 4);
    add_order(c9, "o-e", kT0 + 5);
    move_through(a, OrderStatus::Provisioned, kT0 + 10);
    move(c, OrderStatus::Rejected, kT0 + 10);

    using M = std::map<OrderStatus, int>;
    EXPECT_EQ(store.count_orders_by_status({TenantLevel::Distributor, "d1"}, ""),
              (M{{OrderStatus::PendingApproval, 2},
                 {OrderStatus::Provisioned, 1},
                 {OrderStatus::Rejected, 1}}));
    EXPECT_EQ(store.count_orders_by_status({TenantLevel::Seller, "s1"}, ""),
              (M{{OrderStatus::PendingApproval, 1},
                 {OrderStatus::Provisioned, 1},
                 {OrderStatus::Rejected, 1}}));
    EXPECT_EQ(store.count_orders_by_status({TenantLevel::Seller, "s1"}, "c1"),
              (M{{OrderStatus::PendingApproval, 1}, {OrderStatus::Provisioned, 1}}));
    EXPECT_EQ(store.count_orders_by_status({TenantLevel::Seller, "s2"}, "c1"), M{});
    EXPECT_EQ(store.count_orders_by_status({TenantLevel::Customer, "c9"}, ""),
              (M{{OrderStatus::PendingApproval, 1}}));
}

TEST_P(OrderStoreTest, ATransitionIsConditionalOnStatusAndVersion) {
    const auto order = add_order(c1, "o-1", kT0);
    auto approve = transition_of(order, OrderStatus::Approved, kT0 + 50);

    // A stale version: refused, nothing written.
    auto stale = approve;
    stale.expectedVersion = order.version + 1;
    EXPECT_FALSE(store.transition_order(stale));
    EXPECT_EQ(*store.find_order("o-1"), order);
    EXPECT_EQ(store.audit_trail("o-1").size(), 1U);

    ASSERT_TRUE(store.transition_order(approve));
    const auto stored = *store.find_order("o-1");
    EXPECT_EQ(stored.status, OrderStatus::Approved);
    EXPECT_EQ(stored.version, order.version + 1);
    EXPECT_EQ(stored.decidedById, order_testing::kDeciderId);
    EXPECT_EQ(stored.decidedByName, order_testing::kDeciderName);
    EXPECT_EQ(stored.decidedAtMs, kT0 + 50);
    EXPECT_EQ(stored.updatedAtMs, kT0 + 50);
    EXPECT_EQ(stored.lines, order.lines);  // the order itself never changes
    EXPECT_EQ(stored.price, order.price);
    EXPECT_EQ(store.audit_trail("o-1").size(), 2U);

    // The same transition again (the status moved on), or a rejection from the status read
    // before: refused, nothing written. Without a version the status alone decides.
    EXPECT_FALSE(store.transition_order(approve));
    auto reject = transition_of(order, OrderStatus::Rejected, kT0 + 60);
    reject.expectedVersion.reset();
    EXPECT_FALSE(store.transition_order(reject));
    EXPECT_EQ(*store.find_order("o-1"), stored);
    EXPECT_EQ(store.audit_trail("o-1").size(), 2U);
}

TEST_P(OrderStoreTest, OfTwoConcurrentTransitionsFromOneStatusExactlyOneSucceeds) {
    // Two connections on one database, as two server processes would have.
    const auto secondStore = database.open();
    auto& second = *secondStore;
    for (int round = 0; round < 8; ++round) {
        const auto order = add_order(c1, "o-race-" + std::to_string(round), kT0 + round);
        const auto approve = transition_of(order, OrderStatus::Approved, kT0 + 100);
        const auto reject = transition_of(order, OrderStatus::Rejected, kT0 + 100);
        std::atomic<int> approved{0}, rejected{0};
        std::thread a([&] { approved += store.transition_order(approve) ? 1 : 0; });
        std::thread b([&] { rejected += second.transition_order(reject) ? 1 : 0; });
        a.join();
        b.join();
        EXPECT_EQ(approved + rejected, 1);
        const auto stored = *store.find_order(order.id);
        EXPECT_EQ(stored.status, approved == 1 ? OrderStatus::Approved : OrderStatus::Rejected);
        EXPECT_EQ(stored.version, order.version + 1);
        EXPECT_EQ(store.audit_trail(order.id).size(), 2U);  // place and the one decision
    }
}

TEST_P(OrderStoreTest, ProvisioningInsertsSubscriptionsAndCountsThemInOneTransaction) {
    auto order = move_through(add_order(c1, "o-1", kT0, 3), OrderStatus::Provisioning, kT0 + 10);
    add_order(c2, "o-2", kT0);
    // A subscription that breaks a rule (an unknown seller) makes the whole transition fail:
    // the order stays Provisioning, no subscription and no count is left behind.
    auto broken = transition_of(order, OrderStatus::Provisioned, kT0 + 20);
    broken.subscriptions = core::subscriptions_for(order, {"sub-0", "sub-1", "sub-2"}, kT0 + 20);
    broken.subscriptions[2].sellerId = "no-such-seller";
    EXPECT_THROW(store.transition_order(broken), std::exception);
    EXPECT_EQ(store.find_order("o-1")->status, OrderStatus::Provisioning);
    EXPECT_EQ(store.find_order("o-1")->version, order.version);
    EXPECT_TRUE(store.list_subscriptions("c1").empty());
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 0);
    EXPECT_EQ(audit_count(store, "o-1", "Provisioned"), 0);

    auto provision = transition_of(order, OrderStatus::Provisioned, kT0 + 20);
    provision.subscriptions = core::subscriptions_for(order, {"sub-0", "sub-1", "sub-2"}, kT0 + 20);
    ASSERT_TRUE(store.transition_order(provision));
    EXPECT_EQ(store.find_order("o-1")->status, OrderStatus::Provisioned);
    EXPECT_EQ(store.list_subscriptions("c1"), provision.subscriptions);
    EXPECT_EQ(store.find_subscription("sub-1"), provision.subscriptions[1]);
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 3);
    EXPECT_EQ(store.find_organization("c2")->subscriptionCount, 0);
    EXPECT_EQ(audit_count(store, "o-1", "Provisioned"), 1);
    EXPECT_FALSE(store.find_subscription("sub-9").has_value());
}

TEST_P(OrderStoreTest, ATransitionMayBeConditionalOnTheCustomersStatus) {
    const auto order =
        move_through(add_order(c1, "o-1", kT0, 2), OrderStatus::Provisioning, kT0 + 10);
    block("c1", kT0 + 15);
    auto provision = transition_of(order, OrderStatus::Provisioned, kT0 + 20);
    provision.subscriptions = core::subscriptions_for(order, {"sub-0", "sub-1"}, kT0 + 20);
    provision.customerStatus = core::OrgStatus::Active;  // as the worker read it
    EXPECT_FALSE(store.transition_order(provision));
    EXPECT_EQ(*store.find_order("o-1"), order);
    EXPECT_TRUE(store.list_subscriptions("c1").empty());
    EXPECT_EQ(audit_count(store, "o-1", "Provisioned"), 0);

    auto fail = transition_of(order, OrderStatus::Failed, kT0 + 20);
    fail.customerStatus = core::OrgStatus::Blocked;
    EXPECT_TRUE(store.transition_order(fail));
    EXPECT_EQ(store.find_order("o-1")->status, OrderStatus::Failed);
}

TEST_P(OrderStoreTest, AnOrderCannotBeProvisionedTwice) {
    const auto order = move_through(add_order(c1, "o-1", kT0, 2), OrderStatus::Provisioned, kT0);
    ASSERT_EQ(store.list_subscriptions("c1").size(), 2U);
    const auto stored = *store.find_order("o-1");

    // A second provisioning from the status read before: the status condition refuses it.
    auto again = transition_of(order, OrderStatus::Provisioned, kT0 + 5);
    again.from = OrderStatus::Provisioning;
    again.expectedVersion.reset();
    again.subscriptions = core::subscriptions_for(order, {"again-0", "again-1"}, kT0 + 5);
    EXPECT_FALSE(store.transition_order(again));

    // Even a write whose status condition holds cannot add subscriptions for the same order
    // lines: the database's UNIQUE (order_id, line_number) refuses, and nothing is kept.
    again.from = OrderStatus::Provisioned;
    EXPECT_THROW(store.transition_order(again), std::exception);
    EXPECT_EQ(store.list_subscriptions("c1").size(), 2U);
    EXPECT_FALSE(store.find_subscription("again-0").has_value());
    EXPECT_EQ(*store.find_order("o-1"), stored);
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 2);
}

TEST_P(OrderStoreTest, OrdersToProvisionAreApprovedOrProvisioningOldestDecisionFirst) {
    // Decided at 300, 100, 200 (in that order of placing), plus one of every other status.
    move(add_order(c1, "o-late", kT0 + 1), OrderStatus::Approved, kT0 + 300);
    move_through(add_order(c2, "o-early", kT0 + 2), OrderStatus::Provisioning, kT0 + 100);
    move(add_order(c3, "o-mid", kT0 + 3), OrderStatus::Approved, kT0 + 200);
    add_order(c1, "o-pending", kT0 + 4);
    move_through(add_order(c1, "o-done", kT0 + 5), OrderStatus::Provisioned, kT0 + 50);
    move(add_order(c2, "o-rejected", kT0 + 6), OrderStatus::Rejected, kT0 + 50);
    auto failed =
        move_through(add_order(c9, "o-failed", kT0 + 7), OrderStatus::Provisioning, kT0 + 50);
    move(failed, OrderStatus::Failed, kT0 + 60);

    using V = std::vector<std::string>;
    EXPECT_EQ(ids_of(store.orders_to_provision(10)), (V{"o-early", "o-mid", "o-late"}));
    EXPECT_EQ(ids_of(store.orders_to_provision(2)), (V{"o-early", "o-mid"}));
    const auto statuses = store.orders_to_provision(10);
    EXPECT_EQ(statuses[0].status, OrderStatus::Provisioning);
    EXPECT_EQ(statuses[1].status, OrderStatus::Approved);
}

class OrganizationCascadeTest : public OrderStoreTest {
  protected:
    // The update of `org` to Blocked by Sam Seller at kT0 + 1000, on the version read.
    OrganizationUpdate suspend(const std::string& orgId) {
        const auto before = *store.find_organization(orgId);
        OrganizationUpdate update;
        update.after = before;
        update.after.status = core::OrgStatus::Blocked;
        update.after.version = before.version + 1;
        update.after.updatedAtMs = kT0 + 1000;
        update.expectedVersion = before.version;
        update.audit = {kT0 + 1000, "u-sam", "suspend", "organization", orgId, "", ""};
        update.actorName = "Sam Seller";
        return update;
    }

    // c1 with an Active, a Suspended and a Cancelled subscription; c2 with one Active.
    void subscribe() {
        move_through(add_order(c1, "o-c1", kT0, 3), OrderStatus::Provisioned, kT0 + 1);
        move_through(add_order(c2, "o-c2", kT0, 1), OrderStatus::Provisioned, kT0 + 1);
        set_status("o-c1-sub-1", SubscriptionStatus::Suspended);
        set_status("o-c1-sub-2", SubscriptionStatus::Cancelled);
        ASSERT_EQ(store.find_organization("c1")->subscriptionCount, 2);
    }

    void set_status(const std::string& id, SubscriptionStatus status) {
        const auto s = *store.find_subscription(id);
        SubscriptionUpdate update;
        update.after = s;
        update.after.status = status;
        update.after.updatedAtMs = kT0 + 2;
        update.expectedVersion = s.version;
        update.audit = {kT0 + 2, "u-owner", "change", "subscription", id, "", ""};
        ASSERT_TRUE(store.update_subscription(update));
    }
};

INSTANTIATE_TEST_SUITE_P(Backends, OrganizationCascadeTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(OrganizationCascadeTest, CancellingSubscriptionsCancelsEveryOneNotYetCancelled) {
    subscribe();
    auto update = suspend("c1");
    update.cancelSubscriptions = true;
    ASSERT_TRUE(store.update_organization(update));

    for (const auto& s : store.list_subscriptions("c1")) {
        EXPECT_EQ(s.status, SubscriptionStatus::Cancelled) << s.id;
        const bool wasCancelled = s.id == "o-c1-sub-2";
        EXPECT_EQ(audit_count(store, s.id, "cancel"), wasCancelled ? 0 : 1) << s.id;
        if (!wasCancelled) {
            EXPECT_EQ(s.updatedAtMs, kT0 + 1000);
            EXPECT_EQ(store.audit_trail(s.id).back().actorId, "u-sam");
        }
    }
    EXPECT_EQ(store.find_subscription("o-c1-sub-0")->version, 2);
    EXPECT_EQ(store.find_subscription("o-c1-sub-2")->version, 2);  // not touched again
    const auto org = *store.find_organization("c1");
    EXPECT_EQ(org.subscriptionCount, 0);
    EXPECT_EQ(org.status, core::OrgStatus::Blocked);
    // Another customer's subscriptions are untouched.
    EXPECT_EQ(store.find_subscription("o-c2-sub-0")->status, SubscriptionStatus::Active);
    EXPECT_EQ(store.find_organization("c2")->subscriptionCount, 1);
}

TEST_P(OrganizationCascadeTest, KeepingSubscriptionsLeavesThemAndTheirCount) {
    subscribe();
    ASSERT_TRUE(store.update_organization(suspend("c1")));
    EXPECT_EQ(store.find_subscription("o-c1-sub-0")->status, SubscriptionStatus::Active);
    EXPECT_EQ(store.find_subscription("o-c1-sub-1")->status, SubscriptionStatus::Suspended);
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 2);
}

TEST_P(OrganizationCascadeTest, RejectingPendingOrdersRejectsOnlyThoseAwaitingApproval) {
    const auto p1 = add_order(c1, "o-p1", kT0 + 1);
    const auto p2 = add_order(c1, "o-p2", kT0 + 2);
    const auto approved = move(add_order(c1, "o-approved", kT0 + 3), OrderStatus::Approved, kT0);
    const auto rejected = move(add_order(c1, "o-rejected", kT0 + 4), OrderStatus::Rejected, kT0);
    const auto elsewhere = add_order(c2, "o-c2", kT0 + 5);

    auto update = suspend("c1");
    update.rejectPendingOrders = true;
    ASSERT_TRUE(store.update_organization(update));

    for (const auto& pending : {p1, p2}) {
        const auto o = *store.find_order(pending.id);
        EXPECT_EQ(o.status, OrderStatus::Rejected);
        EXPECT_EQ(o.rejectionReason, core::kRejectedBySuspensionReason);
        EXPECT_EQ(o.decidedById, "u-sam");
        EXPECT_EQ(o.decidedByName, "Sam Seller");
        EXPECT_EQ(o.decidedAtMs, kT0 + 1000);
        EXPECT_EQ(o.version, pending.version + 1);
        EXPECT_EQ(audit_count(store, o.id, "reject"), 1);
    }
    EXPECT_EQ(*store.find_order("o-approved"), approved);
    EXPECT_EQ(*store.find_order("o-rejected"), rejected);
    EXPECT_EQ(*store.find_order("o-c2"), elsewhere);
}

TEST_P(OrganizationCascadeTest, AStaleUpdateCascadesNothing) {
    subscribe();
    add_order(c1, "o-pending", kT0 + 1);
    auto update = suspend("c1");
    update.expectedVersion += 1;
    update.cancelSubscriptions = true;
    update.rejectPendingOrders = true;
    EXPECT_FALSE(store.update_organization(update));
    EXPECT_EQ(store.find_order("o-pending")->status, OrderStatus::PendingApproval);
    EXPECT_EQ(store.find_subscription("o-c1-sub-0")->status, SubscriptionStatus::Active);
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 2);
    EXPECT_EQ(store.find_organization("c1")->status, core::OrgStatus::Active);
}

TEST_P(OrganizationCascadeTest, ASubscriptionUpdateIsConditionalOnItsVersionAndRecounts) {
    subscribe();  // c1: sub-0 Active, sub-1 Suspended (version 2), sub-2 Cancelled (version 2)
    const auto s = *store.find_subscription("o-c1-sub-0");
    SubscriptionUpdate update;
    update.after = s;
    update.after.status = SubscriptionStatus::Cancelled;
    update.after.updatedAtMs = kT0 + 9;
    update.expectedVersion = s.version + 1;  // stale
    update.audit = {kT0 + 9, "u-owner", "cancel", "subscription", s.id, "", ""};
    EXPECT_FALSE(store.update_subscription(update));
    EXPECT_EQ(*store.find_subscription(s.id), s);
    EXPECT_EQ(audit_count(store, s.id, "cancel"), 0);

    update.expectedVersion = s.version;
    ASSERT_TRUE(store.update_subscription(update));
    const auto stored = *store.find_subscription(s.id);
    EXPECT_EQ(stored.status, SubscriptionStatus::Cancelled);
    EXPECT_EQ(stored.version, s.version + 1);
    EXPECT_EQ(stored.updatedAtMs, kT0 + 9);
    EXPECT_EQ(audit_count(store, s.id, "cancel"), 1);
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 1);  // only sub-1 left
    EXPECT_FALSE(store.update_subscription(update));                 // the version moved on

    // Suspended subscriptions still count; a cancelled one made Active again counts again.
    set_status("o-c1-sub-2", SubscriptionStatus::Active);
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 2);
}

TEST_P(OrderStoreTest, AnIdempotentCreateWithTheSameKeyReturnsTheEarlierAnswer) {
    auto insert = insert_of(order_of(c1, "o-first", kT0));
    insert.idempotency = IdempotencyRecord{"u-owner", "key-1", "hash-1", 201, "", kT0};
    insert.idempotencyNotBeforeMs = kT0 - 1000;
    insert.answer = [](const core::Order& o) { return "{\"id\":\"" + o.id + "\"}"; };
    const auto first = store.create_order(insert);
    ASSERT_TRUE(first.inserted.has_value());
    EXPECT_FALSE(first.earlier.has_value());

    auto repeat = insert_of(order_of(c1, "o-second", kT0 + 1));
    repeat.idempotency = IdempotencyRecord{"u-owner", "key-1", "hash-2", 201, "", kT0 + 1};
    repeat.idempotencyNotBeforeMs = kT0 - 1000;
    repeat.answer = insert.answer;
    const auto second = store.create_order(repeat);
    EXPECT_FALSE(second.inserted.has_value());
    ASSERT_TRUE(second.earlier.has_value());
    EXPECT_EQ(second.earlier->body, "{\"id\":\"o-first\"}");
    EXPECT_EQ(second.earlier->requestHash, "hash-1");
    EXPECT_EQ(second.earlier->status, 201);
    EXPECT_FALSE(store.find_order("o-second").has_value());
    EXPECT_TRUE(store.audit_trail("o-second").empty());
    EXPECT_EQ(listed(query_in(TenantLevel::Customer, "c1")), std::vector<std::string>{"o-first"});

    // Another user's key of the same name is a different key.
    repeat.idempotency->userId = "u-other";
    EXPECT_TRUE(store.create_order(repeat).inserted.has_value());
}

TEST_P(OrderStoreTest, ProductsAreListedPerDistributorByName) {
    const core::Product zoom{
        "ZOOM", "Zoom Pro", 1333, "EUR", core::BillingPeriod::Monthly, {"SMB", "Education"}, "d1"};
    const core::Product adobe{"ADOBE",        "Adobe CC", 71988, "EUR", core::BillingPeriod::Annual,
                              {"Enterprise"}, "d1"};
    const core::Product box{"BOX", "Box Business", 1500, "USD", core::BillingPeriod::Monthly, {},
                            "d1"};
    const core::Product other{"AAA",   "Aardvark", 1, "EUR", core::BillingPeriod::Monthly,
                              {"SMB"}, "d2"};
    for (const auto& p : {zoom, adobe, box, other})
        store.insert_product(p);
    EXPECT_EQ(store.list_products("d1"), (std::vector<core::Product>{adobe, box, zoom}));
    EXPECT_EQ(store.list_products("d2"), (std::vector<core::Product>{other}));
    EXPECT_TRUE(store.list_products("nobody").empty());
    EXPECT_THROW(store.insert_product(zoom), std::exception);  // one sku per distributor
}

// A database written by the second release (schema version 2) with data in it.
void write_version_two_database(const std::string& path) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(std::string(kSqliteMigrations[0]));
    raw.exec(std::string(kSqliteMigrations[1]));
    raw.exec("PRAGMA user_version = 2");
    raw.exec(
        "INSERT INTO partners (id, name, distributor_id) VALUES ('d1', 'Dist', NULL), "
        "('s1', 'Seller', 'd1')");
    int providerId = 0;
    for (const char* id : {"org-b", "org-a"}) {
        SQLite::Statement q(raw,
                            "INSERT INTO organizations (id, name, segment, status, "
                            "ownership_type, owner_name, owner_email, billing_country, "
                            "distributor_id, seller_id, subscription_count, version, created_at, "
                            "updated_at, provider_id, rejection_reason) VALUES (?, ?, 'SMB', "
                            "'Active', 'Customer', 'Olga', 'olga@x.example', 'FI', 'd1', 's1', 2, "
                            "5, 10, 20, ?, '')");
        q.bind(1, id);
        q.bind(2, std::string("Name of ") + id);
        q.bind(3, ++providerId);
        q.exec();
    }
    raw.exec(
        "INSERT INTO members (id, org_id, name, email, role, created_at) VALUES "
        "('m1', 'org-a', 'Olga', 'olga@x.example', 'Owner', 10)");
    raw.exec(
        "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) "
        "VALUES ('u1', 'k1', 'h1', 201, '{}', 10)");
}

TEST(SqliteOrderMigration, VersionTwoWithDataMigratesToThreeKeepingItsRows) {
    orgdesk::testing::TempDatabase file;
    write_version_two_database(file.path());

    SqliteStore store(file.path());
    EXPECT_EQ(store.schema_version(), SqliteStore::latest_schema_version());  // 3 and later
    const auto a = store.find_organization("org-a");
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->name, "Name of org-a");
    EXPECT_EQ(a->providerId, 2);
    EXPECT_EQ(a->version, 5);
    EXPECT_EQ(a->subscriptionCount, 2);  // a count kept from before subscriptions were rows
    EXPECT_EQ(a->billing.country, "FI");
    EXPECT_EQ(store.find_organization_by_provider_id(1)->id, "org-b");
    ASSERT_EQ(store.list_members("org-a").size(), 1U);
    EXPECT_EQ(store.list_members("org-a")[0].role, core::MemberRole::Owner);
    EXPECT_EQ(store.find_idempotency_record("u1", "k1", 0)->requestHash, "h1");

    // The new tables are there and empty, and work for the old organizations.
    EXPECT_TRUE(store.list_products("d1").empty());
    EXPECT_TRUE(store.list_subscriptions("org-a").empty());
    EXPECT_TRUE(store.orders_to_provision(10).empty());
    store.insert_product({"SKU", "Thing", 100, "EUR", core::BillingPeriod::Monthly, {"SMB"}, "d1"});
    EXPECT_EQ(store.list_products("d1").size(), 1U);
    auto order = order_of(*a, "o-1", 30);
    ASSERT_TRUE(store.create_order(insert_of(order)).inserted.has_value());
    EXPECT_EQ(*store.find_order("o-1"), order);

    // Reopening migrates nothing again.
    SqliteStore again(file.path());
    EXPECT_EQ(again.schema_version(), SqliteStore::latest_schema_version());
    EXPECT_TRUE(again.find_order("o-1").has_value());
}

}  // namespace
}  // namespace orgdesk::platform
