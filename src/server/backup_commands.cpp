#include "server/backup_commands.hpp"

#include <cstdio>
#include <exception>

#include <fmt/core.h>

#include "platform/sqlite_backup.hpp"

namespace orgdesk::server {
namespace {

int report(const char* done, const std::string& from, const std::string& to,
           const platform::BackupSummary& summary) {
    fmt::print("{} {} to {}: {} pages, {} bytes in {} ms; integrity check ok\n", done, from, to,
               summary.pages, summary.bytes, summary.took.count());
    return 0;
}

}  // namespace

BackupCommands::BackupCommands(CLI::App& app)
    : backup_(app.add_subcommand(
          "backup", "Copy the database, while the server runs, into a consistent backup file")),
      restore_(app.add_subcommand("restore",
                                  "Replace the database with a backup (stop the server first)")) {
    backup_->add_option("--db", database_, "SQLite database file to back up")
        ->capture_default_str();
    backup_->add_option("--to", backupFile_, "Backup file to write (replaced if present)")
        ->required();
    restore_->add_option("--from", backupFile_, "Backup file written by `backup`")->required();
    restore_->add_option("--db", database_, "SQLite database file to replace")
        ->capture_default_str();
    app.require_subcommand(0, 1);
}

std::optional<int> BackupCommands::run() const {
    try {
        if (backup_->parsed()) {
            return report("Backed up", database_, backupFile_,
                          platform::backup_database(database_, backupFile_));
        }
        if (restore_->parsed()) {
            return report("Restored", backupFile_, database_,
                          platform::restore_database(backupFile_, database_));
        }
    } catch (const std::exception& e) {  // BackupError, or a folder that cannot be made
        fmt::print(stderr, "orgdesk-server: {}\n", e.what());
        return 1;
    }
    return std::nullopt;
}

}  // namespace orgdesk::server
