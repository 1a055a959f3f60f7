#pragma once
// Building the answers handlers return. Version, keep-alive and the security headers are set
// later, in one place (HttpApplication), for every answer alike.
#include <string>
#include <string_view>

#include "core/json_codecs.hpp"
#include "server/http_types.hpp"

namespace orgdesk::server {

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kProblemJsonType = "application/problem+json";

StringResponse json_response(http::status status, const core::Json& body,
                             std::string_view contentType = kJsonType);
// A body written as JSON text already (core::to_json_text).
StringResponse json_response(http::status status, std::string body);
StringResponse no_content();

}  // namespace orgdesk::server
