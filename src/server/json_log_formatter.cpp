#include "server/json_log_formatter.hpp"

#include <ctime>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace orgdesk::server {

void JsonLogFormatter::format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& dest) {
    using namespace std::chrono;
    const auto sinceEpoch = message.time.time_since_epoch();
    const auto seconds = duration_cast<std::chrono::seconds>(sinceEpoch);
    const auto millis = duration_cast<milliseconds>(sinceEpoch - seconds).count();
    const std::time_t t = seconds.count();
    std::tm utc{};
    gmtime_r(&t, &utc);
    const auto level = spdlog::level::to_string_view(message.level);
    fmt::format_to(std::back_inserter(dest),
                   R"({{"time":"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z","level":"{}",)",
                   utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                   utc.tm_sec, millis, std::string_view(level.data(), level.size()));
    const std::string_view payload(message.payload.data(), message.payload.size());
    if (payloadIsMembers_) {
        dest.append(payload.data(), payload.data() + payload.size());
    } else {
        // Escaped by the JSON library: a message may hold any byte, invalid UTF-8 included.
        const auto text = nlohmann::json(std::string(payload))
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        dest.append(std::string_view(R"("message":)"));
        dest.append(text.data(), text.data() + text.size());
    }
    dest.append(std::string_view("}\n"));
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const {
    return std::make_unique<JsonLogFormatter>(payloadIsMembers_);
}

}  // namespace orgdesk::server
