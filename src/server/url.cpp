#include "server/url.hpp"

namespace orgdesk::server {
namespace {

// Calls `each` with every piece of `text` between separators, the last one included.
template <class Each>
void for_each_piece(std::string_view text, char separator, Each each) {
    while (true) {
        const auto end = text.find(separator);
        each(text.substr(0, end));
        if (end == std::string_view::npos)
            return;
        text.remove_prefix(end + 1);
    }
}

}  // namespace

Target split_target(std::string_view target) {
    const auto mark = target.find('?');
    if (mark == std::string_view::npos)
        return {target, {}};
    return {target.substr(0, mark), target.substr(mark + 1)};
}

std::optional<std::vector<std::string>> decode_path_segments(std::string_view path) {
    if (!path.empty() && path.front() == '/')
        path.remove_prefix(1);
    std::vector<std::string> segments;
    bool valid = true;
    for_each_piece(path, '/', [&](std::string_view piece) {
        auto decoded = percent_decode(piece);
        if (!decoded)
            valid = false;
        if (valid)
            segments.push_back(std::move(*decoded));
    });
    if (!valid)
        return std::nullopt;
    return segments;
}

std::optional<QueryParams> parse_query(std::string_view query) {
    QueryParams params;
    bool valid = true;
    for_each_piece(query, '&', [&](std::string_view pair) {
        if (pair.empty() || !valid)
            return;
        const auto equals = pair.find('=');
        auto name = percent_decode(pair.substr(0, equals), true);
        auto value = percent_decode(
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
        if (!name || !value) {
            valid = false;
            return;
        }
        params.emplace(std::move(*name), std::move(*value));  // emplace keeps the first
    });
    if (!valid)
        return std::nullopt;
    return params;
}

}  // namespace orgdesk::server
