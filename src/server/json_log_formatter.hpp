#pragma once
// --log-format json: each log line is one JSON object, for a log collector (Loki, Elasticsearch,
// CloudWatch) to read without a parsing rule of its own:
//   {"time":"2026-12-07T14:25:03.512Z","level":"info","message":"stopping: ..."}
// A request's line (request_log.hpp) carries its fields as members instead of a message.
#include <memory>

#include <spdlog/formatter.h>

namespace orgdesk::server {

class JsonLogFormatter final : public spdlog::formatter {
  public:
    // `payloadIsMembers`: the logged text is already JSON members ("a":1,"b":"c"), written as
    // they are; otherwise it is a person's message, written escaped as "message".
    explicit JsonLogFormatter(bool payloadIsMembers) : payloadIsMembers_(payloadIsMembers) {}

    void format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& dest) override;
    std::unique_ptr<spdlog::formatter> clone() const override;

  private:
    bool payloadIsMembers_;
};

}  // namespace orgdesk::server
