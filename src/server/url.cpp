#include "server/url.hpp"

namespace orgdesk::server {

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
    for (const auto piece : core::split_pieces(path, '/')) {
        auto decoded = percent_decode(piece);
        if (!decoded)
            return std::nullopt;
        segments.push_back(std::move(*decoded));
    }
    return segments;
}

std::optional<QueryParams> parse_query(std::string_view query) {
    QueryParams params;
    for (const auto pair : core::split_pieces(query, '&')) {
        if (pair.empty())
            continue;
        const auto equals = pair.find('=');
        auto name = percent_decode(pair.substr(0, equals), true);
        auto value = percent_decode(
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
        if (!name || !value)
            return std::nullopt;
        params.emplace(std::move(*name), std::move(*value));  // emplace keeps the first
    }
    return params;
}

}  // namespace orgdesk::server
