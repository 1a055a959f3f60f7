#pragma once
// Request bodies that must be JSON: the Content-Type must say so (else 415) and the text must
// parse (else 400).
#include <optional>
#include <variant>

#include "core/json_codecs.hpp"
#include "server/http_types.hpp"
#include "server/problems.hpp"

namespace orgdesk::server {

std::variant<core::Json, Problem> read_json_body(const Request& request);

// For routes whose body is optional and not read yet: no body is fine, but a body that is
// there must still be well-formed JSON, so a client's mistake is caught now, not when the route
// starts to read it.
std::optional<Problem> check_optional_json_body(const Request& request);

}  // namespace orgdesk::server
