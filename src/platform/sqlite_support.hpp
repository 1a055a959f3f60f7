#pragma once
// Small helpers the SQLite store's source files share.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access_policy.hpp"

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

}  // namespace orgdesk::platform
