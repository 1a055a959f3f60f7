// Demo sandboxes over real HTTP on a real SQLite file: POST /api/v1/sandbox/sessions, a tenant
// no other sandbox can see through any route, its end (tokens refused, rows purged), the limits,
// and a server with sandboxes switched off.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/access_policy.hpp"
#include "server/router.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kCreate = "/api/v1/sandbox/sessions";

// One sandbox as the API gave it.
struct Sandbox {
    std::string id;
    std::vector<std::string> tokens;  // Distributor Admin, Seller Admin, Account Manager, Owner
    json body;
};

class SandboxApi : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override {
        // Orders stay in the status they were made in, so what a test counts holds still.
        options.provisioning = false;
        options.sandboxes.sweepInterval = 20ms;
        options.sandboxes.limits.maxPerAddress = 50;
        configure_sandboxes(options.sandboxes);
    }
    virtual void configure_sandboxes(SandboxOptions& sandboxes) { static_cast<void>(sandboxes); }

    Sandbox create_sandbox() {
        const auto started = std::chrono::steady_clock::now();
        const auto response = client().post_json(kCreate, "");
        lastCreation_ = std::chrono::steady_clock::now() - started;
        if (response.status != 201) {
            ADD_FAILURE() << "creating a sandbox answered " << response.status << ": "
                          << response.body;
            return {};
        }
        Sandbox sandbox{response.json().at("sandboxId").get<std::string>(), {}, response.json()};
        for (const auto& signIn : sandbox.body.at("signIns"))
            sandbox.tokens.push_back(signIn.at("token").get<std::string>());
        return sandbox;
    }

    // Every id the token's lists show: customers and orders, all pages.
    std::set<std::string> ids_seen_by(const std::string& token) {
        std::set<std::string> ids;
        for (const auto& item : list_all(token, "/api/v1/customers", "", 200))
            ids.insert(item.at("id").get<std::string>());
        for (const auto& item : list_all(token, "/api/v1/orders", "", 200))
            ids.insert(item.at("id").get<std::string>());
        return ids;
    }

    std::chrono::steady_clock::duration lastCreation_{};
};

TEST_F(SandboxApi, CreatesATenantWithASignInPerDemoRole) {
    const auto sandbox = create_sandbox();
    std::printf("sandbox creation over HTTP (200 customers, 500 orders, SQLite): %.1f ms\n",
                std::chrono::duration<double, std::milli>(lastCreation_).count());
    ASSERT_EQ(sandbox.tokens.size(), 4U);
    const auto expiresAt = sandbox.body.at("expiresAt").get<std::string>();
    const char* roles[] = {"DistributorAdmin", "SellerAdmin", "AccountManager", "CustomerOwner"};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& signIn = sandbox.body.at("signIns")[i];
        EXPECT_EQ(signIn.at("expiresAt").get<std::string>(), expiresAt);
        const auto me = client().get("/api/v1/auth/me", sandbox.tokens[i]);
        ASSERT_EQ(me.status, 200) << me.body;
        EXPECT_EQ(me.json().at("roles")[0], roles[i]);
        EXPECT_EQ(me.json().at("distributorId"), sandbox.id);
    }

    // The Distributor Admin sees the whole tenant: about 200 customers, 500 orders in every
    // status.
    const auto customers = client().get("/api/v1/customers?limit=1", sandbox.tokens[0]).json();
    int listed = 0;
    for (const auto& [status, n] : customers.at("counts").items())
        listed += n.get<int>();
    EXPECT_GE(listed, 170);  // Deleted ones are not listed
    EXPECT_GT(customers.at("counts").value("New", 0), 0);
    const auto orders = client().get("/api/v1/orders?limit=1", sandbox.tokens[0]).json();
    int ordered = 0;
    for (const char* status :
         {"PendingApproval", "Approved", "Provisioning", "Provisioned", "Failed", "Rejected"}) {
        EXPECT_GT(orders.at("counts").value(status, 0), 0) << status;
        ordered += orders.at("counts").value(status, 0);
    }
    EXPECT_GE(ordered, 490);

    // The seller's staff see their seller's part, the owner one organization.
    EXPECT_LT(list_all_customers(sandbox.tokens[1], {}, 200).size(), std::size_t(listed));
    EXPECT_EQ(list_all_customers(sandbox.tokens[3]).size(), 1U);
    // A sandbox user has no password to sign in with.
    const auto username =
        sandbox.body.at("signIns")[1].at("user").at("username").get<std::string>();
    EXPECT_EQ(client()
                  .post_json("/api/v1/auth/login",
                             json{{"username", username}, {"password", "orgdesk-demo"}}.dump())
                  .status,
              401);
}

TEST_F(SandboxApi, AnAccountManagerApprovesAPendingOrderOfTheSandbox) {
    const auto sandbox = create_sandbox();
    const auto pending =
        client().get("/api/v1/orders?status=PendingApproval&limit=1", sandbox.tokens[2]).json();
    ASSERT_FALSE(pending.at("items").empty());
    const auto orderId = pending.at("items")[0].at("id").get<std::string>();
    const auto approved =
        client().post_json("/api/v1/orders/" + orderId + "/approve", "", sandbox.tokens[2]);
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(approved.json().at("status"), "Approved");
    EXPECT_EQ(approved.json().at("decidedBy").at("name"), "Max Manager");
}

// A body each route accepts, so that only the object it names can make it fail.
std::string body_for(const std::string& method, const std::string& pattern) {
    const auto endsWith = [&](std::string_view tail) {
        return pattern.size() >= tail.size() &&
               pattern.compare(pattern.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (method == "GET")
        return {};
    if (endsWith("/reject"))
        return R"({"reason": "Unverified tax id"})";
    if (endsWith("/suspend") && pattern.find("/customers/") != std::string::npos)
        return R"({"subscriptions": "keep"})";
    if (endsWith("/ownership"))
        return R"({"ownershipType": "ServiceProvider", "demoteTo": "Admin"})";
    if (method == "PATCH")
        return R"({"name": "Renamed by another sandbox"})";
    return "{}";
}

// Every route that names an object, with another sandbox's object, for every role of this one.
TEST_F(SandboxApi, TwoSandboxesNeverSeeEachOthersOrganizationsOrOrders) {
    const auto a = create_sandbox();
    const auto b = create_sandbox();
    const auto aIds = ids_seen_by(a.tokens[0]);
    const auto bIds = ids_seen_by(b.tokens[0]);
    ASSERT_GT(aIds.size(), 600U);
    ASSERT_GT(bIds.size(), 600U);
    for (const auto& id : bIds)
        ASSERT_FALSE(aIds.count(id)) << id << " is in both sandboxes";
    // Every role of A sees only A's objects, and none of the demo tenants'.
    for (const auto& token : a.tokens) {
        for (const auto& id : ids_seen_by(token))
            EXPECT_TRUE(aIds.count(id)) << id << " leaked into sandbox A";
        const auto organizations = client().get("/webservice/Organization", token);
        for (const auto& id : bIds)
            EXPECT_EQ(organizations.body.find(id), std::string::npos);
        const auto bSeller = b.body.at("signIns")[1].at("user").at("sellerId").get<std::string>();
        EXPECT_EQ(client().get("/api/v1/sellers", token).body.find(bSeller), std::string::npos);
    }

    // B's objects, as A's callers name them in URLs and bodies.
    const auto bCustomer =
        client().get("/api/v1/customers?status=New&limit=1", b.tokens[0]).json().at("items")[0];
    const auto bOrder = client()
                            .get("/api/v1/orders?status=PendingApproval&limit=1", b.tokens[0])
                            .json()
                            .at("items")[0];
    const auto bOwnerCustomer =
        b.body.at("signIns")[3].at("user").at("customerId").get<std::string>();
    const auto bSubscriptions =
        client().get("/api/v1/customers/" + bOwnerCustomer + "/subscriptions", b.tokens[3]).json();
    ASSERT_FALSE(bSubscriptions.at("items").empty());
    const auto bSubscription = bSubscriptions.at("items")[0].at("id").get<std::string>();
    const auto fill = [&](std::string text) {
        const std::pair<std::string, std::string> values[] = {
            {"{customerId}", bCustomer.at("id").get<std::string>()},
            {"{organizationId}", bCustomer.at("id").get<std::string>()},
            {"{orderId}", bOrder.at("id").get<std::string>()},
            {"{subscriptionId}", bSubscription}};
        for (const auto& [placeholder, value] : values) {
            for (auto at = text.find(placeholder); at != std::string::npos;
                 at = text.find(placeholder))
                text.replace(at, placeholder.size(), value);
        }
        return text;
    };
    int cells = 0;
    for (const auto& route : server().router().routes()) {
        if (route.pattern.find('{') == std::string::npos || route.access != Access::SignedIn)
            continue;
        const std::string method(http::to_string(route.method));
        for (const auto& token : a.tokens) {
            HttpRequest request{method, fill(route.pattern), body_for(method, route.pattern), {}};
            if (method != "GET")
                request.headers.emplace_back("Content-Type", "application/json");
            request.headers.emplace_back("Authorization", "Bearer " + token);
            const auto response = client().send(request);
            ++cells;
            EXPECT_TRUE(response.status == 404 || response.status == 403 ||
                        response.status == 405 ||
                        (response.status == 200 &&
                         response.json().value("errorCode", 0) != 0))  // the webservice's shape
                << method << " " << route.pattern << " answered " << response.status << " "
                << response.body.substr(0, 200);
            EXPECT_EQ(response.body.find(bCustomer.at("name").get<std::string>()),
                      std::string::npos);
        }
    }
    // Routes that take another tenant's object in their body.
    for (const auto& token : a.tokens) {
        const auto placed =
            client().post_json("/api/v1/orders",
                               json{{"customerId", bOwnerCustomer},
                                    {"lines", {{{"sku", "ZOOM-PRO"}, {"quantity", 1}}}}}
                                   .dump(),
                               token);
        EXPECT_TRUE(placed.status == 404 || placed.status == 403 || placed.status == 400)
            << placed.status << " " << placed.body;
        const auto decided = client().post_json(
            "/api/v1/orders/decisions",
            json{{"action", "approve"}, {"orderIds", {bOrder.at("id")}}}.dump(), token);
        if (decided.status == 200) {
            EXPECT_FALSE(decided.json().at("results")[0].at("ok").get<bool>());
        }
    }
    // Nothing of B changed.
    const auto customerAfter =
        client().get("/api/v1/customers/" + bCustomer.at("id").get<std::string>(), b.tokens[0]);
    EXPECT_EQ(customerAfter.json().at("status"), "New");
    EXPECT_EQ(customerAfter.json().at("version"), bCustomer.at("version"));
    const auto orderAfter =
        client().get("/api/v1/orders/" + bOrder.at("id").get<std::string>(), b.tokens[0]);
    EXPECT_EQ(orderAfter.json().at("status"), "PendingApproval");
    std::printf("sandbox isolation: %d route x role cells with the other sandbox's objects\n",
                cells);
}

TEST_F(SandboxApi, AnEndedSandboxsTokensAreRefusedAndItsRowsPurged) {
    const auto gone = create_sandbox();
    advance_clock(30min);
    const auto kept = create_sandbox();
    const auto goneCustomer =
        gone.body.at("signIns")[3].at("user").at("customerId").get<std::string>();
    const auto demoCustomers = list_all_customers(sign_in(kSeller), {}, 200).size();
    ASSERT_EQ(client().get("/api/v1/auth/me", gone.tokens[0]).status, 200);

    advance_clock(30min + 1s);
    for (const auto& token : gone.tokens) {
        const auto refused = client().get("/api/v1/customers", token);
        EXPECT_EQ(refused.status, 401) << refused.body;
    }
    // The sweeper purges it within a few of its rounds.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (store().find_partner(gone.id) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    EXPECT_FALSE(store().find_partner(gone.id));
    EXPECT_FALSE(store().find_organization(goneCustomer));
    EXPECT_TRUE(store().audit_trail(goneCustomer).empty());
    const auto username = gone.body.at("signIns")[0].at("user").at("username").get<std::string>();
    EXPECT_FALSE(store().find_user_by_username(username));
    platform::OrganizationQuery query;
    query.scope = {core::TenantLevel::Distributor, gone.id};
    EXPECT_TRUE(store().list_organizations(query).items.empty());
    platform::OrderQuery orders;
    orders.scope = query.scope;
    EXPECT_TRUE(store().list_orders(orders).items.empty());

    // The other sandbox, created later, lives on; the real tenants were never touched.
    EXPECT_EQ(client().get("/api/v1/auth/me", kept.tokens[0]).status, 200);
    EXPECT_TRUE(store().find_partner(kept.id));
    EXPECT_EQ(list_all_customers(sign_in(kSeller), {}, 200).size(), demoCustomers);
}

TEST_F(SandboxApi, UseDoesNotExtendASandboxSessionPastItsEnd) {
    const auto sandbox = create_sandbox();
    for (int i = 0; i < 4; ++i) {  // used every 12 minutes: the idle timeout never passes
        advance_clock(12min);
        ASSERT_EQ(client().get("/api/v1/auth/me", sandbox.tokens[1]).status, 200);
    }
    advance_clock(11min);  // 59 minutes in
    ASSERT_EQ(client().get("/api/v1/auth/me", sandbox.tokens[1]).status, 200);
    advance_clock(1min);
    EXPECT_EQ(client().get("/api/v1/auth/me", sandbox.tokens[1]).status, 401);
}

TEST_F(SandboxApi, ABodyWithFieldsIsRefused) {
    const auto response = client().post_json(kCreate, R"({"customers": 5000})");
    EXPECT_EQ(response.status, 400) << response.body;
    EXPECT_TRUE(store().sandbox_usage("127.0.0.1", now_ms(), 0).addressCreationsMs.empty());
}

class SandboxLimitsApi : public SandboxApi {
  protected:
    void configure_sandboxes(SandboxOptions& sandboxes) override {
        sandboxes.limits = {3, 2, 60 * 60'000};
        sandboxes.size = {20, 40};  // the limits, not the data, are under test
    }
};

TEST_F(SandboxLimitsApi, AnAddressAtItsLimitIsToldWhenToTryAgain) {
    create_sandbox();
    advance_clock(20min);
    create_sandbox();
    const auto refused = client().post_json(kCreate, "");
    ASSERT_EQ(refused.status, 429) << refused.body;
    EXPECT_EQ(refused.header("Retry-After"), "2400");
    const auto problem = refused.json();
    EXPECT_EQ(problem.at("code"), "sandbox-address-limit");
    EXPECT_EQ(problem.at("detail"),
              "You have started 2 sandboxes in the last 60 minutes. Try again in 40 minutes.");
    EXPECT_EQ(problem.at("retryAfterSeconds"), 2400);

    advance_clock(40min);  // the first creation has left the window
    create_sandbox();
}

class SandboxCapacityApi : public SandboxApi {
  protected:
    void configure_sandboxes(SandboxOptions& sandboxes) override {
        sandboxes.limits = {2, 50, 60 * 60'000};
        sandboxes.size = {20, 40};
    }
};

TEST_F(SandboxCapacityApi, WhenTheMostSandboxesAreLiveVisitorsWaitForTheSoonestEnd) {
    create_sandbox();
    advance_clock(15min);
    create_sandbox();
    auto refused = client().post_json(kCreate, "");
    ASSERT_EQ(refused.status, 429) << refused.body;
    EXPECT_EQ(refused.json().at("code"), "sandbox-capacity");
    EXPECT_EQ(refused.json().at("detail"),
              "All demo sandboxes are in use right now. Try again in 45 minutes.");
    EXPECT_EQ(refused.header("Retry-After"), "2700");

    advance_clock(45min);  // the first has ended, purged or not
    create_sandbox();
}

class SandboxesOffApi : public SandboxApi {
  protected:
    void configure_sandboxes(SandboxOptions& sandboxes) override { sandboxes.enabled = false; }
};

TEST_F(SandboxesOffApi, AnswersThatSandboxesAreSwitchedOff) {
    const auto response = client().post_json(kCreate, "");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.json().at("code"), "sandboxes-off");
    EXPECT_EQ(response.json().at("detail"),
              "Demo sandboxes are switched off on this server. Sign in with your account.");
    EXPECT_TRUE(store().sandbox_usage("127.0.0.1", now_ms(), 0).liveExpiriesMs.empty());
}

}  // namespace
}  // namespace orgdesk::server::testing
