#include "server/line_sink.hpp"

#include <unistd.h>

#include <cerrno>

#include <spdlog/pattern_formatter.h>

namespace orgdesk::server {

LineSink::LineSink(int fd) : fd_(fd), formatter_(std::make_unique<spdlog::pattern_formatter>()) {}

void LineSink::log(const spdlog::details::log_msg& message) {
    spdlog::memory_buf_t line;
    {
        std::lock_guard lock(mutex_);
        formatter_->format(message, line);
    }
    const char* data = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        const auto written = ::write(fd_, data, left);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return;  // nowhere to log to: the request goes on without its line
        data += written;
        left -= static_cast<std::size_t>(written);
    }
}

void LineSink::set_pattern(const std::string& pattern) {
    set_formatter(std::make_unique<spdlog::pattern_formatter>(pattern));
}

void LineSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) {
    std::lock_guard lock(mutex_);
    formatter_ = std::move(formatter);
}

}  // namespace orgdesk::server
