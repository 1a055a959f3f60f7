#pragma once
// The opaque cursor of a paginated customer list. Lists are ordered newest first (created time
// descending, then id), and a cursor names the last item of the previous page.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgdesk::core {

struct ListCursor {
    std::int64_t createdAtMs = 0;
    std::string id;
    bool operator==(const ListCursor&) const = default;
};

std::string encode_cursor(const ListCursor& cursor);
// nullopt for anything that is not a cursor this code made.
std::optional<ListCursor> decode_cursor(std::string_view text);

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;

}  // namespace orgdesk::core
