#include "server/captured_log.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "server/json_log_formatter.hpp"
#include "server/request_log.hpp"

namespace orgdesk::server::testing {
namespace {

std::shared_ptr<spdlog::logger> logger_into(std::ostringstream& out, const std::string& name) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    auto logger = std::make_shared<spdlog::logger>(name, sink);
    logger->set_level(spdlog::level::trace);
    logger->flush_on(spdlog::level::trace);
    return logger;
}

}  // namespace

CapturedLog::CapturedLog()
    : previous_(spdlog::default_logger()), previousLevel_(previous_->level()) {
    spdlog::set_default_logger(logger_into(out_, "captured"));
}

CapturedLog::~CapturedLog() {
    spdlog::set_default_logger(previous_);
    previous_->set_level(previousLevel_);
}

CapturedJsonRequestLog::CapturedJsonRequestLog() {
    auto logger = logger_into(out_, "captured-requests");
    logger->set_formatter(std::make_unique<JsonLogFormatter>(true));
    send_request_log_as_json(std::move(logger));
}

CapturedJsonRequestLog::~CapturedJsonRequestLog() {
    send_request_log_as_json(nullptr);
}

}  // namespace orgdesk::server::testing
