// The demo survives a start that failed while seeding it: the real orgdesk-server binary, on one
// database file whose users table refuses rows (as a full disk would, partway through the
// seeding), exits with the reason; started again once the disk has room, it seeds the whole demo
// and every demo user signs in.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "platform/sqlite_store.hpp"
#include "server/http_client.hpp"
#include "server/process_test_support.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

void execute(const std::filesystem::path& database, const std::string& sql) {
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
}

}  // namespace

TEST(DemoSeedingRestart, AStartThatFailedSeedingLeavesADemoTheNextStartServes) {
    const auto dir = make_temp_dir();
    const auto database = dir / "orgdesk.db";
    const std::vector<std::string> arguments = {"--db", database.string(), "--demo"};
    { platform::SqliteStore schema(database.string()); }  // an installed, empty database
    execute(database,
            "CREATE TRIGGER refuse_users BEFORE INSERT ON users "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

    const auto failedLog = (dir / "failed.log").string();
    EXPECT_EQ(run_to_completion(ORGDESK_SERVER_BINARY, arguments, failedLog), 1);
    EXPECT_NE(read_text(failedLog).find("disk is full"), std::string::npos) << read_text(failedLog);

    execute(database, "DROP TRIGGER refuse_users");
    ServerProcess server(ORGDESK_SERVER_BINARY, arguments, (dir / "server.log").string());
    HttpClient client(server.port());
    for (const auto* username :
         {"distributor@demo.test", kSeller, "manager@demo.test", "seller2@demo.test", kOwner})
        sign_in_to(client, username);
    const auto owner = sign_in_to(client, kOwner).token;
    const auto customers = client.get("/api/v1/customers", owner);
    ASSERT_EQ(customers.status, 200) << customers.body;
    EXPECT_EQ(customers.json().at("items").size(), 1U);
    EXPECT_EQ(server.stop(), 0);
}

}  // namespace orgdesk::server::testing
