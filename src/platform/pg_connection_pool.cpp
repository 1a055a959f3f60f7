#include "platform/pg_connection_pool.hpp"

#include <pqxx/connection>

namespace orgdesk::platform {

PgConnectionPool::PgConnectionPool(std::string connectionString, std::size_t maxConnections)
    : connectionString_(std::move(connectionString)), maxConnections_(maxConnections) {}

PgConnectionPool::~PgConnectionPool() = default;

PgConnectionPool::Lease::Lease(PgConnectionPool& pool, std::unique_ptr<pqxx::connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

PgConnectionPool::Lease::~Lease() {
    pool_.give_back(std::move(connection_));
}

PgConnectionPool::Lease PgConnectionPool::acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return !idle_.empty() || open_ < maxConnections_; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(connection));
    }
    ++open_;
    lock.unlock();
    try {
        return Lease(*this, std::make_unique<pqxx::connection>(connectionString_));
    } catch (...) {
        lock.lock();
        --open_;
        available_.notify_one();
        throw;
    }
}

void PgConnectionPool::give_back(std::unique_ptr<pqxx::connection> connection) {
    std::lock_guard lock(mutex_);
    if (connection && connection->is_open())
        idle_.push_back(std::move(connection));
    else
        --open_;
    available_.notify_one();
}

std::pair<std::size_t, std::size_t> PgConnectionPool::open_and_lent() {
    std::lock_guard lock(mutex_);
    return {open_, open_ - idle_.size()};
}

}  // namespace orgdesk::platform
