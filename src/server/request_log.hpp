#pragma once
// One log line per answered request: method, path, status, duration. The query string is left
// out (it can hold what a person searched for), and so is every header (they hold tokens).
#include <chrono>
#include <string_view>

namespace orgdesk::server {

void log_request(std::string_view method, std::string_view target, unsigned status,
                 std::chrono::steady_clock::duration elapsed);

}  // namespace orgdesk::server
