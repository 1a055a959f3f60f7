// The crash test's database checks find what they look for: a status changed without its audit
// event, and a Provisioned order that lost a subscription.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "platform/demo_data.hpp"
#include "platform/sqlite_store.hpp"
#include "server/database_invariants.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

bool reports(const DatabaseCheck& check, const std::string& part) {
    return std::any_of(check.violations.begin(), check.violations.end(),
                       [&](const std::string& v) { return v.find(part) != std::string::npos; });
}

class DatabaseInvariants : public ::testing::Test {
  protected:
    void SetUp() override {
        platform::SqliteStore store(database_.string());
        platform::seed_demo_data(store, 1'795'369'342'000, "hash");
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    void tamper(const std::string& sql) {
        SQLite::Database db(database_.string(), SQLite::OPEN_READWRITE);
        db.exec(sql);
    }

    std::filesystem::path dir_ = make_temp_dir();
    std::filesystem::path database_ = dir_ / "orgdesk.db";
};

TEST_F(DatabaseInvariants, TheDemoDataHoldsEveryRule) {
    const auto check = check_database(database_);
    EXPECT_EQ(check.integrity, "ok");
    EXPECT_EQ(check.violations, std::vector<std::string>{});
    EXPECT_GT(check.counts.at("orders"), 0);
}

TEST_F(DatabaseInvariants, AStatusWithoutItsAuditEventIsReported) {
    tamper(
        "UPDATE organizations SET status = 'Active' WHERE id = (SELECT id FROM organizations "
        "WHERE status = 'New' LIMIT 1)");
    EXPECT_TRUE(reports(check_database(database_), "differs from its audit trail"));
}

TEST_F(DatabaseInvariants, AProvisionedOrderMissingASubscriptionIsReported) {
    tamper(
        "PRAGMA foreign_keys = OFF; DELETE FROM subscriptions WHERE id = (SELECT s.id FROM "
        "subscriptions s JOIN orders r ON r.id = s.order_id WHERE r.status = 'Provisioned' "
        "LIMIT 1)");
    const auto check = check_database(database_);
    EXPECT_TRUE(reports(check, "without one subscription per line")) << check.violations.size();
    EXPECT_TRUE(reports(check, "subscription count differs"));
}

TEST_F(DatabaseInvariants, AnOrderWithoutItsPlacingEventIsReported) {
    tamper(
        "DELETE FROM audit_events WHERE action = 'place' AND seq = (SELECT min(seq) FROM "
        "audit_events WHERE action = 'place')");
    EXPECT_TRUE(reports(check_database(database_), "without exactly one placing event"));
}

}  // namespace
}  // namespace orgdesk::server::testing
