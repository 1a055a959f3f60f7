#include "core/list_cursor.hpp"

#include <algorithm>
#include <charconv>

namespace orgdesk::core {
namespace {
constexpr std::string_view kPrefix = "c1.";
constexpr std::size_t kMaxIdLength = 64;

bool is_id_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
}  // namespace

std::string encode_cursor(const ListCursor& cursor) {
    return std::string(kPrefix) + std::to_string(cursor.createdAtMs) + "." + cursor.id;
}

std::optional<ListCursor> decode_cursor(std::string_view text) {
    if (text.substr(0, kPrefix.size()) != kPrefix)
        return std::nullopt;
    text.remove_prefix(kPrefix.size());
    const auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0)
        return std::nullopt;
    ListCursor cursor;
    const auto digits = text.substr(0, dot);
    const auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), cursor.createdAtMs);
    if (ec != std::errc{} || end != digits.data() + digits.size() || cursor.createdAtMs < 0) {
        return std::nullopt;
    }
    const auto id = text.substr(dot + 1);
    if (id.empty() || id.size() > kMaxIdLength || !std::all_of(id.begin(), id.end(), is_id_char)) {
        return std::nullopt;
    }
    cursor.id = std::string(id);
    return cursor;
}

}  // namespace orgdesk::core
