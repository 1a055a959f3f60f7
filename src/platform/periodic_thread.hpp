#pragma once
// A background thread that runs one pass of some work, then sleeps until the wait the pass asked
// for has passed, it is woken, or it is stopped. What the provisioning worker and the sandbox
// sweeper share; header-only, as small as it is.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace orgdesk::platform {

class PeriodicThread {
  public:
    // Runs on the thread; returns how long to sleep before the next pass (zero or less: none).
    // It must not throw: a pass catches and reports its own failures, and is tried again.
    using Pass = std::function<std::chrono::milliseconds()>;

    // The first pass runs `firstDelay` after start (at once by default).
    explicit PeriodicThread(Pass pass, std::chrono::milliseconds firstDelay = {})
        : pass_(std::move(pass)), firstDelay_(firstDelay) {}
    ~PeriodicThread() { stop(); }
    PeriodicThread(const PeriodicThread&) = delete;
    PeriodicThread& operator=(const PeriodicThread&) = delete;

    void start() {
        std::lock_guard lock(mutex_);
        if (thread_.joinable())
            return;
        stopping_ = false;
        thread_ = std::thread([this] { loop(); });
    }

    // Finishes the pass under way, then returns.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wakeUp_.notify_all();
        if (thread_.joinable())
            thread_.join();
    }

    // Cuts the current sleep short: the next pass runs now (or right after the one under way).
    void wake() {
        {
            std::lock_guard lock(mutex_);
            woken_ = true;
        }
        wakeUp_.notify_all();
    }

  private:
    void loop() {
        auto wait = firstDelay_;
        std::unique_lock lock(mutex_);
        while (true) {
            if (wait.count() > 0)
                wakeUp_.wait_for(lock, wait, [this] { return stopping_ || woken_; });
            if (stopping_)
                return;
            woken_ = false;
            lock.unlock();
            wait = pass_();
            lock.lock();
        }
    }

    Pass pass_;
    std::chrono::milliseconds firstDelay_;
    std::mutex mutex_;
    std::condition_variable wakeUp_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace orgdesk::platform
