#pragma once
// Purges ended sandboxes in the background, every SandboxOptions::sweepInterval. A sandbox's
// tokens stop working at its end on their own (sessions carry the end); the sweeper removes its
// rows soon after.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "server/sandbox_service.hpp"

namespace orgdesk::server {

class SandboxSweeper {
  public:
    SandboxSweeper(SandboxService& sandboxes, std::chrono::milliseconds interval);
    ~SandboxSweeper();
    SandboxSweeper(const SandboxSweeper&) = delete;
    SandboxSweeper& operator=(const SandboxSweeper&) = delete;

    void start();
    void stop();  // finishes a purge under way, then returns

  private:
    void loop();

    SandboxService& sandboxes_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable wakeUp_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace orgdesk::server
