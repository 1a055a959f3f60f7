#pragma once
// Small helpers the SQLite store's source files share.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>
#include <string>
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
    page.items.reserve(static_cast<std::size_t>(limit) + 1);  // rows are moved once, not regrown
    while (q.executeStep())
        page.items.push_back(read(q));
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = core::ListCursor{page.items.back().createdAtMs, page.items.back().id};
    }
    return page;
}

}  // namespace orgdesk::platform
