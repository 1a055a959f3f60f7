#pragma once
// Purges ended sandboxes in the background, every SandboxOptions::sweepInterval. A sandbox's
// tokens stop working at its end on their own (sessions carry the end); the sweeper removes its
// rows soon after.
#include <chrono>

#include "platform/periodic_thread.hpp"
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
    // One purge of the ended sandboxes; returns the wait before the next.
    std::chrono::milliseconds sweep();

    SandboxService& sandboxes_;
    std::chrono::milliseconds interval_;
    platform::PeriodicThread thread_;  // last: stopped before the members its sweeps use go
};

}  // namespace orgdesk::server
