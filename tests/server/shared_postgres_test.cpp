// Two orgdesk-server processes on one PostgreSQL database, as behind a load balancer: a session
// made on one is honoured by the other, concurrent decisions split across both have exactly one
// winner, both provisioning workers together take every step once, and a change made on one
// wakes a long poll waiting on the other. The figures are printed, not asserted.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pg_test_cluster.hpp"
#include "platform/pg_store.hpp"
#include "server/http_client.hpp"
#include "server/prometheus_text_parser.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kNorthwind = "c0000000-0000-4000-8000-000000000001";

long long ms_since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

std::string sign_in_to(const HttpClient& client, const std::string& username) {
    const auto answer = client.post_json(
        "/api/v1/auth/login", json{{"username", username}, {"password", "orgdesk-demo"}}.dump());
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.status == 200 ? answer.json().at("token").get<std::string>() : std::string();
}

class SharedPostgresTest : public ::testing::Test {
  protected:
    // Instance A seeds the demo; B starts on the same database once A is serving.
    void start(int provisioningDelayMs) {
        for (const char* name : {"a", "b"}) {
            instances.push_back(std::make_unique<ServerProcess>(
                ORGDESK_SERVER_BINARY,
                std::vector<std::string>{"--db", database, "--demo", "--threads", "4",
                                         "--provisioning-delay-ms",
                                         std::to_string(provisioningDelayMs)},
                (dir / (std::string("server-") + name + ".log")).string()));
            clients.emplace_back(instances.back()->port());
        }
    }

    void TearDown() override {
        for (auto& instance : instances)
            EXPECT_EQ(instance->stop(), 0);
        std::filesystem::remove_all(dir);
    }

    // An order of Northwind placed by its Owner on instance `on`; returns its id.
    std::string place_order(std::size_t on, const std::string& owner, int quantity = 1) {
        const json order = {{"customerId", kNorthwind},
                            {"lines",
                             {{{"sku", "ZOOM-PRO"}, {"quantity", quantity}},
                              {{"sku", "ACR-CYBER"}, {"quantity", 1}}}}};
        const auto answer = clients.at(on).send_json("POST", "/api/v1/orders", order, owner);
        EXPECT_EQ(answer.status, 201) << answer.body;
        return answer.status == 201 ? answer.json().at("id").get<std::string>() : std::string();
    }

    std::string database = orgdesk::testing::PgTestCluster::shared().create_database();
    std::filesystem::path dir = make_temp_dir();
    std::vector<std::unique_ptr<ServerProcess>> instances;
    std::vector<HttpClient> clients;
};

TEST_F(SharedPostgresTest, ASessionMadeOnOneInstanceIsServedAndEndedByTheOther) {
    start(600'000);
    const auto token = sign_in_to(clients[0], "seller@demo.test");
    const auto me = clients[1].get("/api/v1/auth/me", token);
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json().at("username"), "seller@demo.test");
    EXPECT_EQ(clients[1].get("/api/v1/customers?limit=5", token).status, 200);
    EXPECT_EQ(clients[0].get("/api/v1/customers?limit=5", token).status, 200);

    // Signing out on B ends the session on A too, though A has served it: instances sharing a
    // database keep no sessions in memory.
    EXPECT_EQ(clients[1].post_json("/api/v1/auth/logout", "", token).status, 204);
    EXPECT_EQ(clients[0].get("/api/v1/customers?limit=5", token).status, 401);
}

// Issue 26: Commvault's Logout on one instance ends the session on the other at once, on both
// APIs, and a renewed token's predecessor is refused there too.
TEST_F(SharedPostgresTest, ACommvaultLogoutOnOneInstanceEndsTheSessionOnTheOther) {
    start(600'000);
    const auto login = clients[0].post_json(
        "/webconsole/api/Login",
        json{{"username", "seller@demo.test"}, {"password", "b3JnZGVzay1kZW1v"}}.dump());
    ASSERT_EQ(login.status, 200) << login.body;
    const auto first = login.json().at("token").get<std::string>();
    const auto whoami = [&](std::size_t on, const std::string& token) {
        return clients.at(on)
            .send({"GET", "/webconsole/api/WhoAmI", {}, {{"Authtoken", token}}})
            .status;
    };
    ASSERT_EQ(whoami(1, first), 200);
    const auto renewed = clients[1].send({"POST",
                                          "/webconsole/api/RenewLoginToken",
                                          json{{"sessionId", first}}.dump(),
                                          {{"Content-Type", "application/json"}}});
    ASSERT_EQ(renewed.status, 200) << renewed.body;
    const auto second = renewed.json().at("token").get<std::string>();
    EXPECT_EQ(whoami(0, first), 401);
    EXPECT_EQ(whoami(0, second), 200);
    ASSERT_EQ(
        clients[1].send({"POST", "/webconsole/api/Logout", {}, {{"Authtoken", second}}}).status,
        200);
    EXPECT_EQ(whoami(0, second), 401);
    EXPECT_EQ(clients[0].send({"GET", "/api/v1/auth/me", {}, {{"Authtoken", second}}}).status, 401);
}

// Issue 28: each instance's /metrics reads the shared database: an order placed on A is pending
// in B's figures too; the pool figures are each instance's own; there is no SQLite WAL to size.
TEST_F(SharedPostgresTest, EachInstancesMetricsReadTheSharedDatabase) {
    start(600'000);
    const auto scrape = [&](std::size_t on) {
        const auto answer = clients.at(on).get("/metrics");
        EXPECT_EQ(answer.status, 200) << answer.body;
        return parse_prometheus_text(answer.body);
    };
    const auto before = scrape(1);
    EXPECT_EQ(before.value("orgdesk_database_up"), 1);
    const auto owner = sign_in_to(clients[0], "owner@demo.test");
    ASSERT_FALSE(place_order(0, owner).empty());
    const auto after = scrape(1);
    EXPECT_EQ(after.value("orgdesk_orders_pending_approval").value_or(-1),
              before.value("orgdesk_orders_pending_approval").value_or(-1) + 1);
    EXPECT_EQ(after.value("orgdesk_sessions_live").value_or(-1),
              before.value("orgdesk_sessions_live").value_or(-1) + 1);  // A's sign-in
    EXPECT_GE(after.value("orgdesk_database_connections_open").value_or(0), 1);
    EXPECT_EQ(after.family("orgdesk_sqlite_wal_bytes"), nullptr);
    // B served no sign-in: its own counters say so, whatever A counted.
    EXPECT_EQ(after.value("orgdesk_http_requests_total",
                          {{"route", "/api/v1/auth/login"}, {"method", "POST"}, {"status", "200"}}),
              std::nullopt);
}

TEST_F(SharedPostgresTest, OfAHundredConcurrentApprovalsSplitAcrossBothExactlyOneSucceeds) {
    start(600'000);  // the order stays Approved: only the decision is raced
    const auto owner = sign_in_to(clients[0], "owner@demo.test");
    const auto seller = sign_in_to(clients[0], "seller@demo.test");
    const auto id = place_order(0, owner);
    ASSERT_FALSE(id.empty());

    constexpr int kApprovals = 100;
    std::atomic<int> successes{0}, conflicts{0}, other{0};
    std::array<std::atomic<int>, 2> successesOn{};
    std::atomic<bool> go{false};
    std::vector<std::thread> approvers;
    for (int i = 0; i < kApprovals; ++i) {
        approvers.emplace_back([&, i] {
            const std::size_t on = static_cast<std::size_t>(i % 2);
            while (!go)
                std::this_thread::yield();
            const auto answer =
                clients[on].post_json("/api/v1/orders/" + id + "/approve", "", seller);
            if (answer.status == 200) {
                ++successes;
                ++successesOn[on];
            } else if (answer.status == 409) {
                ++conflicts;
            } else {
                ++other;
                ADD_FAILURE() << answer.status << " " << answer.body;
            }
        });
    }
    const auto started = Clock::now();
    go = true;
    for (auto& approver : approvers)
        approver.join();
    const auto tookMs = ms_since(started);

    EXPECT_EQ(successes, 1);
    EXPECT_EQ(conflicts, kApprovals - 1);
    EXPECT_EQ(other, 0);
    const auto order = clients[1].get("/api/v1/orders/" + id, seller).json();
    EXPECT_EQ(order.at("status"), "Approved");
    platform::PgStore store(database);
    int approvals = 0;
    for (const auto& event : store.audit_trail(id))
        approvals += event.action == "approve" ? 1 : 0;
    EXPECT_EQ(approvals, 1);
    std::printf(
        "[two-instances] %d concurrent approvals of one order (50 on each instance): %d success "
        "(on instance %s), %d conflicts (409), %lld ms\n",
        kApprovals, successes.load(), successesOn[0] == 1 ? "A" : "B", conflicts.load(), tookMs);
}

TEST_F(SharedPostgresTest, BothWorkersTogetherProvisionEveryApprovedOrderOnce) {
    start(0);
    const auto owner = sign_in_to(clients[0], "owner@demo.test");
    const auto seller = sign_in_to(clients[0], "seller@demo.test");
    const auto subscriptionsBefore =
        clients[0]
            .get("/api/v1/customers/" + std::string(kNorthwind) + "/subscriptions", seller)
            .json()
            .at("items")
            .size();
    // Approved alternately on A and B: each approval wakes that instance's worker, and both
    // workers see every due order in the shared database.
    constexpr int kOrders = 20;
    std::vector<std::string> ids;
    for (int i = 0; i < kOrders; ++i)
        ids.push_back(place_order(static_cast<std::size_t>(i % 2), owner, i + 1));
    const auto started = Clock::now();
    for (int i = 0; i < kOrders; ++i) {
        const auto answer = clients[static_cast<std::size_t>(i % 2)].post_json(
            "/api/v1/orders/" + ids[static_cast<std::size_t>(i)] + "/approve", "", seller);
        ASSERT_EQ(answer.status, 200) << answer.body;
    }
    std::set<std::string> provisioned;
    while (provisioned.size() < ids.size() && ms_since(started) < 60'000) {
        provisioned.clear();
        for (const auto& id : ids) {
            if (clients[1].get("/api/v1/orders/" + id, seller).json().at("status") == "Provisioned")
                provisioned.insert(id);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto tookMs = ms_since(started);
    ASSERT_EQ(provisioned.size(), ids.size());

    // Two lines per order: two subscriptions each, none twice.
    std::map<std::string, int> subscriptionsPerOrder;
    const auto list =
        clients[1]
            .get("/api/v1/customers/" + std::string(kNorthwind) + "/subscriptions", seller)
            .json()
            .at("items");
    for (const auto& subscription : list)
        ++subscriptionsPerOrder[subscription.at("orderId").get<std::string>()];
    for (const auto& id : ids)
        EXPECT_EQ(subscriptionsPerOrder[id], 2) << id;
    EXPECT_EQ(list.size(), subscriptionsBefore + 2 * ids.size());

    platform::PgStore store(database);
    for (const auto& id : ids) {
        std::map<std::string, int> steps;
        for (const auto& event : store.audit_trail(id))
            ++steps[event.action];
        EXPECT_EQ(steps["provisioning"], 1) << id;
        EXPECT_EQ(steps["provisioned"], 1) << id;
    }
    std::printf(
        "[two-instances] %d orders approved alternately on A and B, provisioned by both workers "
        "in %lld ms: %zu subscriptions created (%zu expected), each step once\n",
        kOrders, tookMs, list.size() - subscriptionsBefore, 2 * ids.size());
}

TEST_F(SharedPostgresTest, AChangeOnOneInstanceWakesALongPollWaitingOnTheOther) {
    start(600'000);
    const auto owner = sign_in_to(clients[0], "owner@demo.test");
    const auto seller = sign_in_to(clients[0], "seller@demo.test");
    const auto id = place_order(0, owner);
    const auto cursor =
        clients[1].get("/api/v1/changes", seller).json().at("cursor").get<std::string>();

    json woken;
    Clock::time_point answeredAt;
    std::thread poll([&] {
        woken = clients[1]
                    .get("/api/v1/changes?after=" + url_encode(cursor) + "&wait=20", seller)
                    .json();
        answeredAt = Clock::now();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // B's poll is waiting now
    const auto approvedAt = Clock::now();
    ASSERT_EQ(clients[0].post_json("/api/v1/orders/" + id + "/approve", "", seller).status, 200);
    poll.join();

    // Without the relay, B would have answered "changed": false after 20 s.
    EXPECT_EQ(woken.at("changed"), true) << woken.dump();
    EXPECT_NE(woken.at("cursor"), cursor);
    std::printf("[two-instances] a long poll on B woke %lld ms after the approval on A\n",
                static_cast<long long>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(answeredAt - approvedAt)
                        .count()));
}

// A client the balancer moves to the other instance starts over: each instance seals its cursors
// with a key of its own (they count their changes apart), so the other one cannot open it and
// answers at once that anything may have changed, with a cursor of its own that then waits.
TEST_F(SharedPostgresTest, ACursorOfOneInstanceStartsTheClientOverOnTheOther) {
    start(600'000);
    const auto seller = sign_in_to(clients[0], "seller@demo.test");
    const auto cursorOfA =
        clients[0].get("/api/v1/changes", seller).json().at("cursor").get<std::string>();
    const auto started = Clock::now();
    const auto onB =
        clients[1].get("/api/v1/changes?after=" + url_encode(cursorOfA) + "&wait=10", seller);
    ASSERT_EQ(onB.status, 200) << onB.body;
    EXPECT_EQ(onB.json().at("changed"), true);
    EXPECT_LT(ms_since(started), 2000);
    const auto cursorOfB = onB.json().at("cursor").get<std::string>();
    const auto quiet =
        clients[1].get("/api/v1/changes?after=" + url_encode(cursorOfB) + "&wait=1", seller);
    EXPECT_EQ(quiet.json().at("changed"), false) << quiet.body;
}

}  // namespace
}  // namespace orgdesk::server::testing
