#pragma once
// Small helpers the SQLite store's source files share.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access_policy.hpp"
#include "core/list_cursor.hpp"

namespace orgdesk::platform {

inline std::string to_json_array(const std::vector<std::string>& items) {
    return nlohmann::json(items).dump();
}

inline std::vector<std::string> from_json_array(const std::string& text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (!json.is_array())
        return out;
    for (const auto& item : json) {
        if (item.is_string())
            out.push_back(item.get<std::string>());
    }
    return out;
}

inline std::string text_of(const SQLite::Column& column) {
    return column.isNull() ? std::string() : column.getString();
}

// The WHERE condition that limits rows of `table` to one tenant (bind scope.id to it).
// `customerColumn` names the customer organization's id in that table ("id" for organizations
// themselves, "customer_id" for orders).
inline std::string scope_condition(const core::TenantScope& scope, const std::string& table,
                                   const std::string& customerColumn) {
    switch (scope.level) {
        case core::TenantLevel::Distributor:
            return table + ".distributor_id = ?";
        case core::TenantLevel::Seller:
            return table + ".seller_id = ?";
        case core::TenantLevel::Customer:
            break;
    }
    return table + "." + customerColumn + " = ?";
}

// The SQL that continues a list newest first after `after` (rows of `table` older than the
// cursor's, or as old with a smaller id); bind it with bind_page.
inline std::string after_cursor_condition(const std::string& table) {
    return " AND (" + table + ".created_at < ? OR (" + table + ".created_at = ? AND " + table +
           ".id < ?))";
}

template <class Row>
struct PageRows {
    std::vector<Row> items;
    std::optional<core::ListCursor> next;
};

// Binds the cursor (if any, from parameter `c`) and the page size, reads the rows with `read`
// and tells whether there is a next page: one row more than the page is asked for.
template <class Row, class Read>
PageRows<Row> read_page(SQLite::Statement& q, int c, const std::optional<core::ListCursor>& after,
                        int limit, Read read) {
    if (after) {
        q.bind(c++, static_cast<std::int64_t>(after->createdAtMs));
        q.bind(c++, static_cast<std::int64_t>(after->createdAtMs));
        q.bind(c++, after->id);
    }
    limit = std::max(1, limit);
    q.bind(c++, limit + 1);
    PageRows<Row> page;
    while (q.executeStep())
        page.items.push_back(read(q));
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = core::ListCursor{page.items.back().createdAtMs, page.items.back().id};
    }
    return page;
}

}  // namespace orgdesk::platform
