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
        if (p.hasOrderStatus)
            entry["orderStatus"] =
                p.orderStatus ? std::string(core::to_string(*p.orderStatus)) : "";
        json[user] = std::move(entry);
    }
    return json.dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

}  // namespace orgdesk::app
