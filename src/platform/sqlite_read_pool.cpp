#include "platform/sqlite_read_pool.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace orgdesk::platform {

SqliteReader::SqliteReader(const std::string& path)
    // Used by one thread at a time (the pool hands it out), so SQLite's own per-call mutex is
    // not needed.
    : db(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX, /*busyTimeoutMs=*/5000),
      statements(db) {
    // A page of a large tenant reads rows spread over the file: a larger cache than SQLite's
    // 2 MiB default keeps the indexes' upper levels and recent pages without a read call each.
    db.exec("PRAGMA cache_size = -16384");  // KiB
}

SqliteRead::SqliteRead(std::unique_lock<std::mutex> writerLock, StatementCache& writerStatements)
    : writerLock_(std::move(writerLock)), statements_(&writerStatements) {}

SqliteRead::SqliteRead(SqliteReadPool& pool, std::unique_ptr<SqliteReader> reader)
    : pool_(&pool), reader_(std::move(reader)), statements_(&reader_->statements) {}

SqliteRead::~SqliteRead() {
    if (pool_ != nullptr)
        pool_->give_back(std::move(reader_));
}

SqliteReadPool::SqliteReadPool(std::string path) : path_(std::move(path)) {}

SqliteReadPool::~SqliteReadPool() = default;

std::unique_ptr<SqliteReader> SqliteReadPool::take() {
    {
        std::lock_guard lock(mutex_);
        ++lent_;
        if (!idle_.empty()) {
            auto reader = std::move(idle_.back());
            idle_.pop_back();
            return reader;
        }
    }
    try {
        return std::make_unique<SqliteReader>(path_);
    } catch (...) {
        std::lock_guard lock(mutex_);
        --lent_;
        throw;
    }
}

void SqliteReadPool::give_back(std::unique_ptr<SqliteReader> reader) {
    std::lock_guard lock(mutex_);
    --lent_;
    if (idle_.size() < kMaxIdle)
        idle_.push_back(std::move(reader));
    // else the reader closes as it goes out of scope
}

SqliteReadPool::Use SqliteReadPool::use() {
    std::lock_guard lock(mutex_);
    return {idle_.size() + lent_, lent_};
}

}  // namespace orgdesk::platform
