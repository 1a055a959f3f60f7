#pragma once
// The `backup` and `restore` subcommands of orgdesk-server. Serving stays what the binary does
// without a subcommand.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace orgdesk::server {

class BackupCommands {
  public:
    // Adds both subcommands to `app`, which must outlive this object's use.
    explicit BackupCommands(CLI::App& app);

    // After parsing: runs `backup` or `restore`, whichever was given, and returns the exit
    // status; nothing when neither was (the caller serves).
    std::optional<int> run() const;

  private:
    CLI::App* backup_;
    CLI::App* restore_;
    std::string database_ = "data/orgdesk.db";
    std::string backupFile_;
};

}  // namespace orgdesk::server
