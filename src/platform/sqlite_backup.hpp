#pragma once
// Online backup and restore of the SQLite store's database file. A backup is taken with SQLite's
// online backup API in one read transaction, so it is a consistent snapshot even while a server
// keeps writing (WAL lets the writers go on). A restore replaces the database atomically: the
// backup is copied next to it and renamed over it, and a stale write-ahead log is removed so it
// can never be replayed onto the restored file.
#include <chrono>
#include <stdexcept>
#include <string>

namespace orgdesk::platform {

// Why a backup or restore was refused or failed, in words for the person who ran it.
class BackupError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct BackupSummary {
    int pages = 0;
    std::int64_t bytes = 0;
    std::chrono::milliseconds took{0};
};

// Copies the live database at `databasePath` into `backupPath` (replaced if it exists). The copy
// is written to a temporary file beside `backupPath`, checked with PRAGMA integrity_check and
// renamed into place, so `backupPath` is always either the old file or a whole new backup.
// Missing folders on the way to `backupPath` are created.
// Throws BackupError when the database is missing, the two paths name one file, or the copy fails.
BackupSummary backup_database(const std::string& databasePath, const std::string& backupPath);

// Replaces the database at `databasePath` with the backup at `backupPath`. Refuses (BackupError)
// when the backup is missing or fails its integrity check, or while another process (a running
// server) has the database open. The database is replaced by a rename, so a crash during the
// restore leaves either the old database or the restored one, never a mix.
BackupSummary restore_database(const std::string& backupPath, const std::string& databasePath);

// "ok" when SQLite finds the database file whole, else what PRAGMA integrity_check reports.
std::string integrity_check(const std::string& databasePath);

}  // namespace orgdesk::platform
