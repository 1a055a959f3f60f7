#include "server/request_log.hpp"

#include <spdlog/spdlog.h>

#include "server/session_token.hpp"
#include "server/url.hpp"

namespace orgdesk::server {
namespace {

bool looks_like_token(std::string_view segment) {
    if (parse_session_token(segment))
        return true;
    const auto decoded = percent_decode(segment);
    return decoded && parse_session_token(*decoded);
}

}  // namespace

std::string loggable_path(std::string_view target) {
    std::string_view path = split_target(target).path;
    std::string out;
    out.reserve(path.size());
    while (!path.empty()) {
        const auto end = path.find('/', 1);
        const auto piece = path.substr(0, end);  // "/segment"
        if (piece.size() > 1 && looks_like_token(piece.substr(1)))
            out += "/<token>";
        else
            out += piece;
        path.remove_prefix(piece.size());
    }
    return out;
}

void log_request(std::string_view method, std::string_view target, unsigned status,
                 std::chrono::steady_clock::duration elapsed) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
    spdlog::info("{} {} {} {:.1f} ms", method, loggable_path(target), status,
                 static_cast<double>(micros) / 1000.0);
}

}  // namespace orgdesk::server
