#include "server/if_match.hpp"

#include <charconv>
#include <string>

#include "server/problems.hpp"

namespace orgdesk::server {

core::Result<std::optional<std::int64_t>> if_match_version(const Request& request) {
    const auto it = request.find(http::field::if_match);
    if (it == request.end())
        return std::optional<std::int64_t>{};
    std::string_view value = it->value();
    while (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ')
        value.remove_suffix(1);
    if (value == "*")
        return std::optional<std::int64_t>{};
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    std::int64_t version = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
    if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || version < 0) {
        return invalid_parameter("If-Match",
                                 "must be the version number from the ETag header, such as \"3\"");
    }
    return std::optional<std::int64_t>{version};
}

std::string etag_of(std::int64_t version) {
    return "\"" + std::to_string(version) + "\"";
}

}  // namespace orgdesk::server
