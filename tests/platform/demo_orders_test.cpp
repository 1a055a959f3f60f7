// The demo's catalog and order history, as seed_demo_data writes them: products for every
// segment, subscription counts that match the subscriptions, a queue for both sellers with
// decided, rejected and failed orders, and prices the core would charge.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/order_placement.hpp"
#include "platform/demo_data.hpp"
#include "platform/demo_orders.hpp"
#include "store_backends.hpp"

namespace orgdesk::platform {
namespace {

using core::OrderStatus;
constexpr std::int64_t kNow = 1'795'369'342'000;

TEST(DemoCatalog, EveryDemoSegmentHasAtLeastFourProducts) {
    const auto catalog = demo_catalog();
    std::set<std::string> segments, skus;
    for (const auto& org : demo_organizations(kNow))
        segments.insert(org.segment);
    EXPECT_EQ(segments.size(), 4U);
    for (const auto& segment : segments) {
        int products = 0;
        for (const auto& p : catalog)
            products += core::available_to(p, segment) ? 1 : 0;
        EXPECT_GE(products, 4) << segment;
    }
    for (const auto& p : catalog) {
        EXPECT_TRUE(skus.insert(p.sku).second) << p.sku;
        EXPECT_EQ(p.distributorId, kDemoDistributorId);
        EXPECT_EQ(p.currency, "EUR");
        EXPECT_GT(p.unitPrice, 0);
        EXPECT_FALSE(p.name.empty());
        for (const auto& segment : p.segments)
            EXPECT_TRUE(segments.count(segment)) << p.sku << " names " << segment;
    }
}

class DemoOrdersTest : public store_testing::BackendTest {
  protected:
    void SetUp() override { seed_demo_data(store, kNow, "hash"); }

    // Every demo order, newest first.
    std::vector<core::Order> all_orders() {
        OrderQuery q;
        q.scope = {core::TenantLevel::Distributor, std::string(kDemoDistributorId)};
        q.limit = core::kMaxPageSize;
        std::vector<core::Order> orders;
        for (;;) {
            auto page = store.list_orders(q);
            orders.insert(orders.end(), page.items.begin(), page.items.end());
            if (!page.next)
                return orders;
            q.after = page.next;
        }
    }
};

INSTANTIATE_TEST_SUITE_P(Backends, DemoOrdersTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(DemoOrdersTest, TheCatalogIsStored) {
    EXPECT_EQ(store.list_products(kDemoDistributorId).size(), demo_catalog().size());
}

TEST_P(DemoOrdersTest, SubscriptionCountsAreTheSubscriptionsNotCancelled) {
    int withSubscriptions = 0;
    for (const auto& demo : demo_organizations(kNow)) {
        const auto org = *store.find_organization(demo.id);
        const auto subscriptions = store.list_subscriptions(org.id);
        int live = 0;
        for (const auto& s : subscriptions) {
            live += s.status != core::SubscriptionStatus::Cancelled ? 1 : 0;
            // Each came from a provisioned order of the same customer, one per line.
            const auto order = store.find_order(s.orderId);
            ASSERT_TRUE(order.has_value()) << s.id;
            EXPECT_EQ(order->customerId, org.id);
            EXPECT_EQ(order->status, OrderStatus::Provisioned);
            ASSERT_LT(s.lineNumber, static_cast<int>(order->lines.size()));
            EXPECT_EQ(s.sku, order->lines[static_cast<std::size_t>(s.lineNumber)].sku);
        }
        EXPECT_EQ(org.subscriptionCount, live) << org.name;
        if (org.status == core::OrgStatus::Active || org.status == core::OrgStatus::Blocked) {
            EXPECT_GT(live, 0) << org.name;
            EXPECT_EQ(live, demo.subscriptionCount) << org.name;
            ++withSubscriptions;
        } else {
            EXPECT_TRUE(subscriptions.empty()) << org.name;
        }
    }
    EXPECT_GT(withSubscriptions, 20);
}

TEST_P(DemoOrdersTest, TheQueueHasPendingOrdersForBothSellersAndSomeDecided) {
    for (const auto seller : {kDemoSellerOneId, kDemoSellerTwoId}) {
        const auto counts =
            store.count_orders_by_status({core::TenantLevel::Seller, std::string(seller)}, "");
        EXPECT_GT(counts.count(OrderStatus::PendingApproval), 0U) << seller;
    }
    int rejected = 0, failed = 0;
    for (const auto& o : all_orders()) {
        if (o.status == OrderStatus::Rejected) {
            ++rejected;
            EXPECT_FALSE(o.rejectionReason.empty()) << o.id;
            EXPECT_FALSE(o.decidedByName.empty()) << o.id;
        } else {
            // Only a rejected order carries a rejection reason.
            EXPECT_TRUE(o.rejectionReason.empty()) << o.id << " " << core::to_string(o.status);
        }
        if (o.status == OrderStatus::Failed) {
            ++failed;
            EXPECT_FALSE(o.failureReason.empty()) << o.id;
        } else {
            EXPECT_TRUE(o.failureReason.empty()) << o.id;
        }
        if (o.status != OrderStatus::PendingApproval) {
            // Decided by the staff of the order's own seller.
            EXPECT_EQ(o.decidedByName,
                      o.sellerId == kDemoSellerOneId ? "Sam Seller" : "Sasha Seller")
                << o.id;
            EXPECT_GE(o.decidedAtMs, o.createdAtMs) << o.id;
        }
        // All of it happened before the seeding: nothing is dated in the future.
        EXPECT_LE(o.createdAtMs, kNow) << o.id;
        EXPECT_LE(o.updatedAtMs, kNow) << o.id;
        EXPECT_LE(o.decidedAtMs, kNow) << o.id;
    }
    EXPECT_GE(rejected, 1);
    EXPECT_GE(failed, 1);
    // Nothing is left half-way for the provisioning worker to pick up at start.
    EXPECT_TRUE(store.orders_to_provision(10).empty());
}

TEST_P(DemoOrdersTest, EveryOrderIsPricedAsTheCoreWouldChargeIt) {
    const auto catalog = demo_catalog();
    const auto orders = all_orders();
    EXPECT_GT(orders.size(), 40U);
    for (const auto& o : orders) {
        const auto customer = store.find_organization(o.customerId);
        ASSERT_TRUE(customer.has_value()) << o.id;
        EXPECT_EQ(o.sellerId, customer->sellerId) << o.id;
        EXPECT_EQ(o.price, core::price_of({o.lines, o.price.currency}, customer->billing.country))
            << o.id;
        EXPECT_EQ(o.price.currency, "EUR") << o.id;
        EXPECT_FALSE(o.lines.empty()) << o.id;
        for (const auto& line : o.lines) {
            const auto product =
                std::find_if(catalog.begin(), catalog.end(),
                             [&](const core::Product& p) { return p.sku == line.sku; });
            ASSERT_NE(product, catalog.end()) << line.sku;
            EXPECT_EQ(line.unitPrice, product->unitPrice) << line.sku;
            EXPECT_TRUE(core::available_to(*product, customer->segment))
                << line.sku << " for " << customer->segment;
        }
    }
}

}  // namespace
}  // namespace orgdesk::platform
