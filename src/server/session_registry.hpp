#pragma once
// The connections alive now: caps how many are open at once, and lets a shutdown ask each to
// finish its current request and close.
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace orgdesk::server {

class HttpSession;

class SessionRegistry {
  public:
    // Adds `session` if fewer than `maxConnections` are open. At the cap, it makes room by
    // closing the connection idle the longest (a keep-alive connection waiting for a request);
    // false when every open connection is busy, and `session` is not added.
    bool admit(const std::shared_ptr<HttpSession>& session, std::size_t maxConnections);
    // Idle connections close at once; busy ones after their current answer.
    void close_all();
    // The connections open now.
    std::size_t open_connections();

  private:
    std::mutex mutex_;
    std::vector<std::weak_ptr<HttpSession>> sessions_;
};

}  // namespace orgdesk::server
