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
    for (const auto& [column, name] : kNames) {
        if (column == sort.column)
            return (sort.descending ? "-" : "") + std::string(name);
    }
    return {};
}

std::optional<OrgSort> parse_org_sort(std::string_view text) {
    OrgSort sort;
    if (text.starts_with('-')) {
        sort.descending = true;
        text.remove_prefix(1);
    }
    for (const auto& [column, name] : kNames) {
        if (name == text) {
            sort.column = column;
            return sort;
        }
    }
    return std::nullopt;
}

}  // namespace orgdesk::app
