#pragma once
// Small helpers the PostgreSQL store's source files share.
#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/list_cursor.hpp"
#include "platform/pg_connection_pool.hpp"
#include "platform/store_codecs.hpp"
#include "platform/store_sql.hpp"

namespace orgdesk::platform {

// The parameters of one statement, numbered as they are added: `add` returns the placeholder
// ("$1", "$2", ...) to write into the SQL. An empty optional is SQL NULL.
class PgParams {
  public:
    std::string add(std::optional<std::string> value) {
        values_.push_back(std::move(value));
        return "$" + std::to_string(values_.size());
    }
    std::string add(const char* value) { return add(std::optional<std::string>(value)); }
    std::string add(std::int64_t value) { return add(std::to_string(value)); }
    std::string add(int value) { return add(std::to_string(value)); }

    pqxx::result exec(pqxx::transaction_base& tx, const std::string& sql) const {
        std::vector<const char*> raw;
        raw.reserve(values_.size());
        for (const auto& v : values_)
            raw.push_back(v ? v->c_str() : nullptr);
        return tx.exec_params(sql, pqxx::prepare::make_dynamic_params(raw));
    }

  private:
    std::vector<std::optional<std::string>> values_;
};

inline std::string text_of(const pqxx::field& field) {
    return field.is_null() ? std::string() : field.as<std::string>();
}

// The SQL that continues a list newest first after `after`, its parameters added to `p`.
inline std::string pg_after_cursor(const std::string& table,
                                   const std::optional<core::ListCursor>& after, PgParams& p) {
    if (!after)
        return {};
    const auto at1 = p.add(std::int64_t{after->createdAtMs});
    const auto at2 = p.add(std::int64_t{after->createdAtMs});
    return after_cursor_condition(table, at1, at2, p.add(after->id));
}

// Rows of (status text, count) read into a map by `parse` (core::parse_org_status, ...); a status
// the code does not know is left out.
template <class Parse>
auto pg_status_counts(pqxx::transaction_base& tx, const PgParams& p, const std::string& sql,
                      Parse parse) {
    std::map<typename decltype(parse(std::string()))::value_type, int> counts;
    for (const auto& r : p.exec(tx, sql)) {
        if (const auto status = parse(r[0].as<std::string>()))
            counts[*status] = r[1].as<int>();
    }
    return counts;
}

template <class Row>
struct PgPage {
    std::vector<Row> items;
    std::optional<core::ListCursor> next;
};

// Runs a list query (its SQL ending before LIMIT) for one page and tells whether there is a
// next page: one row more than the page is asked for.
template <class Row, class Read>
PgPage<Row> read_pg_page(pqxx::transaction_base& tx, std::string sql, PgParams& p, int limit,
                         Read read) {
    limit = std::max(1, limit);
    sql += " LIMIT " + p.add(limit + 1);
    PgPage<Row> page;
    for (const auto& row : p.exec(tx, sql))
        page.items.push_back(read(row));
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = core::ListCursor{page.items.back().createdAtMs, page.items.back().id};
    }
    return page;
}

// One READ COMMITTED transaction; committed at the end unless roll_back() was called.
class PgWork {
  public:
    explicit PgWork(pqxx::connection& connection) : tx_(connection) {}
    operator pqxx::transaction_base&() { return tx_; }

    pqxx::result exec(const std::string& sql) { return tx_.exec(sql); }
    template <class... Args>
    pqxx::result exec_params(const std::string& sql, Args&&... args) {
        return tx_.exec_params(sql, std::forward<Args>(args)...);
    }

    // Nothing this transaction wrote is kept (like SQLite's rollback on an unmet condition).
    void roll_back() { rolledBack_ = true; }
    bool rolled_back() const { return rolledBack_; }
    void commit() { tx_.commit(); }

  private:
    pqxx::work tx_;
    bool rolledBack_ = false;
};

// Runs `body(PgWork&)` in one transaction on a pooled connection and returns what it returns.
// Rows are locked in one order everywhere (customer organization, then its orders and
// subscriptions), but should PostgreSQL still report a deadlock or a serialization failure, the
// whole body runs again: nothing of the failed attempt was kept.
template <class Body>
auto run_pg_transaction(PgConnectionPool& pool, Body&& body) {
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        auto lease = pool.acquire();
        try {
            PgWork tx(*lease);
            auto result = body(tx);
            if (!tx.rolled_back())
                tx.commit();
            return result;
        } catch (const pqxx::transaction_rollback&) {
            if (attempt == kAttempts)
                throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(attempt * 5));
    }
}

}  // namespace orgdesk::platform
