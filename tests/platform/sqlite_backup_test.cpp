// Online backup and restore of the SQLite store's file: a backup taken while another connection
// writes is a whole snapshot; a restore replaces the database with it, and refuses (changing
// nothing) a damaged backup, a missing one, or a database still open elsewhere.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "platform/demo_data.hpp"
#include "platform/sqlite_backup.hpp"
#include "platform/sqlite_store.hpp"
#include "temp_database.hpp"

namespace orgdesk::platform {
namespace {

constexpr std::int64_t kNow = 1'795'369'342'000;

long long partner_count(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM partners").getInt64();
}

// The message of the BackupError `action` throws; fails the test when it throws none.
template <class Action>
std::string refusal_of(Action action) {
    try {
        action();
    } catch (const BackupError& e) {
        return e.what();
    }
    ADD_FAILURE() << "no BackupError";
    return {};
}

bool mentions(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class SqliteBackupTest : public ::testing::Test {
  protected:
    void SetUp() override { seed_demo_data(*store, kNow, "hash"); }

    std::string backup_path() const { return file.path() + ".backup"; }

    testing::TempDatabase file;
    std::unique_ptr<SqliteStore> store = std::make_unique<SqliteStore>(file.path());
};

TEST_F(SqliteBackupTest, ABackupTakenWhileAnotherConnectionWritesIsAWholeSnapshot) {
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        SqliteStore other(file.path());
        for (int i = 0; !stop; ++i) {
            other.insert_partner({"p-" + std::to_string(i), "Partner " + std::to_string(i), ""});
            ++written;
        }
    });
    const auto before = partner_count(file.path());
    for (int i = 0; i < 5; ++i) {
        const auto summary = backup_database(file.path(), backup_path());
        EXPECT_GT(summary.pages, 0);
        EXPECT_EQ(integrity_check(backup_path()), "ok");
        const auto copied = partner_count(backup_path());
        EXPECT_GE(copied, before);
        EXPECT_LE(copied, partner_count(file.path()));
    }
    stop = true;
    writer.join();
    EXPECT_GT(written.load(), 0);

    SqliteStore copy(backup_path());
    EXPECT_EQ(copy.schema_version(), SqliteStore::latest_schema_version());
    EXPECT_TRUE(copy.find_organization(kDemoOwnerCustomerId).has_value());
}

TEST_F(SqliteBackupTest, RestoreBringsTheDatabaseBackToTheBackup) {
    backup_database(file.path(), backup_path());
    store->insert_partner({"p-after", "Written after the backup", ""});
    store.reset();  // stopped, as a server must be

    const auto summary = restore_database(backup_path(), file.path());
    EXPECT_GT(summary.bytes, 0);
    EXPECT_FALSE(std::filesystem::exists(file.path() + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(file.path() + ".partial"));
    SqliteStore restored(file.path());
    EXPECT_FALSE(restored.find_partner("p-after").has_value());
    EXPECT_TRUE(restored.find_organization(kDemoOwnerCustomerId).has_value());
    EXPECT_EQ(integrity_check(file.path()), "ok");
}

TEST_F(SqliteBackupTest, BackupAndRestoreIntoFreshFoldersCreateThem) {
    const auto backup = file.path() + ".d/backups/nightly.db";
    backup_database(file.path(), backup);
    EXPECT_EQ(integrity_check(backup), "ok");
    const auto elsewhere = file.path() + ".d/new/orgdesk.db";
    restore_database(backup, elsewhere);
    SqliteStore restored(elsewhere);
    EXPECT_TRUE(restored.find_organization(kDemoOwnerCustomerId).has_value());
}

TEST_F(SqliteBackupTest, RestoreRefusesWhileTheDatabaseIsOpenAndChangesNothing) {
    backup_database(file.path(), backup_path());
    store->insert_partner({"p-after", "Written after the backup", ""});
    const auto refusal = refusal_of([&] { restore_database(backup_path(), file.path()); });
    EXPECT_TRUE(mentions(refusal, "is in use")) << refusal;
    EXPECT_TRUE(mentions(refusal, "Stop the server")) << refusal;
    EXPECT_TRUE(store->find_partner("p-after").has_value());
}

TEST_F(SqliteBackupTest, RestoreRefusesADamagedBackupAndChangesNothing) {
    backup_database(file.path(), backup_path());
    store->insert_partner({"p-after", "Written after the backup", ""});
    store.reset();
    // Cut in half, as a copy interrupted by a full disk would be.
    std::filesystem::resize_file(backup_path(), std::filesystem::file_size(backup_path()) / 2);
    const auto refusal = refusal_of([&] { restore_database(backup_path(), file.path()); });
    EXPECT_TRUE(mentions(refusal, backup_path())) << refusal;

    std::ofstream(backup_path(), std::ios::trunc) << "not a database at all";
    EXPECT_FALSE(refusal_of([&] { restore_database(backup_path(), file.path()); }).empty());

    SqliteStore untouched(file.path());
    EXPECT_TRUE(untouched.find_partner("p-after").has_value());
}

TEST_F(SqliteBackupTest, MissingFilesAndOneFileForBothAreRefused) {
    EXPECT_TRUE(mentions(refusal_of([&] { backup_database(file.path() + ".nope", backup_path()); }),
                         "There is no database"));
    EXPECT_TRUE(mentions(refusal_of([&] { restore_database(backup_path(), file.path()); }),
                         "There is no backup"));
    EXPECT_TRUE(mentions(refusal_of([&] { backup_database(file.path(), file.path()); }),
                         "overwrite the database itself"));
    EXPECT_TRUE(store->find_organization(kDemoOwnerCustomerId).has_value());
}

}  // namespace
}  // namespace orgdesk::platform
