// The order and subscription services over a real SQLite file with the demo data: the catalog a
// customer may order from, placing (with Idempotency-Key), scoped reads, decisions and their
// conflicts, bulk decisions, the approval hook and the change feed.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/order_placement.hpp"
#include "platform/demo_data.hpp"
#include "platform/demo_orders.hpp"
#include "platform/order_service.hpp"
#include "platform/subscription_service.hpp"
#include "store_backends.hpp"

namespace orgdesk::platform {
namespace {

using core::ErrorKind;
using core::OrderAction;
using core::OrderStatus;
using core::SubscriptionAction;
using core::SubscriptionStatus;
constexpr std::int64_t kNow = 1'795'369'342'000;
constexpr std::string_view kOwnerId = "u0000000-0000-4000-8000-000000000005";

// The answer's body is the order's id, so a test can find what was placed.
std::string render_id(const core::OrderView& view) {
    return view.order.id;
}

class OrderServiceTest : public store_testing::BackendTest {
  protected:
    void SetUp() override {
        seed_demo_data(store, kNow, "hash");
        service.on_approved([this] { ++approvals; });
    }

    core::Principal as(std::string_view username) {
        return store.find_user_by_username(username).value().principal;
    }

    // Places an order for the demo owner's customer, as its Owner; returns its id.
    std::string place(std::vector<core::OrderLineRequest> lines = {{"M365-BSTD", 3}}) {
        const auto placed =
            service.place(as("owner@demo.test"),
                          {std::string(kDemoOwnerCustomerId), std::move(lines)}, {}, render_id);
        EXPECT_TRUE(placed.ok()) << placed.error().message;
        return placed.ok() ? placed->body : std::string();
    }

    // The first organization of `sellerId` with `status`.
    core::Organization first_org(std::string_view sellerId, core::OrgStatus status) {
        OrganizationQuery q;
        q.scope = {core::TenantLevel::Seller, std::string(sellerId)};
        q.status = status;
        q.limit = 1;
        return store.list_organizations(q).items.at(0);
    }

    // The first order of `sellerId` still pending approval (the demo has some for each).
    std::string pending_of(std::string_view sellerId) {
        OrderQuery q;
        q.scope = {core::TenantLevel::Seller, std::string(sellerId)};
        q.status = OrderStatus::PendingApproval;
        q.limit = 1;
        return store.list_orders(q).items.at(0).id;
    }

    std::size_t orders_of_owner_customer() {
        OrderQuery q;
        q.scope = {core::TenantLevel::Customer, std::string(kDemoOwnerCustomerId)};
        q.limit = core::kMaxPageSize;
        return store.list_orders(q).items.size();
    }

    ChangeFeed feed;
    std::int64_t now = kNow + 1000;
    OrderService service{store, [this] { return now; }, {}, &feed};
    SubscriptionService subscriptions{store, [this] { return now; }, &feed};
    int approvals = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, OrderServiceTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(OrderServiceTest, ProductsAreTheCustomersSegmentsWhileItIsActive) {
    const auto products = service.products(as("owner@demo.test"), kDemoOwnerCustomerId);
    ASSERT_TRUE(products.ok()) << products.error().message;
    const auto org = *store.find_organization(kDemoOwnerCustomerId);
    std::size_t expected = 0;
    for (const auto& p : demo_catalog())
        expected += core::available_to(p, org.segment) ? 1 : 0;
    EXPECT_EQ(products->size(), expected);
    EXPECT_GE(products->size(), 4U);
    for (const auto& p : *products)
        EXPECT_TRUE(core::available_to(p, org.segment)) << p.sku;
    EXPECT_TRUE(std::is_sorted(products->begin(), products->end(),
                               [](const auto& a, const auto& b) { return a.name < b.name; }));

    // Staff of the seller see the same; another seller does not see the customer at all.
    EXPECT_EQ(service.products(as("seller@demo.test"), kDemoOwnerCustomerId)->size(), expected);
    EXPECT_EQ(service.products(as("seller2@demo.test"), kDemoOwnerCustomerId).error().kind,
              ErrorKind::NotFound);
    // An organization that is not Active may order nothing.
    const auto fresh = first_org(kDemoSellerOneId, core::OrgStatus::New);
    const auto none = service.products(as("seller@demo.test"), fresh.id);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
    EXPECT_EQ(service.products(as("owner@demo.test"), fresh.id).error().kind, ErrorKind::NotFound);
}

TEST_P(OrderServiceTest, TheOwnerPlacesAnOrderPendingApproval) {
    const auto before = feed.current();
    const auto placed = service.place(
        as("owner@demo.test"),
        {std::string(kDemoOwnerCustomerId), {{"ZOOM-PRO", 2}, {"M365-BSTD", 3}}}, {}, render_id);
    ASSERT_TRUE(placed.ok()) << placed.error().message;
    EXPECT_EQ(placed->httpStatus, 201);
    EXPECT_FALSE(placed->replayed);

    const auto order = store.find_order(placed->body);
    ASSERT_TRUE(order.has_value());
    EXPECT_EQ(order->status, OrderStatus::PendingApproval);
    EXPECT_EQ(order->customerId, kDemoOwnerCustomerId);
    EXPECT_EQ(order->sellerId, kDemoSellerOneId);
    EXPECT_EQ(order->distributorId, kDemoDistributorId);
    EXPECT_EQ(order->placedById, kOwnerId);
    EXPECT_EQ(order->placedByName, "Olive Owner");
    EXPECT_EQ(order->createdAtMs, now);
    EXPECT_EQ(order->version, 1);
    ASSERT_EQ(order->lines.size(), 2U);
    EXPECT_EQ(order->lines[0].sku, "ZOOM-PRO");
    EXPECT_EQ(order->lines[0].quantity, 2);
    EXPECT_EQ(order->lines[0].unitPrice, 1333);
    EXPECT_EQ(order->lines[1].sku, "M365-BSTD");
    // 2 × 13.33 + 3 × 12.50 = 64.16 net, Swedish VAT 25 %: 16.04, 80.20 in all.
    EXPECT_EQ(order->price, (core::Price{6416, 1604, 8020, "EUR", 2500}));
    const auto customer = *store.find_organization(kDemoOwnerCustomerId);
    EXPECT_EQ(order->price, core::price_of({order->lines, "EUR"}, customer.billing.country));

    const auto trail = store.audit_trail(order->id);
    ASSERT_EQ(trail.size(), 1U);
    EXPECT_EQ(trail[0].action, "place");
    EXPECT_EQ(trail[0].actorId, kOwnerId);
    EXPECT_EQ(feed.current(), before + 1);
}

TEST_P(OrderServiceTest, AnOrderThatCannotBePlacedWritesNothing) {
    const auto owner = as("owner@demo.test");
    const auto orders = orders_of_owner_customer();
    const auto before = feed.current();
    // A product of another segment.
    const auto wrong =
        service.place(owner, {std::string(kDemoOwnerCustomerId), {{"SF-SALES", 1}}}, {}, render_id);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, ErrorKind::InvalidInput);
    ASSERT_EQ(wrong.error().fields.size(), 1U);
    EXPECT_EQ(wrong.error().fields[0].field, "lines[0].sku");
    // Another seller's customer, and one that does not exist.
    const auto theirs = first_org(kDemoSellerTwoId, core::OrgStatus::Active);
    EXPECT_EQ(service.place(owner, {theirs.id, {{"ZOOM-PRO", 1}}}, {}, render_id).error().kind,
              ErrorKind::NotFound);
    EXPECT_EQ(service.place(owner, {"no-such-org", {{"ZOOM-PRO", 1}}}, {}, render_id).error().kind,
              ErrorKind::NotFound);
    // An organization that is not Active.
    const auto fresh = first_org(kDemoSellerOneId, core::OrgStatus::New);
    const auto inactive =
        service.place(as("seller@demo.test"), {fresh.id, {{"ZOOM-PRO", 1}}}, {}, render_id);
    ASSERT_FALSE(inactive.ok());
    EXPECT_EQ(inactive.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(inactive.error().code, "organization-not-active");

    EXPECT_EQ(orders_of_owner_customer(), orders);
    EXPECT_EQ(feed.current(), before);
}

TEST_P(OrderServiceTest, ARepeatedPlaceWithTheSameKeyGetsTheFirstAnswer) {
    const auto owner = as("owner@demo.test");
    const core::PlaceOrderRequest request{std::string(kDemoOwnerCustomerId), {{"ZOOM-PRO", 4}}};
    const auto orders = orders_of_owner_customer();
    const auto before = feed.current();
    const auto first = service.place(owner, request, IdempotencyKey{"key-1", "hash-1"}, render_id);
    ASSERT_TRUE(first.ok()) << first.error().message;
    now += 5000;
    const auto again = service.place(owner, request, IdempotencyKey{"key-1", "hash-1"}, render_id);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_TRUE(again->replayed);
    EXPECT_EQ(again->httpStatus, 201);
    EXPECT_EQ(again->body, first->body);
    EXPECT_EQ(orders_of_owner_customer(), orders + 1);
    EXPECT_EQ(feed.current(), before + 1);

    const auto other = service.place(owner, {std::string(kDemoOwnerCustomerId), {{"ZOOM-PRO", 5}}},
                                     IdempotencyKey{"key-1", "hash-2"}, render_id);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(other.error().code, "idempotency-key-reused");
    EXPECT_EQ(orders_of_owner_customer(), orders + 1);
}

TEST_P(OrderServiceTest, ListCountsNameEveryStatusZerosIncluded) {
    // The demo owner's customer has no order in Approved or Provisioning.
    const auto owner = service.list(as("owner@demo.test"), {});
    ASSERT_TRUE(owner.ok());
    ASSERT_EQ(owner->counts.size(), std::size(core::kAllOrderStatuses));
    EXPECT_EQ(owner->counts.at(OrderStatus::Approved), 0);
    EXPECT_EQ(owner->counts.at(OrderStatus::Provisioning), 0);
    EXPECT_GT(owner->counts.at(OrderStatus::Provisioned), 0);
}

TEST_P(OrderServiceTest, ListsAndReadsAreScopedToTheCaller) {
    OrderListRequest all;
    all.limit = core::kMaxPageSize;

    const auto seller2 = service.list(as("seller2@demo.test"), all);
    ASSERT_TRUE(seller2.ok());
    ASSERT_FALSE(seller2->items.empty());
    int listed = 0;
    for (const auto& view : seller2->items) {
        EXPECT_EQ(view.order.sellerId, kDemoSellerTwoId);
        EXPECT_EQ(view.customer.id, view.order.customerId);
        ++listed;
    }
    int counted = 0;
    for (const auto& [status, n] : seller2->counts)
        counted += n;
    EXPECT_EQ(counted, listed);

    const auto owner = service.list(as("owner@demo.test"), all);
    ASSERT_TRUE(owner.ok());
    ASSERT_FALSE(owner->items.empty());
    for (const auto& view : owner->items) {
        EXPECT_EQ(view.order.customerId, kDemoOwnerCustomerId);
        EXPECT_TRUE(view.actions.empty());  // customers never decide
    }

    OrderListRequest pending = all;
    pending.status = OrderStatus::PendingApproval;
    const auto queue = service.list(as("seller@demo.test"), pending);
    ASSERT_TRUE(queue.ok());
    ASSERT_FALSE(queue->items.empty());
    for (const auto& view : queue->items) {
        EXPECT_EQ(view.order.status, OrderStatus::PendingApproval);
        EXPECT_EQ(view.order.sellerId, kDemoSellerOneId);
        EXPECT_EQ(view.actions,
                  (std::vector<OrderAction>{OrderAction::Approve, OrderAction::Reject}));
    }
    EXPECT_EQ(queue->counts.at(OrderStatus::PendingApproval),
              static_cast<int>(queue->items.size()));

    const auto distributor = service.list(as("distributor@demo.test"), all);
    ASSERT_TRUE(distributor.ok());
    EXPECT_GT(distributor->items.size(), seller2->items.size());

    // Pages: a small limit gives a cursor, and the next page continues after it.
    OrderListRequest small;
    small.limit = 2;
    const auto page1 = service.list(as("seller@demo.test"), small);
    ASSERT_TRUE(page1.ok());
    ASSERT_EQ(page1->items.size(), 2U);
    ASSERT_TRUE(page1->nextCursor.has_value());
    small.after = core::decode_cursor(*page1->nextCursor);
    ASSERT_TRUE(small.after.has_value());
    const auto page2 = service.list(as("seller@demo.test"), small);
    ASSERT_TRUE(page2.ok());
    ASSERT_FALSE(page2->items.empty());
    EXPECT_NE(page2->items[0].order.id, page1->items[1].order.id);
    EXPECT_LE(page2->items[0].order.createdAtMs, page1->items[1].order.createdAtMs);

    // One order, read by each.
    const auto id = place();
    EXPECT_EQ(service.get(as("seller2@demo.test"), id).error().kind, ErrorKind::NotFound);
    const auto byDistributor = service.get(as("distributor@demo.test"), id);
    ASSERT_TRUE(byDistributor.ok());
    EXPECT_EQ(byDistributor->customer.id, kDemoOwnerCustomerId);
    EXPECT_EQ(byDistributor->customer.billingCountry, "SE");
    const auto byOwner = service.get(as("owner@demo.test"), id);
    ASSERT_TRUE(byOwner.ok());
    EXPECT_TRUE(byOwner->actions.empty());
    EXPECT_EQ(service.get(as("owner@demo.test"), pending_of(kDemoSellerTwoId)).error().kind,
              ErrorKind::NotFound);
    EXPECT_EQ(service.get(as("seller@demo.test"), "no-such-order").error().kind,
              ErrorKind::NotFound);
}

TEST_P(OrderServiceTest, ApprovingTwiceGivesAConflictNamingWhoDecided) {
    const auto id = place();
    const auto before = feed.current();
    const auto approved = service.decide(as("seller@demo.test"), id, OrderAction::Approve);
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(approved->order.status, OrderStatus::Approved);
    EXPECT_EQ(approved->order.decidedByName, "Sam Seller");
    EXPECT_EQ(approved->order.decidedAtMs, now);
    EXPECT_EQ(approved->order.version, 2);
    EXPECT_TRUE(approved->actions.empty());
    EXPECT_EQ(*store.find_order(id), approved->order);
    EXPECT_EQ(approvals, 1);
    EXPECT_EQ(feed.current(), before + 1);

    for (const auto action : {OrderAction::Approve, OrderAction::Reject}) {
        const auto late = service.decide(as("manager@demo.test"), id, action, "too late");
        ASSERT_FALSE(late.ok());
        EXPECT_EQ(late.error().kind, ErrorKind::Conflict);
        EXPECT_EQ(late.error().message, "This order was already approved by Sam Seller.");
    }
    EXPECT_EQ(approvals, 1);
    EXPECT_EQ(feed.current(), before + 1);
    const auto trail = store.audit_trail(id);
    ASSERT_EQ(trail.size(), 2U);
    EXPECT_EQ(trail[1].action, "approve");
    EXPECT_EQ(trail[1].before, R"({"status":"PendingApproval","version":1})");
    EXPECT_EQ(trail[1].after, R"({"status":"Approved","version":2})");
}

TEST_P(OrderServiceTest, RejectingNeedsAReasonAndThenNamesWhoRejected) {
    const auto id = place();
    const auto manager = as("manager@demo.test");
    for (const std::string blank : {"", " \t\n"}) {
        const auto refused = service.decide(manager, id, OrderAction::Reject, blank);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);
        EXPECT_EQ(refused.error().fields.at(0).field, "reason");
    }
    EXPECT_EQ(store.find_order(id)->status, OrderStatus::PendingApproval);

    const auto rejected = service.decide(manager, id, OrderAction::Reject, "Overdue invoice.");
    ASSERT_TRUE(rejected.ok()) << rejected.error().message;
    EXPECT_EQ(rejected->order.status, OrderStatus::Rejected);
    EXPECT_EQ(rejected->order.rejectionReason, "Overdue invoice.");
    EXPECT_EQ(rejected->order.decidedByName, "Max Manager");
    EXPECT_EQ(store.find_order(id)->rejectionReason, "Overdue invoice.");
    EXPECT_EQ(approvals, 0);  // the hook is for approvals only

    const auto late = service.decide(as("seller@demo.test"), id, OrderAction::Approve);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(late.error().message, "This order was already rejected by Max Manager.");
    EXPECT_EQ(approvals, 0);
}

TEST_P(OrderServiceTest, OnlyTheSellersStaffDecideAndOnTheVersionTheySaw) {
    const auto id = place();
    EXPECT_EQ(service.decide(as("owner@demo.test"), id, OrderAction::Approve).error().kind,
              ErrorKind::Forbidden);
    EXPECT_EQ(service.decide(as("seller2@demo.test"), id, OrderAction::Approve).error().kind,
              ErrorKind::NotFound);
    EXPECT_EQ(
        service.decide(as("seller@demo.test"), "no-such-order", OrderAction::Approve).error().kind,
        ErrorKind::NotFound);
    const auto stale = service.decide(as("seller@demo.test"), id, OrderAction::Approve, {}, 7);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::StaleVersion);
    EXPECT_EQ(store.find_order(id)->status, OrderStatus::PendingApproval);
    EXPECT_EQ(store.audit_trail(id).size(), 1U);
    EXPECT_EQ(approvals, 0);

    // The distributor decides on any seller's order, on the version it saw.
    const auto approved =
        service.decide(as("distributor@demo.test"), id, OrderAction::Approve, {}, 1);
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(approved->order.decidedByName, "Dana Distributor");
    EXPECT_EQ(approvals, 1);
}

TEST_P(OrderServiceTest, OfTwoConcurrentDecisionsOneWinsAndTheOtherIsToldWho) {
    const auto secondStore = database.open();
    auto& secondConnection = *secondStore;
    OrderService second{secondConnection, [this] { return now; }};
    const auto seller = as("seller@demo.test");
    const auto manager = as("manager@demo.test");
    for (int round = 0; round < 6; ++round) {
        const auto id = place();
        core::Result<core::OrderView> a = core::make_error(ErrorKind::Internal, "", "");
        core::Result<core::OrderView> b = a;
        std::thread first([&] { a = service.decide(seller, id, OrderAction::Approve); });
        std::thread other([&] { b = second.decide(manager, id, OrderAction::Reject, "No."); });
        first.join();
        other.join();
        ASSERT_NE(a.ok(), b.ok()) << "round " << round;
        const auto stored = *store.find_order(id);
        if (a.ok()) {
            EXPECT_EQ(stored.status, OrderStatus::Approved);
            EXPECT_EQ(b.error().kind, ErrorKind::Conflict);
            EXPECT_EQ(b.error().message, "This order was already approved by Sam Seller.");
        } else {
            EXPECT_EQ(stored.status, OrderStatus::Rejected);
            EXPECT_EQ(a.error().kind, ErrorKind::Conflict);
            EXPECT_EQ(a.error().message, "This order was already rejected by Max Manager.");
        }
        EXPECT_EQ(store.audit_trail(id).size(), 2U);
    }
}

TEST_P(OrderServiceTest, ABulkDecisionDecidesEachOrderOnItsOwn) {
    const auto a = place(), b = place({{"ZOOM-PRO", 1}}), rejected = place({{"GWS-BSTD", 2}});
    ASSERT_TRUE(service.decide(as("manager@demo.test"), rejected, OrderAction::Reject, "No.").ok());
    const auto theirs = pending_of(kDemoSellerTwoId);
    const auto before = feed.current();

    const auto results =
        service.decide_many(as("seller@demo.test"),
                            {OrderAction::Approve, {a, rejected, theirs, "no-such-order", b}, ""});
    ASSERT_EQ(results.size(), 5U);
    const std::vector<std::string> asked{a, rejected, theirs, "no-such-order", b};
    for (std::size_t i = 0; i < results.size(); ++i)
        EXPECT_EQ(results[i].orderId, asked[i]);
    for (const auto i : {0U, 4U}) {
        ASSERT_TRUE(results[i].order.has_value()) << i;
        EXPECT_FALSE(results[i].error.has_value());
        EXPECT_EQ(results[i].order->order.status, OrderStatus::Approved);
    }
    ASSERT_TRUE(results[1].error.has_value());
    EXPECT_EQ(results[1].error->kind, ErrorKind::Conflict);
    EXPECT_EQ(results[1].error->message, "This order was already rejected by Max Manager.");
    EXPECT_FALSE(results[1].order.has_value());
    EXPECT_EQ(results[2].error->kind, ErrorKind::NotFound);
    EXPECT_EQ(results[3].error->kind, ErrorKind::NotFound);
    EXPECT_EQ(store.find_order(theirs)->status, OrderStatus::PendingApproval);
    EXPECT_EQ(approvals, 2);
    EXPECT_EQ(feed.current(), before + 2);

    // A bulk rejection without a reason fails for each order, and writes nothing.
    const auto c = place();
    const auto noReason =
        service.decide_many(as("seller@demo.test"), {OrderAction::Reject, {c}, " "});
    ASSERT_EQ(noReason.size(), 1U);
    EXPECT_EQ(noReason[0].error->kind, ErrorKind::InvalidInput);
    EXPECT_EQ(store.find_order(c)->status, OrderStatus::PendingApproval);
    EXPECT_EQ(approvals, 2);
}

TEST_P(OrderServiceTest, EveryWritePublishesOneChangeInItsTenant) {
    const auto start = feed.current();
    std::vector<ChangeFeed::Sequence> sellerOne, sellerTwo;
    ASSERT_NE(feed.wait(start, {core::TenantLevel::Seller, std::string(kDemoSellerOneId)},
                        [&](ChangeFeed::Sequence s) { sellerOne.push_back(s); }),
              0U);
    ASSERT_NE(feed.wait(start, {core::TenantLevel::Seller, std::string(kDemoSellerTwoId)},
                        [&](ChangeFeed::Sequence s) { sellerTwo.push_back(s); }),
              0U);

    const auto id = place();  // 1
    EXPECT_EQ(sellerOne, (std::vector<ChangeFeed::Sequence>{start + 1}));
    EXPECT_TRUE(sellerTwo.empty());
    ASSERT_TRUE(service.decide(as("seller@demo.test"), id, OrderAction::Approve).ok());  // 2
    EXPECT_FALSE(service.decide(as("seller@demo.test"), id, OrderAction::Approve).ok());
    const auto other = place();
    ASSERT_TRUE(service.decide(as("seller@demo.test"), other, OrderAction::Reject, "No.").ok());
    EXPECT_EQ(feed.current(), start + 4);

    const auto subscription = store.list_subscriptions(kDemoOwnerCustomerId).at(0);
    const auto owner = as("owner@demo.test");
    ASSERT_TRUE(subscriptions.change(owner, subscription.id, SubscriptionAction::Suspend).ok());
    EXPECT_FALSE(subscriptions.change(owner, subscription.id, SubscriptionAction::Suspend).ok());
    ASSERT_TRUE(subscriptions.change(owner, subscription.id, SubscriptionAction::Resume).ok());
    EXPECT_EQ(feed.current(), start + 6);
    EXPECT_TRUE(sellerTwo.empty());  // nothing happened at seller two
}

TEST_P(OrderServiceTest, SubscriptionsAreSuspendedAndResumed) {
    const auto owner = as("owner@demo.test");
    const auto listed = subscriptions.list(owner, kDemoOwnerCustomerId);
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    ASSERT_FALSE(listed->empty());
    const auto first = listed->at(0);
    EXPECT_EQ(first.subscription.status, SubscriptionStatus::Active);
    EXPECT_EQ(first.actions, std::vector<SubscriptionAction>{SubscriptionAction::Suspend});
    const auto count = store.find_organization(kDemoOwnerCustomerId)->subscriptionCount;
    EXPECT_EQ(count, static_cast<int>(listed->size()));

    const auto suspended =
        subscriptions.change(owner, first.subscription.id, SubscriptionAction::Suspend);
    ASSERT_TRUE(suspended.ok()) << suspended.error().message;
    EXPECT_EQ(suspended->subscription.status, SubscriptionStatus::Suspended);
    EXPECT_EQ(suspended->subscription.version, first.subscription.version + 1);
    EXPECT_EQ(suspended->subscription.updatedAtMs, now);
    EXPECT_EQ(suspended->actions, std::vector<SubscriptionAction>{SubscriptionAction::Resume});
    EXPECT_EQ(*store.find_subscription(first.subscription.id), suspended->subscription);
    // A suspended subscription is still the customer's: the count stays.
    EXPECT_EQ(store.find_organization(kDemoOwnerCustomerId)->subscriptionCount, count);

    const auto again =
        subscriptions.change(owner, first.subscription.id, SubscriptionAction::Suspend);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(again.error().message, "Cannot suspend a subscription that is Suspended.");

    // Others: another seller cannot see it; a customer Member may not change it; a stale
    // If-Match is refused.
    const auto seller2 = as("seller2@demo.test");
    EXPECT_EQ(subscriptions.list(seller2, kDemoOwnerCustomerId).error().kind, ErrorKind::NotFound);
    EXPECT_EQ(subscriptions.change(seller2, first.subscription.id, SubscriptionAction::Resume)
                  .error()
                  .kind,
              ErrorKind::NotFound);
    auto member = owner;
    member.userId = "u-member";
    member.role = core::Role::CustomerMember;
    EXPECT_EQ(subscriptions.change(member, first.subscription.id, SubscriptionAction::Resume)
                  .error()
                  .kind,
              ErrorKind::Forbidden);
    EXPECT_EQ(subscriptions
                  .change(owner, first.subscription.id, SubscriptionAction::Resume,
                          first.subscription.version)
                  .error()
                  .kind,
              ErrorKind::StaleVersion);
    EXPECT_EQ(subscriptions.change(owner, "no-such-subscription", SubscriptionAction::Resume)
                  .error()
                  .kind,
              ErrorKind::NotFound);

    // The seller resumes it.
    const auto resumed =
        subscriptions.change(as("seller@demo.test"), first.subscription.id,
                             SubscriptionAction::Resume, suspended->subscription.version);
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    EXPECT_EQ(resumed->subscription.status, SubscriptionStatus::Active);
    const auto trail = store.audit_trail(first.subscription.id);
    ASSERT_GE(trail.size(), 2U);
    EXPECT_EQ(trail[trail.size() - 2].action, "suspend");
    EXPECT_EQ(trail[trail.size() - 2].actorId, kOwnerId);
    EXPECT_EQ(trail.back().action, "resume");
    EXPECT_EQ(store.find_organization(kDemoOwnerCustomerId)->subscriptionCount, count);
}

}  // namespace
}  // namespace orgdesk::platform
