// The SQLite store's prepared-statement cache: a statement is reused, comes back with no old
// bindings, can be used again while an earlier use is still reading (a nested call), and is reset
// when its use ends, so a connection never keeps reading an old snapshot of the database.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "platform/sqlite_statement_cache.hpp"
#include "platform/sqlite_store.hpp"
#include "temp_database.hpp"

namespace orgdesk::platform {
namespace {

class StatementCacheTest : public ::testing::Test {
  protected:
    void SetUp() override {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
        db.exec("INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    }

    testing::TempDatabase file;
    SQLite::Database db{file.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
    StatementCache cache{db};
};

std::string name_of(StatementCache& cache, int id) {
    auto q = cache.get("SELECT name FROM t WHERE id = ?");
    q->bind(1, id);
    return q->executeStep() ? q->getColumn(0).getString() : "(none)";
}

TEST_F(StatementCacheTest, AStatementIsReusedWithFreshBindingsEachTime) {
    EXPECT_EQ(name_of(cache, 1), "one");
    EXPECT_EQ(name_of(cache, 3), "three");
    auto unbound = cache.get("SELECT name FROM t WHERE id = ?");
    EXPECT_FALSE(unbound->executeStep()) << "the last use's binding must not linger";
}

TEST_F(StatementCacheTest, TheSameSqlCanBeUsedAgainWhileAnEarlierUseIsStillReading) {
    auto outer = cache.get("SELECT id FROM t ORDER BY id");
    std::vector<std::string> pairs;
    while (outer->executeStep()) {
        const int id = outer->getColumn(0).getInt();
        auto inner = cache.get("SELECT id FROM t ORDER BY id");
        ASSERT_TRUE(inner->executeStep());
        pairs.push_back(std::to_string(id) + "/" + std::to_string(inner->getColumn(0).getInt()));
    }
    EXPECT_EQ(pairs, (std::vector<std::string>{"1/1", "2/1", "3/1"}));
}

TEST_F(StatementCacheTest, AUseStoppedAfterItsFirstRowDoesNotHoldAnOldSnapshot) {
    EXPECT_EQ(name_of(cache, 2), "two");  // stops after one row of a one-row answer
    {
        SQLite::Database other(file.path(), SQLite::OPEN_READWRITE);
        other.exec("UPDATE t SET name = 'deux' WHERE id = 2");
    }
    EXPECT_EQ(name_of(cache, 2), "deux");
    // A write on this connection works too: no read transaction was left open.
    EXPECT_NO_THROW(db.exec("UPDATE t SET name = 'zwei' WHERE id = 2"));
    EXPECT_EQ(name_of(cache, 2), "zwei");
}

TEST(SqliteStoreStatements, ALookupSeesWhatAnotherConnectionWroteAfterIt) {
    testing::TempDatabase file;
    SqliteStore store(file.path());
    store.insert_partner({"p-1", "First name", ""});
    ASSERT_EQ(store.find_partner("p-1")->name, "First name");
    {
        SqliteStore other(file.path());
        other.insert_partner({"p-2", "Second", ""});
    }
    EXPECT_EQ(store.find_partner("p-2")->name, "Second");
}

}  // namespace
}  // namespace orgdesk::platform
