#include "server/problems.hpp"

#include <string>

#include "core/json_codecs.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

using core::ErrorKind;
using core::make_error;

Problem http_problem(http::status status, std::string code, std::string message) {
    // InvalidInput is the nearest core kind: the caller's request is at fault, not the server.
    return {status, make_error(ErrorKind::InvalidInput, std::move(code), std::move(message))};
}

}  // namespace

Problem problem_of(core::Error error) {
    const auto status = static_cast<http::status>(core::http_status_of(error.kind));
    return {status, std::move(error)};
}

StringResponse problem_response(const Problem& problem) {
    auto body = core::problem_to_json(problem.error);
    body["status"] = static_cast<int>(problem.status);  // the core only knows its own kinds
    auto response = json_response(problem.status, body, kProblemJsonType);
    if (problem.error.retryAfterSeconds)
        response.set(http::field::retry_after, std::to_string(*problem.error.retryAfterSeconds));
    return response;
}

StringResponse problem_response(const core::Error& error) {
    return problem_response(problem_of(error));
}

Problem route_not_found() {
    return problem_of(make_error(ErrorKind::NotFound, "route-not-found",
                                 "There is no such API address. Check the path and the "
                                 "API version (/api/v1/...)."));
}

Problem method_not_allowed() {
    return http_problem(http::status::method_not_allowed, "method-not-allowed",
                        "This address does not accept that method. The Allow header lists "
                        "the ones it does.");
}

Problem body_too_large(std::size_t limitBytes) {
    return http_problem(http::status::payload_too_large, "body-too-large",
                        "The request body is larger than the " + std::to_string(limitBytes) +
                            " bytes this server accepts.");
}

Problem headers_too_large() {
    return http_problem(http::status::request_header_fields_too_large, "headers-too-large",
                        "The request headers are larger than this server accepts.");
}

Problem malformed_request() {
    return http_problem(http::status::bad_request, "malformed-request",
                        "The request is not valid HTTP.");
}

Problem unsupported_transfer_encoding() {
    return http_problem(http::status::bad_request, "unsupported-transfer-encoding",
                        "The request's Transfer-Encoding is not supported. Send the body with "
                        "Content-Length, or with Transfer-Encoding: chunked and nothing else.");
}

Problem unsupported_media_type() {
    return http_problem(http::status::unsupported_media_type, "unsupported-media-type",
                        "Send the request body as JSON, with Content-Type: application/json.");
}

Problem malformed_path() {
    return http_problem(http::status::bad_request, "malformed-path",
                        "The path has a malformed %-escape.");
}

Problem path_outside_root() {
    return http_problem(http::status::bad_request, "path-outside-root",
                        "The path is not valid: it must not leave the web root.");
}

Problem file_not_found() {
    return problem_of(make_error(ErrorKind::NotFound, "file-not-found", "There is no such page."));
}

Problem internal_error() {
    return problem_of(make_error(ErrorKind::Internal, "internal-error",
                                 "Something went wrong on our side. Try again in a moment."));
}

Problem password_checks_busy() {
    auto error = make_error(ErrorKind::TooManyRequests, "sign-in-busy",
                            "Too many people are signing in right now. Try again in a few "
                            "seconds.");
    error.retryAfterSeconds = 2;
    return {http::status::service_unavailable, std::move(error)};
}

Problem too_many_connections() {
    auto error = make_error(ErrorKind::TooManyRequests, "server-busy",
                            "The server is busy with too many connections. Try again in a "
                            "moment.");
    error.retryAfterSeconds = 1;
    return {http::status::service_unavailable, std::move(error)};
}

core::Error invalid_parameter(std::string_view name, std::string_view message) {
    return make_error(ErrorKind::InvalidInput, "invalid-parameter",
                      "Check " + std::string(name) + ": it " + std::string(message) + ".",
                      {{std::string(name), std::string(message)}});
}

core::Error sign_in_required() {
    return make_error(ErrorKind::Unauthenticated, "sign-in-required", "Sign in to continue.");
}

core::Error session_expired() {
    return make_error(ErrorKind::Unauthenticated, "session-expired",
                      "Your session has expired. Sign in again.");
}

core::Error wrong_current_password() {
    return make_error(ErrorKind::InvalidInput, "wrong-current-password",
                      "The current password is not correct.",
                      {{"currentPassword", "is not correct"}});
}

core::Error wrong_credentials() {
    return make_error(ErrorKind::Unauthenticated, "wrong-credentials",
                      "The username or password is not correct.");
}

Problem metrics_not_served_here() {
    return http_problem(http::status::forbidden, "metrics-loopback-only",
                        "Metrics are served only to this machine (loopback). Scrape from here, "
                        "or start the server with --metrics-address (a port of their own) or "
                        "--metrics-public.");
}

}  // namespace orgdesk::server
