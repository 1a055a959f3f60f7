#include "server/password_work_queue.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>

#include <spdlog/spdlog.h>

#include "server/problems.hpp"

namespace orgdesk::server {
namespace {

// How long a queued request may wait for a hash slot before it is answered 503.
constexpr std::chrono::seconds kMaxWait{30};

}  // namespace

PasswordWorkQueue::PasswordWorkQueue(int workers, int maxWaiting)
    : maxWaiting_(static_cast<std::size_t>(std::max(0, maxWaiting))) {
    for (int i = 0; i < workers; ++i)
        workers_.emplace_back([this] { run_worker(); });
}

PasswordWorkQueue::~PasswordWorkQueue() {
    stop();
}

void PasswordWorkQueue::stop() {
    std::deque<std::function<void()>> dropped;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        dropped.swap(waiting_);
    }
    wake_.notify_all();
    for (auto& worker : workers_) {
        if (worker.joinable())
            worker.join();
    }
}

bool PasswordWorkQueue::try_submit(std::function<void()> job) {
    if (workers_.empty()) {  // no threads of its own: the work is done now
        if (stopping_)
            return false;
        job();
        return true;
    }
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || waiting_.size() >= maxWaiting_)
            return false;
        waiting_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

void PasswordWorkQueue::run_worker() {
    while (true) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
            if (stopping_)
                return;
            job = std::move(waiting_.front());
            waiting_.pop_front();
        }
        job();
    }
}

StringResponse PasswordWorkQueue::default_refusal(const Problem& problem) {
    return problem_response(problem);
}

RouteResponse PasswordWorkQueue::answer(std::function<StringResponse()> work, Refuse refuse) {
    const auto busy = [refuse] { return refuse(password_checks_busy()); };
    auto abandoned = std::make_shared<std::atomic<bool>>(false);
    DeferredResponse deferred;
    deferred.timeout = kMaxWait;
    deferred.onTimeout = busy;
    deferred.cancel = [abandoned] { abandoned->store(true); };
    deferred.start = [this, abandoned, work = std::move(work), busy,
                      refuse](DeferredResponse::Send send) {
        const bool queued = try_submit([abandoned, work, send, refuse] {
            if (abandoned->load())  // nobody waits for it any more: spend no hash on it
                return;
            try {
                send(work());
            } catch (const std::exception& e) {
                spdlog::error("a sign-in or password change failed: {}", e.what());
                send(refuse(internal_error()));
            }
        });
        if (!queued)
            send(busy());
    };
    return deferred;
}

std::size_t PasswordWorkQueue::waiting() {
    std::lock_guard lock(mutex_);
    return waiting_.size();
}

}  // namespace orgdesk::server
