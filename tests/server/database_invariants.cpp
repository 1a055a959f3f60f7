#include "server/database_invariants.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

namespace orgdesk::server::testing {
namespace {

// Each rule is a query for the rows that break it: none is the answer when the rule holds.
struct Rule {
    std::string what;
    std::string sql;
};

// The status named by the newest audit event about `entity` that carries one.
std::string audited_status(const std::string& entity) {
    return "(SELECT json_extract(a.after, '$.status') FROM audit_events a WHERE a.entity_id = " +
           entity +
           " AND json_valid(a.after) AND json_extract(a.after, '$.status') IS NOT NULL "
           "ORDER BY a.seq DESC LIMIT 1)";
}

// The rows of `table` whose status is not the one their audit trail ends with.
std::string status_not_audited(const std::string& table) {
    return "SELECT id || ': ' || status || ' vs audited ' || ifnull(audited, 'nothing') FROM "
           "(SELECT id, status, " +
           audited_status("t.id") + " AS audited FROM " + table + " t) WHERE audited IS NOT status";
}

const std::vector<Rule>& rules() {
    static const std::vector<Rule> all = {
        {"an organization's status differs from its audit trail's last status",
         status_not_audited("organizations")},
        {"an order's status differs from its audit trail's last status",
         status_not_audited("orders")},
        {"an organization without exactly one creation event",
         "SELECT o.id || ': ' || count(a.seq) FROM organizations o LEFT JOIN audit_events a ON "
         "a.entity_id = o.id AND a.action = 'create' GROUP BY o.id HAVING count(a.seq) <> 1"},
        {"an order without exactly one placing event",
         "SELECT r.id || ': ' || count(a.seq) FROM orders r LEFT JOIN audit_events a ON "
         "a.entity_id = r.id AND a.action = 'place' GROUP BY r.id HAVING count(a.seq) <> 1"},
        {"an audit event about an organization or order that is not there",
         "SELECT a.seq || ' ' || a.action || ' ' || a.entity_id FROM audit_events a WHERE "
         "(a.entity_type = 'organization' AND a.entity_id NOT IN (SELECT id FROM organizations))"
         " OR (a.entity_type = 'order' AND a.entity_id NOT IN (SELECT id FROM orders))"},
        {"an order decided more than once",
         "SELECT entity_id || ': ' || count(*) FROM audit_events WHERE entity_type = 'order' AND "
         "json_valid(after) AND json_extract(after, '$.status') IN ('Approved', 'Rejected') "
         "GROUP BY entity_id HAVING count(*) > 1"},
        {"a decided order without who decided",
         "SELECT id || ': ' || status FROM orders WHERE status NOT IN ('PendingApproval') AND "
         "decided_by_id = ''"},
        {"a Provisioned order without one subscription per line, or another with subscriptions",
         "SELECT r.id || ' ' || r.status || ': ' || json_array_length(r.lines) || ' lines, ' || "
         "(SELECT count(*) FROM subscriptions s WHERE s.order_id = r.id) || ' subscriptions' "
         "FROM orders r WHERE (SELECT count(*) FROM subscriptions s WHERE s.order_id = r.id) <> "
         "CASE WHEN r.status = 'Provisioned' THEN json_array_length(r.lines) ELSE 0 END"},
        {"an organization whose subscription count differs from its subscriptions",
         "SELECT o.id || ': ' || o.subscription_count FROM organizations o WHERE "
         "o.subscription_count <> (SELECT count(*) FROM subscriptions s WHERE s.customer_id = o.id "
         "AND s.status <> 'Cancelled')"},
        {"an answer kept under an Idempotency-Key for something that is not there",
         "SELECT k.key || ' -> ' || json_extract(k.body, '$.id') FROM idempotency_keys k WHERE "
         "k.status BETWEEN 200 AND 299 AND json_valid(k.body) AND json_extract(k.body, '$.id') NOT "
         "IN (SELECT id FROM organizations UNION ALL SELECT id FROM orders)"},
    };
    return all;
}

SQLite::Database open_read_only(const std::filesystem::path& path) {
    return SQLite::Database(path.string(), SQLite::OPEN_READONLY, /*busyTimeoutMs=*/5000);
}

std::vector<std::string> column_values(SQLite::Database& db, const std::string& sql) {
    std::vector<std::string> values;
    SQLite::Statement q(db, sql);
    while (q.executeStep())
        values.push_back(q.getColumn(0).isNull() ? "NULL" : q.getColumn(0).getString());
    return values;
}

// The first column of each row `sql` selects → the others, named by `names`.
std::map<std::string, nlohmann::json> rows_by_id(const std::filesystem::path& path,
                                                 const std::string& sql,
                                                 const std::vector<std::string>& names) {
    auto db = open_read_only(path);
    SQLite::Statement q(db, sql);
    std::map<std::string, nlohmann::json> rows;
    while (q.executeStep()) {
        auto& row = rows[q.getColumn(0).getString()];
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            const auto column = q.getColumn(i + 1);
            if (column.isInteger())
                row[names[static_cast<std::size_t>(i)]] = column.getInt64();
            else
                row[names[static_cast<std::size_t>(i)]] = column.getString();
        }
    }
    return rows;
}

}  // namespace

DatabaseCheck check_database(const std::filesystem::path& path) {
    auto db = open_read_only(path);
    DatabaseCheck check;
    for (const auto& line : column_values(db, "PRAGMA integrity_check"))
        check.integrity += (check.integrity.empty() ? "" : "; ") + line;
    for (const auto& row : column_values(db, "SELECT \"table\" FROM pragma_foreign_key_check"))
        check.violations.push_back("a row of " + row + " refers to a row that is not there");
    for (const auto& rule : rules()) {
        for (const auto& row : column_values(db, rule.sql))
            check.violations.push_back(rule.what + ": " + row);
    }
    for (const char* table : {"organizations", "orders", "subscriptions", "audit_events"})
        check.counts[table] =
            db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
    return check;
}

std::map<std::string, nlohmann::json> organization_states(const std::filesystem::path& path) {
    return rows_by_id(path, "SELECT id, status, version, customer_reference FROM organizations",
                      {"status", "version", "customerReference"});
}

std::map<std::string, nlohmann::json> order_states(const std::filesystem::path& path) {
    return rows_by_id(path, "SELECT id, status, rejection_reason, decided_by_id FROM orders",
                      {"status", "rejectionReason", "decidedById"});
}

std::string idempotent_answer_id(const std::filesystem::path& path, const std::string& userId,
                                 const std::string& key) {
    auto db = open_read_only(path);
    SQLite::Statement q(db,
                        "SELECT json_extract(body, '$.id') FROM idempotency_keys WHERE user_id = ? "
                        "AND key = ?");
    q.bind(1, userId);
    q.bind(2, key);
    if (!q.executeStep() || q.getColumn(0).isNull())
        return {};
    return q.getColumn(0).getString();
}

}  // namespace orgdesk::server::testing
