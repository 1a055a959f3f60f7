#include "platform/sqlite_backup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <filesystem>
#include <system_error>

namespace orgdesk::platform {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The files SQLite keeps beside a database in WAL mode. A stale write-ahead log next to a file
// it was not written for would be replayed onto it, so they go whenever a file is replaced.
void remove_sidecars(const fs::path& database) {
    std::error_code ignored;
    fs::remove(database.string() + "-wal", ignored);
    fs::remove(database.string() + "-shm", ignored);
    fs::remove(database.string() + "-journal", ignored);
}

void remove_with_sidecars(const fs::path& database) {
    std::error_code ignored;
    fs::remove(database, ignored);
    remove_sidecars(database);
}

// A rename is durable only once the directory holding it is on disk.
void sync_directory(const fs::path& file) {
    const auto dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return;
    static_cast<void>(::fsync(fd));
    ::close(fd);
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

std::string check_integrity(SQLite::Database& db) {
    std::string report;
    SQLite::Statement q(db, "PRAGMA integrity_check");
    while (q.executeStep()) {
        if (!report.empty())
            report += "; ";
        report += q.getColumn(0).getString();
    }
    return report;
}

// Copies every page of `from` into `to` in one step, so in one read transaction of `from`: a
// consistent snapshot, however much other connections write meanwhile. Retries while a writer
// holds a lock the copy needs.
int copy_pages(SQLite::Database& from, SQLite::Database& to) {
    SQLite::Backup backup(to, from);
    int result = SQLITE_OK;
    do {
        result = backup.executeStep(-1);
        if (result == SQLITE_BUSY || result == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (result != SQLITE_DONE);
    return backup.getTotalPageCount();
}

// Copies `source` into a fresh file at `target` + ".partial", checks it, and renames it over
// `target`.
BackupSummary copy_database(SQLite::Database& source, const fs::path& target) {
    const auto started = Clock::now();
    if (target.has_parent_path())
        fs::create_directories(target.parent_path());
    const fs::path partial = target.string() + ".partial";
    remove_with_sidecars(partial);
    BackupSummary summary;
    try {
        SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        summary.pages = copy_pages(source, copy);
        const auto report = check_integrity(copy);
        if (report != "ok")
            throw BackupError("The copy of the database is damaged (" + report + ").");
    } catch (const SQLite::Exception& e) {
        remove_with_sidecars(partial);
        throw BackupError("Could not copy the database to " + partial.string() + ": " + e.what() +
                          ".");
    } catch (...) {
        remove_with_sidecars(partial);
        throw;
    }
    remove_sidecars(partial);  // the copy's connection is closed: nothing in them is needed
    remove_sidecars(target);
    fs::rename(partial, target);
    sync_directory(target);
    summary.bytes = static_cast<std::int64_t>(fs::file_size(target));
    summary.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    return summary;
}

// Refuses when any other connection has the database open: in WAL mode, SQLite grants the
// exclusive locking mode only to a connection that is alone on the file. Writes what the old
// database's log held into the file first, so a crash before the rename loses nothing.
void ensure_not_in_use(const fs::path& database) {
    try {
        SQLite::Database db(database.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA locking_mode = EXCLUSIVE");
        db.exec("BEGIN EXCLUSIVE");
        db.exec("COMMIT");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED) {
            throw BackupError("The database " + database.string() +
                              " is in use, probably by a running orgdesk-server. Stop the "
                              "server, then restore.");
        }
        throw BackupError("Cannot open the database " + database.string() + ": " + e.what() + ".");
    }
}

void require_file(const fs::path& path, const std::string& what) {
    if (!fs::is_regular_file(path))
        throw BackupError("There is no " + what + " at " + path.string() + ".");
}

}  // namespace

std::string integrity_check(const std::string& databasePath) {
    SQLite::Database db(databasePath, SQLite::OPEN_READONLY);
    return check_integrity(db);
}

BackupSummary backup_database(const std::string& databasePath, const std::string& backupPath) {
    require_file(databasePath, "database");
    if (same_file(databasePath, backupPath)) {
        throw BackupError(
            "The backup would overwrite the database itself; write it to another "
            "file.");
    }
    try {
        // Read-only: the backup never changes the live database. The busy timeout covers a
        // server checkpointing at the moment the copy starts.
        SQLite::Database source(databasePath, SQLite::OPEN_READONLY, /*busyTimeoutMs=*/5000);
        return copy_database(source, backupPath);
    } catch (const SQLite::Exception& e) {
        throw BackupError("Cannot read the database " + databasePath + ": " + e.what() + ".");
    }
}

BackupSummary restore_database(const std::string& backupPath, const std::string& databasePath) {
    require_file(backupPath, "backup");
    if (same_file(databasePath, backupPath))
        throw BackupError("The backup and the database are the same file; nothing to restore.");
    try {
        SQLite::Database backup(backupPath, SQLite::OPEN_READONLY, /*busyTimeoutMs=*/5000);
        const auto report = check_integrity(backup);
        if (report != "ok") {
            throw BackupError("The backup " + backupPath + " is damaged (" + report +
                              "); nothing was restored.");
        }
        const fs::path database(databasePath);
        if (fs::exists(database))
            ensure_not_in_use(database);
        return copy_database(backup, database);
    } catch (const SQLite::Exception& e) {
        throw BackupError("Cannot read the backup " + backupPath + ": " + e.what() + ".");
    }
}

}  // namespace orgdesk::platform
