#pragma once
// The one error type every layer speaks. The server maps `kind` to an HTTP status; the web app
// shows `message` (and the field messages next to their fields).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orgdesk::core {

enum class ErrorKind {
    InvalidInput,     // the request itself is wrong: malformed, wrong types, invalid fields
    Unauthenticated,  // no token, or an expired or revoked one
    Forbidden,        // the caller's role may not do this
    NotFound,         // missing, or belonging to another tenant (indistinguishable on purpose)
    Conflict,         // the object's state does not allow it now
    StaleVersion,     // If-Match named a version that is no longer current
    TooManyRequests,  // rate or lock limits
    Internal,         // a fault of ours, never the caller's
};

struct FieldError {
    std::string field;
    std::string message;
    bool operator==(const FieldError&) const = default;
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string code;     // stable machine code, e.g. "invalid-status"
    std::string message;  // for a person: what happened, what to do
    std::vector<FieldError> fields;
    // For TooManyRequests: how long to wait before trying again (Retry-After).
    std::optional<std::int64_t> retryAfterSeconds;
    // The server's name for the request that failed (a problem body's `requestId`, its
    // X-Request-Id): a person quotes it, and it leads to that request's log line.
    std::string requestId;
};

inline Error make_error(ErrorKind kind, std::string code, std::string message,
                        std::vector<FieldError> fields = {}) {
    return Error{kind, std::move(code), std::move(message), std::move(fields), std::nullopt, {}};
}

}  // namespace orgdesk::core
