#pragma once
// Request targets: splitting off the query, percent-decoding, and reading query parameters.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/url_parts.hpp"

namespace orgdesk::server {

struct Target {
    std::string_view path;   // still percent-encoded
    std::string_view query;  // without the '?'
};

Target split_target(std::string_view target);

using core::percent_decode;

// The segments between slashes, each decoded on its own, so an encoded slash stays inside its
// segment. Empty segments are kept ("/a//b" has three). nullopt when any segment is malformed.
std::optional<std::vector<std::string>> decode_path_segments(std::string_view path);

// The first value of each name wins. nullopt when any part is malformed.
using QueryParams = std::map<std::string, std::string, std::less<>>;
std::optional<QueryParams> parse_query(std::string_view query);

}  // namespace orgdesk::server
