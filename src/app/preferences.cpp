#include "app/preferences.hpp"

#include "core/json_codecs.hpp"

namespace orgdesk::app {

bool is_dark(ThemeChoice choice, bool systemPrefersDark) {
    switch (choice) {
        case ThemeChoice::Light:
            return false;
        case ThemeChoice::Dark:
            return true;
        case ThemeChoice::System:
            break;
    }
    return systemPrefersDark;
}

namespace {

// {"name": 420, "status": 110}: unknown columns and widths out of range are left out.
OrgColumnWidths parse_column_widths(const core::Json& entry) {
    OrgColumnWidths widths;
    const auto columns = entry.find("organizationColumns");
    if (columns == entry.end() || !columns->is_object())
        return widths;
    for (const auto& item : columns->items()) {
        const auto column = parse_column_name(item.key());
        if (!column || !item.value().is_number())
            continue;
        const auto width = item.value().get<float>();
        if (is_column_width(width))
            widths[*column] = width;
    }
    return widths;
}

}  // namespace

StoredPreferences parse_preferences(std::string_view text) {
    StoredPreferences stored;
    const auto json = core::parse_json(text);
    if (!json || !json->is_object())
        return stored;
    for (const auto& item : json->items()) {
        // Not a structured binding: clang 14 (Emscripten) cannot capture one in a lambda.
        const core::Json& entry = item.value();
        if (!entry.is_object())
            continue;
        Preferences p;
        const auto text_of = [&entry](const char* key) {
            const auto value = entry.find(key);
            return value != entry.end() && value->is_string() ? value->get<std::string>()
                                                              : std::string();
        };
        const std::string theme = text_of("theme");
        p.theme = theme == "light"  ? ThemeChoice::Light
                  : theme == "dark" ? ThemeChoice::Dark
                                    : ThemeChoice::System;
        p.organizationStatus = core::parse_org_status(text_of("organizationStatus"));
        p.organizationSearch = text_of("organizationSearch");
        p.organizationSort = parse_org_sort(text_of("organizationSort"));
        p.organizationColumns = parse_column_widths(entry);
        if (entry.contains("orderStatus")) {
            p.hasOrderStatus = true;
            p.orderStatus = core::parse_order_status(text_of("orderStatus"));
        }
        stored[item.key()] = std::move(p);
    }
    return stored;
}

std::string to_text(const StoredPreferences& stored) {
    core::Json json = core::Json::object();
    for (const auto& [user, p] : stored) {
        core::Json entry = core::Json::object();
        if (p.theme != ThemeChoice::System)
            entry["theme"] = p.theme == ThemeChoice::Dark ? "dark" : "light";
        if (p.organizationStatus)
            entry["organizationStatus"] = core::to_string(*p.organizationStatus);
        if (!p.organizationSearch.empty())
            entry["organizationSearch"] = p.organizationSearch;
        if (p.organizationSort)
            entry["organizationSort"] = to_text(*p.organizationSort);
        if (!p.organizationColumns.empty()) {
            core::Json columns = core::Json::object();
            for (const auto& [column, width] : p.organizationColumns)
                columns[std::string(column_name(column))] = width;
            entry["organizationColumns"] = std::move(columns);
        }
        if (p.hasOrderStatus)
            entry["orderStatus"] =
                p.orderStatus ? std::string(core::to_string(*p.orderStatus)) : "";
        json[user] = std::move(entry);
    }
    return json.dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

}  // namespace orgdesk::app
