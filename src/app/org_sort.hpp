#pragma once
// The organizations table's sort, chosen by clicking a column header: it orders the rows already
// loaded (the server sends the newest first; the next page joins them in the same order).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_codecs.hpp"

namespace orgdesk::app {

// In the table's column order.
enum class OrgSortColumn { Name, Status, Segment, Created };

struct OrgSort {
    OrgSortColumn column = OrgSortColumn::Name;
    bool descending = false;

    bool operator==(const OrgSort&) const = default;
};

// As kept in the preferences: "name", "status", "segment", "created"; nullopt when unknown.
std::string_view column_name(OrgSortColumn column);
std::optional<OrgSortColumn> parse_column_name(std::string_view text);

// The table's column widths as the person last dragged them, in CSS pixels; a column not listed
// keeps its default width.
using OrgColumnWidths = std::map<OrgSortColumn, float>;
// A width a column can take: a number of pixels neither absurdly small nor large.
bool is_column_width(float width);

// Stable: rows that tie keep the server's order.
void sort_organizations(std::vector<core::CustomerView>& rows, const OrgSort& sort);

// As kept in the preferences: "name", "-created" (descending), ...; nullopt when unknown.
std::string to_text(const OrgSort& sort);
std::optional<OrgSort> parse_org_sort(std::string_view text);

}  // namespace orgdesk::app
