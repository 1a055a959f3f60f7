#include "server/request_log.hpp"

#include <spdlog/spdlog.h>

#include "server/url.hpp"

namespace orgdesk::server {

void log_request(std::string_view method, std::string_view target, unsigned status,
                 std::chrono::steady_clock::duration elapsed) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
    spdlog::info("{} {} {} {:.1f} ms", method, split_target(target).path, status,
                 static_cast<double>(micros) / 1000.0);
}

}  // namespace orgdesk::server
