#include "server/sandbox_sweeper.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace orgdesk::server {

SandboxSweeper::SandboxSweeper(SandboxService& sandboxes, std::chrono::milliseconds interval)
    : sandboxes_(sandboxes), interval_(interval) {}

SandboxSweeper::~SandboxSweeper() {
    stop();
}

void SandboxSweeper::start() {
    if (thread_.joinable())
        return;
    stopping_ = false;
    thread_ = std::thread([this] { loop(); });
}

void SandboxSweeper::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wakeUp_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

void SandboxSweeper::loop() {
    std::unique_lock lock(mutex_);
    while (!wakeUp_.wait_for(lock, interval_, [this] { return stopping_; })) {
        lock.unlock();
        try {
            if (const int purged = sandboxes_.purge_expired(); purged > 0)
                spdlog::info("purged {} ended demo sandbox{}", purged, purged == 1 ? "" : "es");
        } catch (const std::exception& e) {
            // The database may be busy or briefly away: the next sweep tries again.
            spdlog::warn("purging ended demo sandboxes failed: {}", e.what());
        }
        lock.lock();
    }
}

}  // namespace orgdesk::server
