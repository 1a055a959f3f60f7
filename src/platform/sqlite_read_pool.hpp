#pragma once
// Connections for reads. In WAL mode a reader sees the last committed state and neither waits for
// the writer nor holds it up, so each read takes a connection of its own (with its own prepared
// statements) and reads on different threads run at once instead of queueing on the writer's
// mutex. An in-memory database is one connection: there the writer's is lent under its mutex.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "platform/sqlite_statement_cache.hpp"

namespace orgdesk::platform {

class SqliteReadPool;

// A read-only connection and its prepared statements, used by one thread at a time.
struct SqliteReader {
    explicit SqliteReader(const std::string& path);

    SQLite::Database db;
    StatementCache statements;  // after db: finalized before it closes
};

// One read's access to the database: statements from a pooled connection, or from the writer's
// with its mutex held. Statements got from it must end before it does.
class SqliteRead {
  public:
    SqliteRead(std::unique_lock<std::mutex> writerLock, StatementCache& writerStatements);
    SqliteRead(SqliteReadPool& pool, std::unique_ptr<SqliteReader> reader);
    SqliteRead(SqliteRead&&) = delete;
    SqliteRead& operator=(SqliteRead&&) = delete;
    SqliteRead(const SqliteRead&) = delete;
    SqliteRead& operator=(const SqliteRead&) = delete;
    ~SqliteRead();

    StatementCache::Lease get(const std::string& sql) { return statements_->get(sql); }

  private:
    std::unique_lock<std::mutex> writerLock_;
    SqliteReadPool* pool_ = nullptr;
    std::unique_ptr<SqliteReader> reader_;
    StatementCache* statements_;
};

class SqliteReadPool {
  public:
    // Readers of the on-disk database at `path`, opened when first needed.
    explicit SqliteReadPool(std::string path);
    ~SqliteReadPool();
    SqliteReadPool(const SqliteReadPool&) = delete;
    SqliteReadPool& operator=(const SqliteReadPool&) = delete;

    // A reader no other thread is using: an idle one, or a new one.
    std::unique_ptr<SqliteReader> take();
    void give_back(std::unique_ptr<SqliteReader> reader);

    // Readers open (idle or lent) and lent out now.
    struct Use {
        std::size_t open = 0;
        std::size_t lent = 0;
    };
    Use use();

  private:
    // More idle readers than this are closed: as many as threads read at once, with room.
    static constexpr std::size_t kMaxIdle = 16;

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<SqliteReader>> idle_;
    std::size_t lent_ = 0;
};

}  // namespace orgdesk::platform
