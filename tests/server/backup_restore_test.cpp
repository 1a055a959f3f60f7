// `orgdesk-server backup` copies the database while the server runs and writes, into a file that
// is whole and consistent; `orgdesk-server restore` refuses while the server holds the database,
// and once it is stopped brings the database back to the backup's state, which the next start
// serves. All with the real binary.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "platform/demo_data.hpp"
#include "server/database_invariants.hpp"
#include "server/http_client.hpp"
#include "server/process_test_support.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

json new_customer(const std::string& name) {
    return new_customer_body(name, "bo@backup.example");
}

// Writes until told to stop: customers created and every other one approved, orders placed and
// approved (so provisioning writes too).
class WriteLoad {
  public:
    WriteLoad(std::uint16_t port, std::string seller, std::string owner)
        : thread_([this, port, seller = std::move(seller), owner = std::move(owner)] {
              const HttpClient client(port);
              for (int n = 0; !stop_; ++n) {
                  const auto created =
                      client.send_json("POST", "/api/v1/customers",
                                       new_customer("Backup Load " + std::to_string(n)), seller);
                  expect_success(created);
                  if (n % 2 == 0) {
                      const auto id = created.json().at("id").get<std::string>();
                      expect_success(client.put("/api/v1/customers/" + id + "/approve", seller));
                  }
                  const json order = {{"customerId", std::string(platform::kDemoOwnerCustomerId)},
                                      {"lines", {{{"sku", "ZOOM-PRO"}, {"quantity", 1 + n % 3}}}}};
                  const auto placed = client.send_json("POST", "/api/v1/orders", order, owner);
                  expect_success(placed);
                  const auto id = placed.json().at("id").get<std::string>();
                  expect_success(client.post_json("/api/v1/orders/" + id + "/approve", "", seller));
                  ++writes_;
              }
          }) {}

    ~WriteLoad() { finish(); }

    // Stops the writes; how many rounds (create, approve, place, approve) were done.
    long finish() {
        stop_ = true;
        if (thread_.joinable())
            thread_.join();
        return writes_;
    }

  private:
    static void expect_success(const HttpResponse& answer) {
        EXPECT_TRUE(answer.status >= 200 && answer.status <= 299)
            << answer.status << " " << answer.body;
    }

    std::atomic<bool> stop_{false};
    std::atomic<long> writes_{0};
    std::thread thread_;
};

}  // namespace

TEST(BackupRestore, BackupWhileWritingThenRestoreBringsTheServerBackToTheBackup) {
    const auto dir = make_temp_dir();
    const auto database = dir / "orgdesk.db";
    const auto backup = dir / "backups" / "orgdesk-backup.db";
    std::filesystem::create_directories(backup.parent_path());
    const auto log = (dir / "server.log").string();
    const auto commandLog = (dir / "command.log").string();
    const std::vector<std::string> serve{"--db", database.string(),         "--demo", "--threads",
                                         "2",    "--provisioning-delay-ms", "20"};
    const std::vector<std::string> backupCommand{"backup", "--db", database.string(), "--to",
                                                 backup.string()};
    const std::vector<std::string> restoreCommand{"restore", "--from", backup.string(), "--db",
                                                  database.string()};

    std::string afterBackupId;
    long rounds = 0;
    long long slowestBackupMs = 0;
    DatabaseCheck backedUp;
    {
        ServerProcess server(ORGDESK_SERVER_BINARY, serve, log);
        const HttpClient client(server.port());
        const auto seller = sign_in_to(client, kSeller).token;
        WriteLoad load(server.port(), seller, sign_in_to(client, kOwner).token);

        // Three backups in a row while the writes go on; each one whole and consistent.
        for (int i = 0; i < 3; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            const auto started = SteadyClock::now();
            ASSERT_EQ(run_to_completion(ORGDESK_SERVER_BINARY, backupCommand, commandLog), 0)
                << read_text(commandLog);
            slowestBackupMs = std::max<long long>(
                slowestBackupMs,
                std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - started)
                    .count());
            EXPECT_NE(read_text(commandLog).find("integrity check ok"), std::string::npos)
                << read_text(commandLog);
            backedUp = check_database(backup);
            EXPECT_EQ(backedUp.integrity, "ok");
            for (const auto& violation : backedUp.violations)
                ADD_FAILURE() << "in the backup: " << violation;
        }
        rounds = load.finish();
        ASSERT_GT(rounds, 0);

        // Written after the last backup: the restore takes it away.
        const auto created =
            client.send_json("POST", "/api/v1/customers", new_customer("After Backup Oy"), seller);
        ASSERT_EQ(created.status, 201) << created.body;
        afterBackupId = created.json().at("id").get<std::string>();

        // Not while the server holds the database: refused, and the server goes on.
        EXPECT_EQ(run_to_completion(ORGDESK_SERVER_BINARY, restoreCommand, commandLog), 1);
        EXPECT_NE(read_text(commandLog).find("is in use"), std::string::npos)
            << read_text(commandLog);
        EXPECT_EQ(client.get("/api/v1/customers/" + afterBackupId, seller).status, 200);
        ASSERT_EQ(server.stop(), 0);
    }
    const auto organizationsInBackup = organization_states(backup);
    const auto ordersInBackup = order_states(backup);
    ASSERT_EQ(organizationsInBackup.count(afterBackupId), 0U);

    ASSERT_EQ(run_to_completion(ORGDESK_SERVER_BINARY, restoreCommand, commandLog), 0)
        << read_text(commandLog);
    EXPECT_FALSE(std::filesystem::exists(database.string() + "-wal"));
    EXPECT_EQ(organization_states(database), organizationsInBackup);
    EXPECT_EQ(order_states(database), ordersInBackup);

    // The next start serves the backup's state.
    std::string sampleId;
    for (const auto& [id, state] : organizationsInBackup) {
        if (state.at("status") == "Active" && id != platform::kDemoOwnerCustomerId)
            sampleId = id;
    }
    ASSERT_FALSE(sampleId.empty());
    {
        ServerProcess server(ORGDESK_SERVER_BINARY, serve, log);
        const HttpClient client(server.port());
        const auto seller = sign_in_to(client, kSeller).token;
        EXPECT_EQ(client.get("/api/v1/customers/" + afterBackupId, seller).status, 404);
        const auto sample = client.get("/api/v1/customers/" + sampleId, seller);
        ASSERT_EQ(sample.status, 200) << sample.body;
        EXPECT_EQ(sample.json().at("version"), organizationsInBackup.at(sampleId).at("version"));
        EXPECT_EQ(sample.json().at("customerReference"),
                  organizationsInBackup.at(sampleId).at("customerReference"));
        const auto counts = client.get("/api/v1/customers?limit=1", seller).json().at("counts");
        long listed = 0;
        for (const auto& [status, count] : counts.items())
            listed += count.get<long>();
        EXPECT_GT(listed, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // provisioning resumes
        ASSERT_EQ(server.stop(), 0);
    }
    const auto restored = check_database(database);
    EXPECT_EQ(restored.integrity, "ok");
    for (const auto& violation : restored.violations)
        ADD_FAILURE() << "after the restore: " << violation;
    EXPECT_EQ(organization_states(database), organizationsInBackup);
    EXPECT_EQ(order_states(database).size(), ordersInBackup.size());

    std::printf(
        "[backup] 3 online backups during %ld write rounds (slowest %lld ms), each whole and "
        "consistent; restore refused while the server ran, then restored %lld organizations, "
        "%lld orders, %lld audit events; the restarted server serves the backup's state\n",
        rounds, slowestBackupMs, backedUp.counts.at("organizations"), backedUp.counts.at("orders"),
        backedUp.counts.at("audit_events"));
    std::filesystem::remove_all(dir);
}

}  // namespace orgdesk::server::testing
