#pragma once
// Error answers (application/problem+json). Most come from a core::Error, whose kind decides the
// status; a few HTTP-level refusals (405, 413, 415, 431) have no core kind, so a Problem carries
// its status explicitly.
#include <cstddef>
#include <string_view>

#include "core/error.hpp"
#include "server/http_types.hpp"

namespace orgdesk::server {

struct Problem {
    http::status status = http::status::internal_server_error;
    core::Error error;
};

// The status the core's error kind maps to.
Problem problem_of(core::Error error);

StringResponse problem_response(const Problem& problem);
StringResponse problem_response(const core::Error& error);

// The server's own refusals, worded for the person who reads them.
Problem route_not_found();
Problem method_not_allowed();
Problem body_too_large(std::size_t limitBytes);
Problem headers_too_large();
Problem malformed_request();
// 400: a Transfer-Encoding other than "chunked" (RFC 9112 §6.1).
Problem unsupported_transfer_encoding();
Problem unsupported_media_type();
Problem malformed_path();
Problem path_outside_root();
Problem file_not_found();
Problem internal_error();
// 503: too many sign-ins wait for a password check already.
Problem password_checks_busy();
// 503: every connection the server allows is busy.
Problem too_many_connections();
// /metrics asked from an address it is not served to.
Problem metrics_not_served_here();
core::Error invalid_parameter(std::string_view name, std::string_view message);
core::Error sign_in_required();
core::Error session_expired();
core::Error wrong_credentials();
core::Error wrong_current_password();

}  // namespace orgdesk::server
