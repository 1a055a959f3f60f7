#include "server/sandbox_sweeper.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace orgdesk::server {

SandboxSweeper::SandboxSweeper(SandboxService& sandboxes, std::chrono::milliseconds interval)
    : sandboxes_(sandboxes), interval_(interval), thread_([this] { return sweep(); }, interval) {}

SandboxSweeper::~SandboxSweeper() {
    stop();
}

void SandboxSweeper::start() {
    thread_.start();
}

void SandboxSweeper::stop() {
    thread_.stop();
}

std::chrono::milliseconds SandboxSweeper::sweep() {
    try {
        if (const int purged = sandboxes_.purge_expired(); purged > 0)
            spdlog::info("purged {} ended demo sandbox{}", purged, purged == 1 ? "" : "es");
    } catch (const std::exception& e) {
        // The database may be busy or briefly away: the next sweep tries again.
        spdlog::warn("purging ended demo sandboxes failed: {}", e.what());
    }
    return interval_;
}

}  // namespace orgdesk::server
