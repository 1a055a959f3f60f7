#pragma once
// Choices remembered per user in the browser's storage (localStorage): the theme, the
// organizations' status filter, search, table sort and column widths, and the orders' status
// filter. The web front end reads the stored text once at start (PreferencesRead) and writes
// remembered_preferences() whenever it changes.
#include <map>
#include <optional>
#include <string>

#include "app/org_sort.hpp"
#include "core/order.hpp"
#include "core/organization.hpp"

namespace orgdesk::app {

// Light or dark colors, or whichever the system asks for (prefers-color-scheme).
enum class ThemeChoice { System, Light, Dark };

// Whether the screen is drawn dark, given the person's choice and the system's wish.
bool is_dark(ThemeChoice choice, bool systemPrefersDark);

struct Preferences {
    ThemeChoice theme = ThemeChoice::System;
    std::optional<core::OrgStatus> organizationStatus;
    std::string organizationSearch;
    std::optional<OrgSort> organizationSort;  // nullopt: as the server sends them, newest first
    OrgColumnWidths organizationColumns;
    std::optional<core::OrderStatus> orderStatus;  // nullopt: all
    bool hasOrderStatus = false;  // a staff member's queue starts on Pending approval otherwise

    bool operator==(const Preferences&) const = default;
};

// By username: several people may share a browser, each with their own choices.
using StoredPreferences = std::map<std::string, Preferences>;

// Reads the stored text; what cannot be read is left out (a damaged entry never stops the app).
StoredPreferences parse_preferences(std::string_view text);
std::string to_text(const StoredPreferences& stored);

}  // namespace orgdesk::app
