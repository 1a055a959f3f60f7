#include "server/request_log.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

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

namespace {

std::shared_ptr<spdlog::logger>& json_logger() {
    static std::shared_ptr<spdlog::logger> logger;  // set once, before the first request
    return logger;
}

// A JSON string, or null when `text` is empty. The values here are ids, patterns and methods:
// escaped all the same, by the JSON library.
std::string json_text_or_null(std::string_view text) {
    return text.empty() ? std::string("null") : nlohmann::json(std::string(text)).dump();
}

}  // namespace

void send_request_log_as_json(std::shared_ptr<spdlog::logger> logger) {
    json_logger() = std::move(logger);
}

bool request_log_is_json() {
    return json_logger() != nullptr;
}

void log_request(const RequestLogEntry& entry) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(entry.elapsed).count();
    const double millis = static_cast<double>(micros) / 1000.0;
    if (const auto& logger = json_logger()) {
        logger->info(R"("requestId":{},"method":{},"route":{},"status":{},"durationMs":{:.3f},)"
                     R"("userId":{},"tenantId":{})",
                     json_text_or_null(entry.requestId), json_text_or_null(entry.method),
                     json_text_or_null(entry.route), entry.status, millis,
                     json_text_or_null(entry.userId), json_text_or_null(entry.tenantId));
        return;
    }
    spdlog::info("{} {} {} {:.1f} ms req={}", entry.method, loggable_path(entry.target),
                 entry.status, millis, entry.requestId);
}

}  // namespace orgdesk::server
