#pragma once
// SQL fragments the SQLite and PostgreSQL stores share. Each takes the placeholder(s) to write:
// "?" for SQLite, "$n" for PostgreSQL.
#include <string>

#include "core/access_policy.hpp"

namespace orgdesk::platform {

// The WHERE condition that limits rows of `table` to one tenant (bind scope.id to it).
// `customerColumn` names the customer organization's id in that table ("id" for organizations
// themselves, "customer_id" for orders).
inline std::string scope_condition(const core::TenantScope& scope, const std::string& table,
                                   const std::string& customerColumn,
                                   const std::string& placeholder = "?") {
    switch (scope.level) {
        case core::TenantLevel::Distributor:
            return table + ".distributor_id = " + placeholder;
        case core::TenantLevel::Seller:
            return table + ".seller_id = " + placeholder;
        case core::TenantLevel::Customer:
            break;
    }
    return table + "." + customerColumn + " = " + placeholder;
}

// The SQL that continues a list newest first after a cursor (rows of `table` older than the
// cursor's, or as old with a smaller id): bind the cursor's time to the first two placeholders
// and its id to the third.
inline std::string after_cursor_condition(const std::string& table, const std::string& at1 = "?",
                                          const std::string& at2 = "?",
                                          const std::string& id = "?") {
    return " AND (" + table + ".created_at < " + at1 + " OR (" + table + ".created_at = " + at2 +
           " AND " + table + ".id < " + id + "))";
}

}  // namespace orgdesk::platform
