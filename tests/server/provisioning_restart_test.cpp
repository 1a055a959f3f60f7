// Provisioning survives crashes: orders approved before a SIGKILL are provisioned after the
// restart, each exactly once, however often the server is killed while it works. Runs the real
// orgdesk-server binary on one database file.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "platform/sqlite_store.hpp"
#include "server/http_client.hpp"
#include "server/process_test_support.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kNorthwind = "c0000000-0000-4000-8000-000000000001";

std::vector<std::string> server_arguments(const std::filesystem::path& database, int delayMs) {
    return {"--db",
            database.string(),
            "--demo",
            "--threads",
            "2",
            "--provisioning-delay-ms",
            std::to_string(delayMs)};
}

}  // namespace

TEST(ProvisioningRestart, OrdersApprovedBeforeACrashAreProvisionedOnceAfterIt) {
    const auto dir = make_temp_dir();
    const auto database = dir / "orgdesk.db";
    const auto log = (dir / "server.log").string();
    std::map<std::string, std::pair<std::string, std::size_t>> approved;  // id → customer, lines
    int kills = 0;
    {
        // Provisioning so slow that nothing is provisioned before the crash.
        ServerProcess server(ORGDESK_SERVER_BINARY, server_arguments(database, 600'000), log);
        HttpClient client(server.port());
        const auto seller = sign_in_to(client, kSeller).token;
        const auto owner = sign_in_to(client, kOwner).token;
        for (int i = 0; i < 6; ++i) {
            const json order = {{"customerId", kNorthwind},
                                {"lines",
                                 {{{"sku", "ZOOM-PRO"}, {"quantity", i + 1}},
                                  {{"sku", "ACR-CYBER"}, {"quantity", 1}}}}};
            ASSERT_EQ(client.send_json("POST", "/api/v1/orders", order, owner).status, 201);
        }
        const auto pending =
            client.get("/api/v1/orders?status=PendingApproval&limit=200", seller).json();
        for (const auto& order : pending.at("items")) {
            const auto id = order.at("id").get<std::string>();
            const auto answer = client.post_json("/api/v1/orders/" + id + "/approve", "", seller);
            ASSERT_EQ(answer.status, 200) << answer.body;
            approved[id] = {order.at("customerId").get<std::string>(), order.at("lines").size()};
        }
        ASSERT_GE(approved.size(), 10U);
        server.kill_now();
        ++kills;
    }
    // Restarts with provisioning at full speed, killed again after a while each time: some
    // orders are between steps, some have just been written.
    for (int cycle = 0; cycle < 5; ++cycle) {
        ServerProcess server(ORGDESK_SERVER_BINARY, server_arguments(database, 0), log);
        std::this_thread::sleep_for(std::chrono::milliseconds(cycle * 20));
        server.kill_now();
        ++kills;
    }

    // The last start: every approved order reaches Provisioned.
    ServerProcess server(ORGDESK_SERVER_BINARY, server_arguments(database, 0), log);
    const auto started = std::chrono::steady_clock::now();
    HttpClient client(server.port());
    const auto seller = sign_in_to(client, kSeller).token;
    std::set<std::string> provisioned;
    while (provisioned.size() < approved.size() &&
           std::chrono::steady_clock::now() - started < std::chrono::seconds(30)) {
        provisioned.clear();
        const auto page = client.get("/api/v1/orders?status=Provisioned&limit=200", seller).json();
        for (const auto& order : page.at("items")) {
            if (approved.count(order.at("id").get<std::string>()) != 0)
                provisioned.insert(order.at("id").get<std::string>());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto tookMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    ASSERT_EQ(provisioned.size(), approved.size());

    // One subscription per order line: none missing, none twice.
    std::map<std::string, std::size_t> subscriptionsPerOrder;
    std::set<std::string> customers;
    for (const auto& [id, order] : approved)
        customers.insert(order.first);
    for (const auto& customer : customers) {
        const auto list =
            client.get("/api/v1/customers/" + customer + "/subscriptions", seller).json();
        for (const auto& subscription : list.at("items"))
            ++subscriptionsPerOrder[subscription.at("orderId").get<std::string>()];
    }
    for (const auto& [id, order] : approved)
        EXPECT_EQ(subscriptionsPerOrder[id], order.second) << id;
    EXPECT_EQ(server.stop(), 0);

    // The audit trail agrees: each step recorded once per order.
    platform::SqliteStore store(database.string());
    for (const auto& [id, order] : approved) {
        std::map<std::string, int> steps;
        for (const auto& event : store.audit_trail(id))
            ++steps[event.action];
        EXPECT_EQ(steps["approve"], 1) << id;
        EXPECT_EQ(steps["provisioning"], 1) << id;
        EXPECT_EQ(steps["provisioned"], 1) << id;
    }
    std::printf(
        "[provisioning-restart] %zu approved orders, %d SIGKILLs, all provisioned %lld ms "
        "after the last restart, each exactly once\n",
        approved.size(), kills, static_cast<long long>(tookMs));
    std::filesystem::remove_all(dir);
}

}  // namespace orgdesk::server::testing
