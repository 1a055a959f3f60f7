#pragma once
// A small pool of PostgreSQL connections for a store used from many threads at once: a thread
// borrows a connection for one transaction and gives it back. Connections are opened when first
// needed (up to a limit), and one found broken is dropped rather than given back.
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/connection>

namespace orgdesk::platform {

class PgConnectionPool {
  public:
    PgConnectionPool(std::string connectionString, std::size_t maxConnections);
    ~PgConnectionPool();
    PgConnectionPool(const PgConnectionPool&) = delete;
    PgConnectionPool& operator=(const PgConnectionPool&) = delete;

    // A borrowed connection, given back when the lease ends.
    class Lease {
      public:
        Lease(PgConnectionPool& pool, std::unique_ptr<pqxx::connection> connection);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        pqxx::connection& operator*() const { return *connection_; }

      private:
        PgConnectionPool& pool_;
        std::unique_ptr<pqxx::connection> connection_;
    };

    // Waits while every connection is lent out. Throws pqxx::broken_connection when a new
    // connection cannot be opened.
    Lease acquire();
    const std::string& connection_string() const { return connectionString_; }
    // Connections open (idle or lent) and lent out now.
    std::pair<std::size_t, std::size_t> open_and_lent();

  private:
    void give_back(std::unique_ptr<pqxx::connection> connection);

    std::string connectionString_;
    std::size_t maxConnections_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<pqxx::connection>> idle_;
    std::size_t open_ = 0;  // idle and lent out
};

}  // namespace orgdesk::platform
