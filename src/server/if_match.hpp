#pragma once
// The If-Match header of a state change: the organization version the caller last saw.
#include <cstdint>
#include <optional>

#include "core/result.hpp"
#include "server/http_types.hpp"

namespace orgdesk::server {

// nullopt when absent or "*" (any version); the version for "7" or "\"7\"" (the form our ETag
// header uses); InvalidInput for anything else.
core::Result<std::optional<std::int64_t>> if_match_version(const Request& request);

// The ETag value for a version: "\"7\"".
std::string etag_of(std::int64_t version);

}  // namespace orgdesk::server
