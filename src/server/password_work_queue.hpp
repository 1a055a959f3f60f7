#pragma once
// Runs the requests that compute password hashes (sign-ins, password changes) on a few threads of
// their own, as many as hashes may run at once, so the server's I/O threads never wait for one
// and every other request is served during a login flood. At most `maxWaiting` requests wait;
// beyond that they are refused at once (503 with Retry-After), so a flood costs bounded memory.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "server/http_types.hpp"
#include "server/problems.hpp"

namespace orgdesk::server {

class PasswordWorkQueue {
  public:
    // With no `workers` (a web page has no threads to spare) each job runs at once, in the
    // thread that submits it.
    PasswordWorkQueue(int workers, int maxWaiting);
    ~PasswordWorkQueue();  // stop()
    // Drops the waiting work and joins the workers (after the work in hand); idempotent. The
    // server calls it while its I/O context still runs, since waiting work holds connections.
    void stop();
    PasswordWorkQueue(const PasswordWorkQueue&) = delete;
    PasswordWorkQueue& operator=(const PasswordWorkQueue&) = delete;

    // False (and `job` is dropped) when `maxWaiting` jobs already wait.
    bool try_submit(std::function<void()> job);

    // The answer of a route whose `work` computes hashes: computed on this queue, or `refuse`d
    // with a 503 problem (with Retry-After) when the queue is full or the work waited too long.
    using Refuse = std::function<StringResponse(const Problem&)>;
    RouteResponse answer(std::function<StringResponse()> work, Refuse refuse = default_refusal);

    static StringResponse default_refusal(const Problem& problem);

    // The jobs waiting for a worker now.
    std::size_t waiting();

  private:
    void run_worker();

    std::size_t maxWaiting_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> waiting_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace orgdesk::server
