#pragma once
// One log line per answered request: method, path, status, duration. The query string is left
// out (it can hold what a person searched for, or a token pasted there), and so is every header
// (they hold tokens). A path segment shaped like a session token is written as "<token>", so a
// token put in a URL by mistake does not reach the log either.
#include <chrono>
#include <string>
#include <string_view>

namespace orgdesk::server {

// The path of `target` as it may be logged: no query string, no token.
std::string loggable_path(std::string_view target);

void log_request(std::string_view method, std::string_view target, unsigned status,
                 std::chrono::steady_clock::duration elapsed);

}  // namespace orgdesk::server
