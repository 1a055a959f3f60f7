#include "server/json_body.hpp"
#include "core/text.hpp"

#include <string_view>

#include <boost/beast/core/string.hpp>

namespace orgdesk::server {
namespace {

// "application/json", "application/json; charset=utf-8" and "application/merge-patch+json" are
// all JSON.
bool is_json_media_type(std::string_view contentType) {
    auto type = contentType.substr(0, contentType.find(';'));
    while (!type.empty() && type.back() == ' ')
        type.remove_suffix(1);
    constexpr std::string_view kJson = "application/json";
    constexpr std::string_view kSuffix = "+json";
    return core::equal_ignoring_case(type, kJson) ||
           (type.size() > kSuffix.size() &&
            core::equal_ignoring_case(type.substr(type.size() - kSuffix.size()), kSuffix));
}

}  // namespace

std::variant<core::Json, Problem> read_json_body(const Request& request) {
    if (!is_json_media_type(request[http::field::content_type]))
        return unsupported_media_type();
    auto json = core::parse_json(request.body());
    if (!json)
        return problem_of(json.error());
    return std::move(json).value();
}

}  // namespace orgdesk::server
