// A customer's subscriptions over real HTTP: the list, suspend and resume by the customer or its
// reseller, the conflicts of a status that does not allow it, If-Match, and tenant scoping.
#include <gtest/gtest.h>

#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kMissingSubscription = "00000000-0000-4000-8000-000000000000";

std::string subscriptions_path(const std::string& customerId) {
    return "/api/v1/customers/" + customerId + "/subscriptions";
}

class SubscriptionsApi : public OrderApiTest {
  protected:
    json list(const std::string& customerId, const std::string& token) {
        const auto response = client().get(subscriptions_path(customerId), token);
        EXPECT_EQ(response.status, 200) << response.body;
        return response.status == 200 ? response.json().at("items") : json::array();
    }
    HttpResponse change(const std::string& id, const std::string& action, const std::string& token,
                        Headers headers = {}) {
        return client().put("/api/v1/subscriptions/" + id + "/" + action, token,
                            std::move(headers));
    }
    // Northwind's first subscription, as its owner sees it.
    json first_subscription() {
        const auto items = list(kNorthwind, sign_in(kOwner));
        EXPECT_FALSE(items.empty()) << "the demo gives Northwind a subscription";
        return items.empty() ? json::object() : items.at(0);
    }
};

TEST_F(SubscriptionsApi, TheCustomerSeesItsSubscriptions) {
    const auto items = list(kNorthwind, sign_in(kOwner));
    ASSERT_FALSE(items.empty());
    for (const auto& s : items) {
        EXPECT_EQ(s.at("customerId"), kNorthwind);
        EXPECT_EQ(s.at("status"), "Active");
        EXPECT_EQ(s.at("actions"), json({"suspend"}));
        for (const char* field : {"id", "orderId", "sku", "name", "quantity", "billingPeriod",
                                  "version", "createdAt", "updatedAt"}) {
            EXPECT_TRUE(s.contains(field)) << field << " missing from " << s.dump();
        }
        // Each came from one of the customer's provisioned orders.
        EXPECT_EQ(get_order(s.at("orderId"), sign_in(kOwner)).at("status"), "Provisioned");
    }
    // Its reseller sees the same list.
    EXPECT_EQ(list(kNorthwind, sign_in(kSeller)), items);
    EXPECT_EQ(static_cast<int>(items.size()),
              client()
                  .get("/api/v1/customers/" + kNorthwind, sign_in(kSeller))
                  .json()
                  .at("subscriptionCount")
                  .get<int>());
}

TEST_F(SubscriptionsApi, TheOwnerSuspendsAndResumesASubscription) {
    const auto owner = sign_in(kOwner);
    const auto subscription = first_subscription();
    const std::string id = subscription.at("id");
    const auto version = subscription.at("version").get<int>();

    const auto suspended = change(id, "suspend", owner);
    ASSERT_EQ(suspended.status, 200) << suspended.body;
    EXPECT_EQ(suspended.json().at("status"), "Suspended");
    EXPECT_EQ(suspended.json().at("version"), version + 1);
    EXPECT_EQ(suspended.json().at("actions"), json({"resume"}));
    EXPECT_EQ(suspended.header("ETag"), "\"" + std::to_string(version + 1) + "\"");
    EXPECT_EQ(list(kNorthwind, owner).at(0).at("status"), "Suspended");

    const auto resumed = change(id, "resume", owner);
    ASSERT_EQ(resumed.status, 200) << resumed.body;
    EXPECT_EQ(resumed.json().at("status"), "Active");
    EXPECT_EQ(resumed.json().at("version"), version + 2);
    EXPECT_EQ(list(kNorthwind, owner).at(0).at("status"), "Active");

    const auto trail = store().audit_trail(id);
    ASSERT_GE(trail.size(), 2u);
    EXPECT_EQ(trail[trail.size() - 2].action, "suspend");
    EXPECT_EQ(trail.back().action, "resume");
    EXPECT_EQ(trail.back().actorId, "u0000000-0000-4000-8000-000000000005");
}

TEST_F(SubscriptionsApi, TheResellerMaySuspendToo) {
    const auto response = change(first_subscription().at("id"), "suspend", sign_in(kManager));
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("status"), "Suspended");
}

TEST_F(SubscriptionsApi, AStatusThatDoesNotAllowTheActionIs409) {
    const auto owner = sign_in(kOwner);
    const std::string id = first_subscription().at("id");
    const auto resumingActive = change(id, "resume", owner);
    EXPECT_EQ(resumingActive.status, 409) << resumingActive.body;
    EXPECT_EQ(resumingActive.json().at("detail"), "Cannot resume a subscription that is Active.");

    const auto suspended = change(id, "suspend", owner);
    ASSERT_EQ(suspended.status, 200);
    const auto again = change(id, "suspend", owner);
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(again.json().at("detail"), "Cannot suspend a subscription that is Suspended.");
    // The refusals wrote nothing.
    EXPECT_EQ(first_subscription().at("version"), suspended.json().at("version"));

    // A cancelled subscription stays cancelled: a new need is a new order.
    ASSERT_EQ(client()
                  .send_json("PUT", "/api/v1/customers/" + kNorthwind + "/suspend",
                             {{"subscriptions", "cancel"}}, sign_in(kSeller))
                  .status,
              200);
    const auto resumingCancelled = change(id, "resume", sign_in(kSeller));
    EXPECT_EQ(resumingCancelled.status, 409);
    EXPECT_EQ(resumingCancelled.json().at("detail"),
              "Cannot resume a subscription that is Cancelled.");
}

TEST_F(SubscriptionsApi, StaleIfMatchIs412) {
    const auto owner = sign_in(kOwner);
    const auto subscription = first_subscription();
    const std::string id = subscription.at("id");
    const auto stale = change(id, "suspend", owner, {{"If-Match", "\"99\""}});
    EXPECT_EQ(stale.status, 412) << stale.body;
    EXPECT_EQ(first_subscription().at("status"), "Active");
    const auto current =
        change(id, "suspend", owner,
               {{"If-Match", "\"" + std::to_string(subscription.at("version").get<int>()) + "\""}});
    EXPECT_EQ(current.status, 200) << current.body;
}

TEST_F(SubscriptionsApi, ACustomerMemberMayNotChangeThem) {
    const std::string id = first_subscription().at("id");
    const auto member = sign_in_member();
    EXPECT_EQ(list(kNorthwind, member).at(0).at("actions"), json::array());
    const auto response = change(id, "suspend", member);
    EXPECT_EQ(response.status, 403) << response.body;
    EXPECT_EQ(first_subscription().at("status"), "Active");
}

TEST_F(SubscriptionsApi, AnotherTenantsSubscriptionIs404LikeAMissingOne) {
    const std::string id = first_subscription().at("id");
    const auto sellerTwo = sign_in(kSellerTwo);
    const auto foreign = change(id, "suspend", sellerTwo);
    const auto missing = change(kMissingSubscription, "suspend", sellerTwo);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.body_without_request_id(), missing.body_without_request_id());
    EXPECT_EQ(change(id, "resume", sellerTwo).status, 404);
    EXPECT_EQ(first_subscription().at("status"), "Active");
}

TEST_F(SubscriptionsApi, AnotherTenantsCustomersListIs404LikeAMissingOne) {
    const auto sellerTwo = sign_in(kSellerTwo);
    const auto foreign = client().get(subscriptions_path(kNorthwind), sellerTwo);
    const auto missing =
        client().get(subscriptions_path("c0000000-0000-4000-8000-00000000dead"), sellerTwo);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.body_without_request_id(), missing.body_without_request_id());
    // Nor does a customer see another customer's.
    const std::string other = other_active_customer().value("id", "");
    const auto owner = client().get(subscriptions_path(other), sign_in(kOwner));
    EXPECT_EQ(owner.status, 404);
    EXPECT_EQ(owner.body_without_request_id(), missing.body_without_request_id());
    EXPECT_EQ(client().get(subscriptions_path(kNorthwind)).status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing
