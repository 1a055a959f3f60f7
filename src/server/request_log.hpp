#pragma once
// One log line per answered request: method, path, status, duration. The query string is left
// out (it can hold what a person searched for, or a token pasted there), and so is every header
// (they hold tokens). A path segment shaped like a session token is written as "<token>", so a
// token put in a URL by mistake does not reach the log either.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <spdlog/logger.h>

namespace orgdesk::server {

// The path of `target` as it may be logged: no query string, no token.
std::string loggable_path(std::string_view target);

// What the line of one answered request says. The route and the caller are known only once the
// request was routed and signed in (empty otherwise), and are gathered only for the JSON log.
struct RequestLogEntry {
    std::string_view method;
    std::string_view target;
    unsigned status = 0;
    std::chrono::steady_clock::duration elapsed{};
    std::string_view requestId;
    std::string_view route;  // the matched pattern, e.g. /api/v1/customers/{customerId}
    std::string_view userId;
    std::string_view tenantId;
};

// Text (the default): "GET /api/v1/orders 200 1.2 ms req=<id>", the request id last, as the
// answer carried it. JSON: the members "requestId", "method", "route", "status", "durationMs",
// "userId" and "tenantId" (null when unknown), to the logger given below. Never the path's
// query, a header or a body.
void log_request(const RequestLogEntry& entry);

// --log-format json: from now on request lines go to `logger` as JSON members (its formatter
// is a JsonLogFormatter that writes them as they are). Call before serving.
void send_request_log_as_json(std::shared_ptr<spdlog::logger> logger);
bool request_log_is_json();

}  // namespace orgdesk::server
