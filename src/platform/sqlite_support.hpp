#pragma once
// Small helpers the SQLite store's source files share.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/list_cursor.hpp"
#include "platform/store_codecs.hpp"
#include "platform/store_sql.hpp"

namespace orgdesk::platform {

inline std::string text_of(const SQLite::Column& column) {
    return column.isNull() ? std::string() : column.getString();
}

template <class Row>
struct PageRows {
    std::vector<Row> items;
    std::optional<core::ListCursor> next;
};

// How a page's rows come out of its query: already in the list's order, or in any order to be
// sorted newest first here (cheaper than SQLite's sort when the rows are whole records: its
// sorter copies each one).
enum class RowOrder { AsQueried, SortNewestFirst };

// The rows newest first, ties by id, as every list and its cursor are ordered. An order of
// indexes is sorted and each row is moved once: a row is a whole record, costly to swap.
template <class Row>
std::vector<Row> sorted_newest_first(std::vector<Row> rows) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&rows](std::size_t a, std::size_t b) {
        return std::tie(rows[b].createdAtMs, rows[b].id) <
               std::tie(rows[a].createdAtMs, rows[a].id);
    });
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (const std::size_t i : order)
        sorted.push_back(std::move(rows[i]));
    return sorted;
}

// Binds the cursor (if any, from parameter `c`) and the page size, reads the rows with `read`
// and tells whether there is a next page: one row more than the page is asked for.
template <class Row, class Read>
PageRows<Row> read_page(SQLite::Statement& q, int c, const std::optional<core::ListCursor>& after,
                        int limit, Read read, RowOrder order = RowOrder::AsQueried) {
    if (after) {
        q.bind(c++, static_cast<std::int64_t>(after->createdAtMs));
        q.bind(c++, static_cast<std::int64_t>(after->createdAtMs));
        q.bind(c++, after->id);
    }
    limit = std::max(1, limit);
    q.bind(c++, limit + 1);
    PageRows<Row> page;
    page.items.reserve(static_cast<std::size_t>(limit) + 1);  // rows are moved once, not regrown
    while (q.executeStep())
        page.items.push_back(read(q));
    if (order == RowOrder::SortNewestFirst)
        page.items = sorted_newest_first(std::move(page.items));
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = core::ListCursor{page.items.back().createdAtMs, page.items.back().id};
    }
    return page;
}

}  // namespace orgdesk::platform
