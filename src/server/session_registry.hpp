#pragma once
// The connections alive now, so a shutdown can ask each to finish its current request and close.
#include <memory>
#include <mutex>
#include <vector>

namespace orgdesk::server {

class HttpSession;

class SessionRegistry {
  public:
    void add(const std::shared_ptr<HttpSession>& session);
    // Idle connections close at once; busy ones after their current answer.
    void close_all();

  private:
    std::mutex mutex_;
    std::vector<std::weak_ptr<HttpSession>> sessions_;
};

}  // namespace orgdesk::server
