// What follows a decision, over real HTTP: an approved order is provisioned by the server's own
// worker into one subscription per line, or fails when its customer is no longer Active; and
// suspending or deleting a customer rejects its pending orders and cancels its subscriptions
// when asked to.
#include <gtest/gtest.h>

#include "core/order_lifecycle.hpp"
#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

std::string customer_path(const std::string& id) {
    return "/api/v1/customers/" + id;
}

// Helpers shared by the provisioning and the suspension tests.
template <class Base>
class WithCustomers : public Base {
  protected:
    json customer(const std::string& id) {
        return this->client().get(customer_path(id), this->sign_in(kSeller)).json();
    }
    json subscriptions(const std::string& customerId, const std::string& token) {
        const auto response =
            this->client().get(customer_path(customerId) + "/subscriptions", token);
        EXPECT_EQ(response.status, 200) << response.body;
        return response.status == 200 ? response.json().at("items") : json::array();
    }
    json subscriptions_of_order(const std::string& customerId, const std::string& orderId) {
        auto found = json::array();
        for (const auto& s : subscriptions(customerId, this->sign_in(kSeller))) {
            if (s.at("orderId") == orderId)
                found.push_back(s);
        }
        return found;
    }
    HttpResponse suspend(const std::string& id, const std::string& subscriptions) {
        return this->client().send_json("PUT", customer_path(id) + "/suspend",
                                        {{"subscriptions", subscriptions}}, this->sign_in(kSeller));
    }
};

using ProvisioningApi = WithCustomers<ProvisioningApiTest>;

TEST_F(ProvisioningApi, AnApprovedOrderIsProvisionedIntoOneSubscriptionPerLine) {
    const auto before = customer(kNorthwind).at("subscriptionCount").get<int>();
    const auto id = place_northwind_order();
    ASSERT_EQ(approve(id, sign_in(kSeller)).status, 200);

    const auto order = wait_for_status(id, sign_in(kOwner), "Provisioned");
    EXPECT_EQ(order.at("failureReason"), "");
    EXPECT_EQ(order.at("decidedBy").at("name"), "Sam Seller");
    EXPECT_EQ(
        order.at("links"),
        json({{"self", "http://127.0.0.1:" + std::to_string(client().port()) + order_path(id)}}));

    const auto created = subscriptions_of_order(kNorthwind, id);
    ASSERT_EQ(created.size(), 2u) << created.dump();
    EXPECT_EQ(created[0].at("sku"), "ZOOM-PRO");
    EXPECT_EQ(created[0].at("quantity"), 3);
    EXPECT_EQ(created[1].at("sku"), "ACR-CYBER");
    EXPECT_EQ(created[1].at("quantity"), 2);
    for (const auto& s : created) {
        EXPECT_EQ(s.at("status"), "Active");
        EXPECT_EQ(s.at("customerId"), kNorthwind);
        EXPECT_EQ(s.at("billingPeriod"), "Monthly");
    }
    // The owner sees them too, and may suspend them.
    const auto asOwner = subscriptions(kNorthwind, sign_in(kOwner));
    EXPECT_EQ(asOwner.back().at("actions"), json({"suspend"}));
    EXPECT_EQ(customer(kNorthwind).at("subscriptionCount"), before + 2);
    EXPECT_EQ(audit_actions(id),
              (std::vector<std::string>{"place", "approve", "provisioning", "provisioned"}));
}

TEST_F(ProvisioningApi, BulkApprovedOrdersAreEachProvisionedOnce) {
    const auto seller = sign_in(kSeller);
    const auto ids = pending_orders(seller, 3);
    const auto response = decide_many({{"action", "approve"}, {"orderIds", ids}}, seller);
    ASSERT_EQ(response.status, 200) << response.body;
    for (const auto& id : ids) {
        const auto order = wait_for_status(id, seller, "Provisioned");
        EXPECT_EQ(subscriptions_of_order(order.at("customerId"), id).size(),
                  order.at("lines").size());
        EXPECT_EQ(audit_actions(id),
                  (std::vector<std::string>{"place", "approve", "provisioning", "provisioned"}));
    }
}

// Provisioning waits its step delay (1.5 s of the test's clock, which stands still until the
// test moves it), so a test can act between the approval and each step.
class SteppedProvisioningApi : public WithCustomers<OrderApiTest> {
  protected:
    void configure(ServerOptions& options) override {
        options.provisioningOptions.pollInterval = std::chrono::milliseconds(20);
    }
};

TEST_F(SteppedProvisioningApi, EachStepWaitsTheStepDelay) {
    const auto id = place_northwind_order();
    ASSERT_EQ(approve(id, sign_in(kSeller)).status, 200);
    advance_clock(std::chrono::milliseconds(1500));
    wait_for_status(id, sign_in(kSeller), "Provisioning");
    advance_clock(std::chrono::milliseconds(1500));
    wait_for_status(id, sign_in(kSeller), "Provisioned");
    EXPECT_EQ(subscriptions_of_order(kNorthwind, id).size(), 2u);
}

TEST_F(SteppedProvisioningApi, ACustomerBlockedBeforeProvisioningMakesTheOrderFail) {
    const auto before = customer(kNorthwind).at("subscriptionCount").get<int>();
    const auto id = place_northwind_order();
    ASSERT_EQ(approve(id, sign_in(kSeller)).status, 200);
    // Suspending keeps an approved order (only pending ones are rejected)...
    ASSERT_EQ(suspend(kNorthwind, "keep").status, 200);
    EXPECT_EQ(get_order(id, sign_in(kSeller)).at("status"), "Approved");

    // ...which then fails at its provisioning, saying why.
    advance_clock(std::chrono::milliseconds(1500));
    wait_for_status(id, sign_in(kSeller), "Provisioning");
    advance_clock(std::chrono::milliseconds(1500));
    const auto order = wait_for_status(id, sign_in(kSeller), "Failed");
    EXPECT_EQ(order.at("failureReason"),
              "The customer organization is Blocked; provisioning needs an Active organization. "
              "Place the order again once it is Active.");
    EXPECT_EQ(get_order(id, sign_in(kOwner)).at("failureReason"), order.at("failureReason"));
    EXPECT_TRUE(subscriptions_of_order(kNorthwind, id).empty());
    EXPECT_EQ(customer(kNorthwind).at("subscriptionCount"), before);
    EXPECT_EQ(audit_actions(id),
              (std::vector<std::string>{"place", "approve", "provisioning", "fail"}));
}

TEST_F(SteppedProvisioningApi, CancellingDuringProvisioningLeavesNoSubscriptionBehind) {
    const auto id = place_northwind_order();
    ASSERT_EQ(approve(id, sign_in(kSeller)).status, 200);
    advance_clock(std::chrono::milliseconds(1500));
    wait_for_status(id, sign_in(kSeller), "Provisioning");
    // The customer is suspended, its subscriptions cancelled, while the order is provisioning.
    ASSERT_EQ(suspend(kNorthwind, "cancel").status, 200);
    advance_clock(std::chrono::milliseconds(1500));
    wait_for_status(id, sign_in(kSeller), "Failed");
    EXPECT_TRUE(subscriptions_of_order(kNorthwind, id).empty());
    EXPECT_EQ(customer(kNorthwind).at("subscriptionCount"), 0);
    for (const auto& s : subscriptions(kNorthwind, sign_in(kSeller)))
        EXPECT_EQ(s.at("status"), "Cancelled") << s.dump();
}

using SuspensionApi = WithCustomers<OrderApiTest>;

TEST_F(SuspensionApi, SuspendingWithCancelRejectsPendingOrdersAndCancelsSubscriptions) {
    const auto seller = sign_in(kSeller);
    const auto placed = place_northwind_order();
    const auto pending =
        ids_of(list_all_orders(seller, "status=PendingApproval&customerId=" + kNorthwind));
    ASSERT_GE(pending.size(), 2u);  // the demo's and the new one
    ASSERT_GT(customer(kNorthwind).at("subscriptionCount").get<int>(), 0);

    const auto response = suspend(kNorthwind, "cancel");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("status"), "Blocked");
    EXPECT_EQ(response.json().at("subscriptionCount"), 0);
    EXPECT_EQ(customer(kNorthwind).at("subscriptionCount"), 0);

    for (const auto& id : pending) {
        const auto order = get_order(id, seller);
        EXPECT_EQ(order.at("status"), "Rejected") << id;
        EXPECT_EQ(order.at("statusText"), "Rejected by reseller");
        EXPECT_EQ(order.at("rejectionReason"), core::kRejectedBySuspensionReason) << id;
        EXPECT_EQ(order.at("decidedBy").at("name"), "Sam Seller");
        EXPECT_EQ(order.at("links"), json({{"self", order.at("links").at("self")}}));
    }
    EXPECT_EQ(get_order(placed, sign_in(kOwner)).at("rejectionReason"),
              core::kRejectedBySuspensionReason);
    EXPECT_TRUE(list_all_orders(seller, "status=PendingApproval&customerId=" + kNorthwind).empty());
    EXPECT_EQ(audit_actions(placed), (std::vector<std::string>{"place", "reject"}));

    const auto subs = subscriptions(kNorthwind, seller);
    ASSERT_FALSE(subs.empty());
    for (const auto& s : subs) {
        EXPECT_EQ(s.at("status"), "Cancelled") << s.dump();
        EXPECT_EQ(s.at("actions"), json::array());
    }
}

TEST_F(SuspensionApi, SuspendingWithKeepLeavesTheSubscriptionsActive) {
    const auto seller = sign_in(kSeller);
    const auto placed = place_northwind_order();
    const auto count = customer(kNorthwind).at("subscriptionCount");
    const auto response = suspend(kNorthwind, "keep");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("subscriptionCount"), count);
    const auto subs = subscriptions(kNorthwind, seller);
    ASSERT_EQ(subs.size(), count.get<std::size_t>());
    for (const auto& s : subs)
        EXPECT_EQ(s.at("status"), "Active") << s.dump();
    // Its pending orders are rejected all the same: a Blocked customer's order is never approved.
    EXPECT_EQ(get_order(placed, seller).at("rejectionReason"), core::kRejectedBySuspensionReason);
}

TEST_F(SuspensionApi, DeletingWithCancelSubscriptionsCancelsThem) {
    const auto seller = sign_in(kSeller);
    const auto placed = place_northwind_order();
    ASSERT_FALSE(store().list_subscriptions(kNorthwind).empty());
    const auto response = client().send(
        {"DELETE", customer_path(kNorthwind) + "?cancelSubscriptions=true", {}, bearer(seller)});
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("subscriptionCount"), 0);
    for (const auto& s : store().list_subscriptions(kNorthwind))
        EXPECT_EQ(s.status, core::SubscriptionStatus::Cancelled) << s.id;
    const auto order = store().find_order(placed);
    ASSERT_TRUE(order.has_value());
    EXPECT_EQ(order->status, core::OrderStatus::Rejected);
    EXPECT_EQ(order->rejectionReason, core::kRejectedByDeletionReason);
}

}  // namespace
}  // namespace orgdesk::server::testing
