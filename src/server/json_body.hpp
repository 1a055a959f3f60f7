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

}  // namespace orgdesk::server
