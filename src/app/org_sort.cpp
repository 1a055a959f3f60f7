#include "app/org_sort.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace orgdesk::app {
namespace {

constexpr std::array<std::pair<OrgSortColumn, std::string_view>, 4> kNames{{
    {OrgSortColumn::Name, "name"},
    {OrgSortColumn::Status, "status"},
    {OrgSortColumn::Segment, "segment"},
    {OrgSortColumn::Created, "created"},
}};

}  // namespace

std::string_view column_name(OrgSortColumn column) {
    for (const auto& [which, name] : kNames) {
        if (which == column)
            return name;
    }
    return {};
}

std::optional<OrgSortColumn> parse_column_name(std::string_view text) {
    for (const auto& [column, name] : kNames) {
        if (name == text)
            return column;
    }
    return std::nullopt;
}

bool is_column_width(float width) {
    // Written as a range test so NaN fails it too.
    return width >= 8.0F && width <= 10000.0F;
}

void sort_organizations(std::vector<core::CustomerView>& rows, const OrgSort& sort) {
    const auto key = [&sort](const core::CustomerView& row) {
        const core::Organization& org = row.org;
        switch (sort.column) {
            case OrgSortColumn::Name:
                return std::tuple(std::string_view(org.name), std::int64_t{0});
            case OrgSortColumn::Status:
                return std::tuple(core::to_string(org.status), std::int64_t{0});
            case OrgSortColumn::Segment:
                return std::tuple(std::string_view(org.segment), std::int64_t{0});
            case OrgSortColumn::Created:
                break;
        }
        return std::tuple(std::string_view(), org.createdAtMs);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        return sort.descending ? key(b) < key(a) : key(a) < key(b);
    });
}

std::string to_text(const OrgSort& sort) {
    return (sort.descending ? "-" : "") + std::string(column_name(sort.column));
}

std::optional<OrgSort> parse_org_sort(std::string_view text) {
    OrgSort sort;
    if (text.starts_with('-')) {
        sort.descending = true;
        text.remove_prefix(1);
    }
    const auto column = parse_column_name(text);
    if (!column)
        return std::nullopt;
    sort.column = *column;
    return sort;
}

}  // namespace orgdesk::app
