#include "platform/sqlite_statement_cache.hpp"

namespace orgdesk::platform {

StatementCache::Lease::Lease(SQLite::Statement& statement, std::unique_ptr<SQLite::Statement> owned,
                             bool* inUse)
    : statement_(&statement), owned_(std::move(owned)), inUse_(inUse) {}

StatementCache::Lease::Lease(Lease&& other) noexcept
    : statement_(other.statement_), owned_(std::move(other.owned_)), inUse_(other.inUse_) {
    other.statement_ = nullptr;
    other.inUse_ = nullptr;
}

StatementCache::Lease::~Lease() {
    if (statement_ == nullptr || owned_)
        return;
    statement_->tryReset();
    try {
        statement_->clearBindings();
    } catch (const SQLite::Exception&) {
        // sqlite3_clear_bindings cannot fail on a valid statement; nothing to undo.
    }
    *inUse_ = false;
}

StatementCache::Lease StatementCache::get(const std::string& sql) {
    auto found = entries_.find(sql);
    if (found == entries_.end()) {
        if (entries_.size() >= kMaxStatements)
            std::erase_if(entries_, [](const auto& e) { return !e.second.inUse; });
        found = entries_.emplace(sql, Entry{std::make_unique<SQLite::Statement>(db_, sql)}).first;
    }
    Entry& entry = found->second;
    if (entry.inUse) {
        // The same SQL while an earlier use is still open (a nested call): a one-off statement.
        auto owned = std::make_unique<SQLite::Statement>(db_, sql);
        auto& statement = *owned;
        return Lease(statement, std::move(owned), nullptr);
    }
    entry.inUse = true;
    return Lease(*entry.statement, nullptr, &entry.inUse);
}

}  // namespace orgdesk::platform
