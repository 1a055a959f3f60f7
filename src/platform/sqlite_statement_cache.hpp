#pragma once
// Prepared statements kept for the life of the SQLite connection. Preparing one of our statements
// costs more than running it (a customer read prepared three, about half its instructions), so
// each SQL text is prepared once and reused. Used with the store's mutex held.
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace orgdesk::platform {

class StatementCache {
  public:
    // A statement lent for one use. On return it is reset and its bindings cleared, so a
    // statement stopped after its first row never keeps a read transaction open.
    class Lease {
      public:
        Lease(SQLite::Statement& statement, std::unique_ptr<SQLite::Statement> owned, bool* inUse);
        Lease(Lease&& other) noexcept;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        SQLite::Statement& operator*() const { return *statement_; }
        SQLite::Statement* operator->() const { return statement_; }

      private:
        SQLite::Statement* statement_;
        std::unique_ptr<SQLite::Statement> owned_;  // a one-off, when the cached one is lent
        bool* inUse_;
    };

    explicit StatementCache(SQLite::Database& db) : db_(db) {}

    Lease get(const std::string& sql);

  private:
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool inUse = false;
    };
    // Query shapes are finite (filters on or off, three tenant levels); the cap only guards
    // against a future caller that builds SQL from data.
    static constexpr std::size_t kMaxStatements = 256;

    SQLite::Database& db_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace orgdesk::platform
