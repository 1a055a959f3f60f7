#pragma once
// Shared by the platform's order tests: a small tenant tree on a fresh database (distributor
// d1 with sellers s1 and s2; distributor d2 with seller s3), and customers and orders made to
// measure, written through the store's own methods. Parameterized on the store backend.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/order_placement.hpp"
#include "core/subscription.hpp"
#include "store_backends.hpp"

namespace orgdesk::platform::order_testing {

inline constexpr std::int64_t kT0 = 1'795'369'342'000;
inline constexpr const char* kDeciderId = "u-sam";
inline constexpr const char* kDeciderName = "Sam Seller";

// Counts the audit events of `entityId` with `action`.
inline int audit_count(Store& store, const std::string& entityId, const std::string& action) {
    int n = 0;
    for (const auto& event : store.audit_trail(entityId))
        n += event.action == action ? 1 : 0;
    return n;
}

// A PendingApproval order of `customer` with `lineCount` lines, priced as the core prices it.
inline core::Order order_of(const core::Organization& customer, const std::string& id,
                            std::int64_t atMs, int lineCount = 2) {
    core::PricedLines priced;
    priced.currency = "EUR";
    for (int k = 1; k <= lineCount; ++k) {
        priced.lines.push_back(
            {"SKU-" + std::to_string(k), "Product " + std::to_string(k), k + 1, 1000 * k + 99,
             k % 2 == 0 ? core::BillingPeriod::Annual : core::BillingPeriod::Monthly});
    }
    core::Order order;
    order.id = id;
    order.customerId = customer.id;
    order.sellerId = customer.sellerId;
    order.distributorId = customer.distributorId;
    order.lines = priced.lines;
    order.price = core::price_of(priced, customer.billing.country);
    order.placedById = "u-owner";
    order.placedByName = "Olga Owner";
    order.createdAtMs = atMs;
    order.updatedAtMs = atMs;
    return order;
}

inline OrderInsert insert_of(const core::Order& order) {
    OrderInsert insert;
    insert.order = order;
    insert.audit = {order.createdAtMs, order.placedById, "place", "order", order.id, "", "{}"};
    return insert;
}

// The transition of `order` to `to` at `atMs`, conditional on its status and version; an
// approval or rejection is decided by Sam Seller.
inline OrderTransition transition_of(const core::Order& order, core::OrderStatus to,
                                     std::int64_t atMs) {
    OrderTransition t;
    t.from = order.status;
    t.expectedVersion = order.version;
    t.after = order;
    t.after.status = to;
    t.after.version = order.version + 1;
    t.after.updatedAtMs = atMs;
    if (to == core::OrderStatus::Approved || to == core::OrderStatus::Rejected) {
        t.after.decidedById = kDeciderId;
        t.after.decidedByName = kDeciderName;
        t.after.decidedAtMs = atMs;
    }
    if (to == core::OrderStatus::Rejected)
        t.after.rejectionReason = "No budget.";
    t.audit = {atMs,
               to == core::OrderStatus::Approved ? kDeciderId : "system",
               std::string(core::to_string(to)),
               "order",
               order.id,
               "",
               ""};
    return t;
}

class OrderStoreTest : public store_testing::BackendTest {
  protected:
    void SetUp() override {
        store.insert_partner({"d1", "Distributor One", ""});
        store.insert_partner({"s1", "Seller One", "d1"});
        store.insert_partner({"s2", "Seller Two", "d1"});
        store.insert_partner({"d2", "Distributor Two", ""});
        store.insert_partner({"s3", "Seller Three", "d2"});
    }

    // A new customer organization of `sellerId` (under that seller's distributor), billed in
    // Sweden (25 % tax).
    core::Organization add_customer(const std::string& id, const std::string& sellerId,
                                    core::OrgStatus status = core::OrgStatus::Active) {
        core::Organization org;
        org.id = id;
        org.name = "Customer " + id;
        org.segment = "SMB";
        org.status = status;
        org.owner = core::Person{"Olga Owner", "olga@" + id + ".example"};
        org.billing = {org.name, "Main street 1", "SE", "SE" + id, org.owner->email};
        org.customerReference = "CR-" + id;
        org.externalContract = "EC-" + id;
        org.distributorId = sellerId == "s3" ? "d2" : "d1";
        org.sellerId = sellerId;
        org.createdAtMs = kT0;
        org.updatedAtMs = kT0;
        store.insert_organization(org, {kT0, "system", "create", "organization", id, "", ""});
        return *store.find_organization(id);
    }

    // Suspends the customer (Active → Blocked, subscriptions kept) as Sam Seller.
    void block(const std::string& customerId, std::int64_t atMs) {
        const AuditEvent audit{atMs, kDeciderId, "suspend", "organization", customerId, "", ""};
        ASSERT_TRUE(store.change_status(
            {customerId, core::OrgStatus::Active, core::OrgStatus::Blocked, {}, atMs, audit}));
    }

    core::Order add_order(const core::Organization& customer, const std::string& id,
                          std::int64_t atMs, int lineCount = 2) {
        const auto order = order_of(customer, id, atMs, lineCount);
        EXPECT_TRUE(store.create_order(insert_of(order)).inserted.has_value());
        return order;
    }

    // Moves a stored order on to `to`, asserting the store applied it; returns it as stored.
    core::Order move(const core::Order& order, core::OrderStatus to, std::int64_t atMs) {
        auto t = transition_of(order, to, atMs);
        if (to == core::OrderStatus::Provisioned) {
            std::vector<std::string> ids;
            for (std::size_t i = 0; i < order.lines.size(); ++i)
                ids.push_back(order.id + "-sub-" + std::to_string(i));
            t.subscriptions = core::subscriptions_for(order, ids, atMs);
        }
        EXPECT_TRUE(store.transition_order(t)) << order.id << " to " << core::to_string(to);
        return *store.find_order(order.id);
    }

    // Through every step from PendingApproval to `to` (Approved, Provisioning, Provisioned).
    core::Order move_through(core::Order order, core::OrderStatus to, std::int64_t atMs) {
        for (const auto next : {core::OrderStatus::Approved, core::OrderStatus::Provisioning,
                                core::OrderStatus::Provisioned}) {
            order = move(order, next, atMs);
            if (next == to)
                break;
        }
        return order;
    }
};

}  // namespace orgdesk::platform::order_testing
