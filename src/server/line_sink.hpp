#pragma once
// The server's log sink when standard output is a file or a pipe: each line is formatted under a
// short lock and written with one write() outside it, so I/O threads logging a request each do
// not queue behind one another's system calls (spdlog's console sink holds its mutex across
// the write, and it was the most contended lock under load). Lines of different threads still
// come out whole: each is one write, as nginx writes its access log.
#include <memory>
#include <mutex>

#include <spdlog/sinks/sink.h>

namespace orgdesk::server {

class LineSink final : public spdlog::sinks::sink {
  public:
    explicit LineSink(int fd);

    void log(const spdlog::details::log_msg& message) override;
    void flush() override {}
    void set_pattern(const std::string& pattern) override;
    void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

  private:
    int fd_;
    std::mutex mutex_;  // the formatter keeps state (the last timestamp written)
    std::unique_ptr<spdlog::formatter> formatter_;
};

}  // namespace orgdesk::server
