// Seeding the demo is all or nothing, on a real database: a seeding that fails partway (here a
// trigger refuses the users, as a full disk or a killed process would stop it) leaves no demo row
// behind, so the next start does not take it for "seeded already" and serves every demo user.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <pqxx/pqxx>

#include <string>
#include <thread>

#include "platform/demo_data.hpp"
#include "store_backends.hpp"

namespace orgdesk::platform {
namespace {

using store_testing::Backend;
constexpr std::int64_t kNow = 1'795'369'342'000;

// Every table the demo writes to.
constexpr const char* kDemoTables[] = {"partners", "organizations", "members",      "products",
                                       "orders",   "subscriptions", "audit_events", "users"};

class DemoSeedingTest : public store_testing::BackendTest {
  protected:
    // Runs `sql` on the test database behind the store's back.
    void execute(const std::string& sql) {
        if (database.backend() == Backend::Sqlite) {
            SQLite::Database db(database.sqlite_path(), SQLite::OPEN_READWRITE);
            db.exec(sql);
        } else {
            pqxx::connection connection(database.pg_connection());
            pqxx::work tx(connection);
            tx.exec(sql);
            tx.commit();
        }
    }

    long rows_in(const std::string& table) { return rows_in(database, table); }

    static long rows_in(const store_testing::TestDatabase& of, const std::string& table) {
        const auto sql = "SELECT count(*) FROM " + table;
        if (of.backend() == Backend::Sqlite) {
            SQLite::Database db(of.sqlite_path());
            return db.execAndGet(sql).getInt64();
        }
        pqxx::connection connection(of.pg_connection());
        pqxx::nontransaction tx(connection);
        return tx.exec1(sql)[0].as<long>();
    }

    // From now on every insert into users fails: the demo's users are written after its
    // partners, organizations, catalog, orders and audit trail.
    void fail_user_inserts() {
        if (database.backend() == Backend::Sqlite) {
            execute(
                "CREATE TRIGGER refuse_users BEFORE INSERT ON users "
                "BEGIN SELECT RAISE(ABORT, 'database or disk is full (injected)'); END");
        } else {
            execute(
                "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'could not extend file (injected)'; END $$; "
                "CREATE TRIGGER refuse_users BEFORE INSERT ON users "
                "FOR EACH ROW EXECUTE FUNCTION refuse_insert()");
        }
    }

    void allow_user_inserts() {
        execute(database.backend() == Backend::Sqlite ? "DROP TRIGGER refuse_users"
                                                      : "DROP TRIGGER refuse_users ON users");
    }
};

INSTANTIATE_TEST_SUITE_P(Backends, DemoSeedingTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(DemoSeedingTest, ASeedingThatFailsPartwayLeavesNoDemoRow) {
    fail_user_inserts();
    EXPECT_ANY_THROW(seed_demo_data(store, kNow, "hash"));
    for (const auto* table : kDemoTables)
        EXPECT_EQ(rows_in(table), 0) << table;
    EXPECT_FALSE(store.find_partner(kDemoDistributorId).has_value());
}

TEST_P(DemoSeedingTest, TheNextStartAfterAFailedSeedingServesEveryDemoUser) {
    fail_user_inserts();
    EXPECT_ANY_THROW(seed_demo_data(store, kNow, "hash"));
    allow_user_inserts();

    // The next start: a new store on the same database.
    const auto restarted = database.open();
    const auto signIns = seed_demo_data(*restarted, kNow, "hash");
    ASSERT_EQ(signIns.size(), 5U);
    for (const auto& signIn : signIns) {
        const auto user = restarted->find_user_by_username(signIn.username);
        ASSERT_TRUE(user.has_value()) << signIn.username;
        EXPECT_EQ(user->passwordHash, "hash") << signIn.username;
    }
    const auto owner = restarted->find_user_by_username("owner@demo.test");
    ASSERT_TRUE(owner.has_value());
    EXPECT_TRUE(restarted->find_organization(owner->principal.customerId).has_value());
    EXPECT_FALSE(restarted->list_subscriptions(owner->principal.customerId).empty());
}

TEST_P(DemoSeedingTest, ASeedingThatFailedWritesTheSameDemoAsOneThatDidNot) {
    fail_user_inserts();
    EXPECT_ANY_THROW(seed_demo_data(store, kNow, "hash"));
    allow_user_inserts();
    seed_demo_data(*database.open(), kNow, "hash");

    store_testing::TestDatabase uninterrupted(GetParam());
    seed_demo_data(*uninterrupted.open(), kNow, "hash");
    for (const auto* table : kDemoTables) {
        EXPECT_GT(rows_in(table), 0) << table;
        EXPECT_EQ(rows_in(table), rows_in(uninterrupted, table)) << table;
    }
}

TEST_P(DemoSeedingTest, InstancesSeedingTogetherWriteTheDemoOnce) {
    // Two instances started at once on one database: one seeds, the other waits and finds the
    // demo there (no error, nothing written twice).
    const auto other = database.open();
    std::exception_ptr failure;
    std::thread second([&] {
        try {
            seed_demo_data(*other, kNow, "hash");
        } catch (...) {
            failure = std::current_exception();
        }
    });
    EXPECT_NO_THROW(seed_demo_data(store, kNow, "hash"));
    second.join();
    EXPECT_FALSE(failure);

    store_testing::TestDatabase once(GetParam());
    seed_demo_data(*once.open(), kNow, "hash");
    for (const auto* table : kDemoTables)
        EXPECT_EQ(rows_in(table), rows_in(once, table)) << table;
}

}  // namespace
}  // namespace orgdesk::platform
