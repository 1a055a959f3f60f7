#pragma once
// Captures what the server logs while a test runs: every line of spdlog's default logger, and,
// when asked, the request lines of the JSON log (--log-format json), each as the process would
// write them.
#include <memory>
#include <sstream>
#include <string>

#include <spdlog/logger.h>

namespace orgdesk::server::testing {

// Sends every log line of the process to a string while it lives; the previous logger after.
class CapturedLog {
  public:
    CapturedLog();
    ~CapturedLog();
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;

    std::string text() const { return out_.str(); }

  private:
    std::ostringstream out_;
    std::shared_ptr<spdlog::logger> previous_;
    spdlog::level::level_enum previousLevel_;
};

// Request lines go to a string as JSON objects while it lives (as with --log-format json), back
// to text after.
class CapturedJsonRequestLog {
  public:
    CapturedJsonRequestLog();
    ~CapturedJsonRequestLog();
    CapturedJsonRequestLog(const CapturedJsonRequestLog&) = delete;
    CapturedJsonRequestLog& operator=(const CapturedJsonRequestLog&) = delete;

    std::string text() const { return out_.str(); }

  private:
    std::ostringstream out_;
};

}  // namespace orgdesk::server::testing
