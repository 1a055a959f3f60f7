#pragma once
// What must hold in an Orgdesk database file at any moment, whenever a crash hit it: SQLite finds
// it whole, every reference points at a row, the audit trail agrees with the state, and nothing
// is half done. Read straight from the file (read-only), with no server in between.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace orgdesk::server::testing {

struct DatabaseCheck {
    std::string integrity;                    // PRAGMA integrity_check: "ok" when whole
    std::vector<std::string> violations;      // each broken rule, with the rows at fault
    std::map<std::string, long long> counts;  // rows per table: organizations, orders, ...
};

// Checks the database at `path`: integrity, foreign keys, and for organizations and orders that
// the last audit event carrying a status names the current one, one creation event per row,
// at most one decision per order, subscriptions exactly for Provisioned orders (one per line)
// and subscription counts that match the subscriptions.
DatabaseCheck check_database(const std::filesystem::path& path);

// `id` → {"status", "version", "customerReference"} of every organization.
std::map<std::string, nlohmann::json> organization_states(const std::filesystem::path& path);
// `id` → {"status", "rejectionReason", "decidedById"} of every order.
std::map<std::string, nlohmann::json> order_states(const std::filesystem::path& path);
// The id in the answer recorded under (user, Idempotency-Key), or "" when none is recorded.
std::string idempotent_answer_id(const std::filesystem::path& path, const std::string& userId,
                                 const std::string& key);

}  // namespace orgdesk::server::testing
