// No request body of any route sets a field its caller may not set: each such field (status,
// ids, tenant, seller, version, decisions, prices, times, provider id) is refused with 400 and
// an error naming it, and nothing changes. Every route that takes a body has a row; a new one
// without a row fails the test.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "platform/demo_data.hpp"
#include "server/router.hpp"
#include "server/server_fixture.hpp"
#include "server/tenant_objects.hpp"

namespace orgdesk::server::testing {
namespace {

using core::OrgStatus;
using core::SubscriptionStatus;
using nlohmann::json;

struct BodyRoute {
    const char* method;
    const char* pattern;
    const char* request;  // with {customerId}, {orderId}, {subscriptionId}, {sellerId}
    const char* body;     // a body the route accepts
    OrgStatus orgStatus = OrgStatus::Active;
    SubscriptionStatus subscriptionStatus = SubscriptionStatus::Active;
    std::set<std::string> mayBeSet = {};  // of kForbidden, what this body does set
    // Nested places (a JSON pointer and the field name the error gives) tried as well.
    std::map<std::string, std::string> nested = {};
};

const std::vector<std::string> kForbidden{
    "status",     "id",        "tenant",    "distributorId", "sellerId",
    "customerId", "version",   "decidedBy", "decidedAt",     "price",
    "unitPrice",  "createdAt", "updatedAt", "providerId",    "rejectionReason"};

const std::vector<BodyRoute> kBodyRoutes{
    {"POST", "/api/v1/auth/login", "/api/v1/auth/login",
     R"({"username": "seller@demo.test", "password": "orgdesk-demo"})"},
    {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", "{}"},
    {"POST", "/api/v1/sandbox/sessions", "/api/v1/sandbox/sessions", "{}"},
    {"PUT", "/api/v1/auth/password", "/api/v1/auth/password",
     R"({"currentPassword": "orgdesk-demo", "newPassword": "a new password of 28 chars"})"},
    {"POST",
     "/api/v1/customers",
     "/api/v1/customers",
     kCreateCustomerBody,
     OrgStatus::Active,
     SubscriptionStatus::Active,
     {"sellerId"},
     {{"/billing/status", "billing.status"}, {"/owner/id", "owner.id"}}},
    {"PATCH",
     "/api/v1/customers/{customerId}",
     "/api/v1/customers/{customerId}",
     R"({"name": "Renamed", "billing": {"company": "Renamed AB"}})",
     OrgStatus::Active,
     SubscriptionStatus::Active,
     {},
     {{"/billing/version", "billing.version"}}},
    {"PUT", "/api/v1/customers/{customerId}/approve", "/api/v1/customers/{customerId}/approve",
     "{}", OrgStatus::New},
    {"PUT", "/api/v1/customers/{customerId}/reject", "/api/v1/customers/{customerId}/reject",
     R"({"reason": "Unverified"})", OrgStatus::New},
    {"PUT", "/api/v1/customers/{customerId}/suspend", "/api/v1/customers/{customerId}/suspend",
     R"({"subscriptions": "keep"})"},
    {"PUT", "/api/v1/customers/{customerId}/resume", "/api/v1/customers/{customerId}/resume", "{}",
     OrgStatus::Blocked},
    {"DELETE", "/api/v1/customers/{customerId}", "/api/v1/customers/{customerId}",
     R"({"cancelSubscriptions": true})"},
    {"PUT", "/api/v1/customers/{customerId}/ownership", "/api/v1/customers/{customerId}/ownership",
     R"({"ownershipType": "ServiceProvider", "demoteTo": "Admin"})"},
    {"POST",
     "/api/v1/orders",
     "/api/v1/orders",
     R"({"customerId": "{customerId}", "lines": [{"sku": "ZOOM-PRO", "quantity": 1}]})",
     OrgStatus::Active,
     SubscriptionStatus::Active,
     {"customerId"},
     {{"/lines/0/unitPrice", "lines[0].unitPrice"}, {"/lines/0/price", "lines[0].price"}}},
    {"POST", "/api/v1/orders/decisions", "/api/v1/orders/decisions",
     R"({"action": "approve", "orderIds": ["{orderId}"]})"},
    {"POST", "/api/v1/orders/{orderId}/approve", "/api/v1/orders/{orderId}/approve", "{}"},
    {"POST", "/api/v1/orders/{orderId}/reject", "/api/v1/orders/{orderId}/reject",
     R"({"reason": "Payment overdue"})"},
    {"PUT", "/api/v1/subscriptions/{subscriptionId}/suspend",
     "/api/v1/subscriptions/{subscriptionId}/suspend", "{}"},
    {"PUT", "/api/v1/subscriptions/{subscriptionId}/resume",
     "/api/v1/subscriptions/{subscriptionId}/resume", "{}", OrgStatus::Active,
     SubscriptionStatus::Suspended},
};

// Routes that change something but whose body is not a request of Orgdesk's own.
const std::map<std::pair<std::string, std::string>, std::string> kNotBodyRoutes{
    {{"PUT", "/api/v1/orders/{orderId}"}, "refused whatever the body (405: orders are immutable)"},
    {{"PATCH", "/api/v1/orders/{orderId}"}, "refused whatever the body (405)"},
    {{"DELETE", "/api/v1/orders/{orderId}"}, "refused whatever the body (405)"},
    {{"POST", "/webservice/Login"}, "Commvault's Login: reads username and password only"},
    {{"POST", "/webservice/organization/{organizationId}/action/activate"},
     "Commvault's template body, documented as not read"},
    {{"POST", "/webservice/organization/{organizationId}/action/deactivate"},
     "Commvault's template body, documented as not read"},
    {{"POST", "/webservice/WhoAmI"}, "Commvault's WhoAmI: no body is read"},
    {{"POST", "/webservice/RenewLoginToken"}, "reads sessionId only: the token to renew"},
    {{"POST", "/webservice/Logout"}, "Commvault's Logout: no body is read"},
};

class ForbiddenFieldsApi : public ServerFixture {
  protected:
    void SetUp() override {
        ServerFixture::SetUp();
        objects_.emplace(store(), [this] { return now_ms(); });
    }

    // Everything a refused request could have changed, in a form that compares.
    std::string state_of(const core::Organization& org, const std::string& orderId,
                         const std::string& subscriptionId) {
        const core::TenantScope everything{core::TenantLevel::Distributor,
                                           std::string(platform::kDemoDistributorId)};
        json state;
        state["organization"] = store().find_organization(org.id)->version;
        state["organizationAudit"] = store().audit_trail(org.id).size();
        state["members"] = store().list_members(org.id).size();
        for (const auto& [status, count] : store().count_by_status(everything))
            state["organizations"][std::string(core::to_string(status))] = count;
        for (const auto& [status, count] : store().count_orders_by_status(everything, ""))
            state["orders"][std::string(core::to_string(status))] = count;
        if (!orderId.empty())
            state["order"] = store().find_order(orderId)->version;
        if (!subscriptionId.empty())
            state["subscription"] = store().find_subscription(subscriptionId)->version;
        return state.dump();
    }

    std::optional<TenantObjects> objects_;
};

TEST_F(ForbiddenFieldsApi, EveryRouteThatChangesSomethingHasARow) {
    std::set<std::pair<std::string, std::string>> rows;
    for (const auto& row : kBodyRoutes)
        rows.emplace(row.method, row.pattern);
    for (const auto& route : server().router().routes()) {
        if (route.method == http::verb::get)
            continue;
        const std::pair<std::string, std::string> key{std::string(http::to_string(route.method)),
                                                      route.pattern};
        EXPECT_TRUE(rows.count(key) || kNotBodyRoutes.count(key))
            << key.first << " " << key.second
            << " takes a body but has no row in kBodyRoutes: add one";
    }
}

TEST_F(ForbiddenFieldsApi, NoBodyAcceptsAFieldItsCallerMayNotSet) {
    const std::string sellerOne(platform::kDemoSellerOneId);
    const auto token = objects_->session(store().find_user_by_username(kSeller)->principal);
    int tried = 0;
    for (const auto& row : kBodyRoutes) {
        std::vector<std::pair<std::string, std::string>> places;  // pointer, field named
        for (const auto& field : kForbidden) {
            if (!row.mayBeSet.count(field))
                places.emplace_back("/" + field, field);
        }
        places.insert(places.end(), row.nested.begin(), row.nested.end());
        for (const auto& [pointer, named] : places) {
            const auto org = objects_->organization(sellerOne, row.orgStatus);
            std::string path = row.request;
            std::string text = row.body;
            std::string orderId, subscriptionId;
            if (path.find("{orderId}") != std::string::npos ||
                text.find("{orderId}") != std::string::npos) {
                orderId = objects_->pending_order(org).id;
            }
            if (path.find("{subscriptionId}") != std::string::npos)
                subscriptionId = objects_->subscription(org, row.subscriptionStatus).id;
            for (auto* s : {&path, &text}) {
                replace_all(*s, "{customerId}", org.id);
                replace_all(*s, "{sellerId}", sellerOne);
                replace_all(*s, "{orderId}", orderId);
                replace_all(*s, "{subscriptionId}", subscriptionId);
            }
            auto body = json::parse(text);
            body[json::json_pointer(pointer)] = "x";
            const auto before = state_of(org, orderId, subscriptionId);
            const auto response = client().send_json(row.method, path, body, token);
            ++tried;
            ASSERT_EQ(response.status, 400)
                << row.method << " " << path << " accepted " << named << ": " << response.body;
            EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
            bool namesIt = false;
            const auto problem = response.json();
            for (const auto& error : problem.at("errors"))
                namesIt = namesIt || error.at("field") == named;
            EXPECT_TRUE(namesIt) << row.method << " " << path << " does not name " << named << ": "
                                 << response.body;
            EXPECT_EQ(state_of(org, orderId, subscriptionId), before)
                << row.method << " " << path << " with " << named << " changed something";
        }
    }
    // The session the refused sign-out carried is still live.
    EXPECT_EQ(client().get("/api/v1/auth/me", token).status, 200);
    std::printf(
        "forbidden fields: %zu body routes, %d requests with a field the caller may not "
        "set, every one refused with 400 naming it, nothing changed\n",
        kBodyRoutes.size(), tried);
}

}  // namespace
}  // namespace orgdesk::server::testing
