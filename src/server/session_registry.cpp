#include "server/session_registry.hpp"

#include <algorithm>

#include "server/http_session.hpp"

namespace orgdesk::server {

void SessionRegistry::add(const std::shared_ptr<HttpSession>& session) {
    std::lock_guard lock(mutex_);
    // Forget ended sessions as new ones come, so the list stays as long as the live ones.
    std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
    sessions_.push_back(session);
}

void SessionRegistry::close_all() {
    std::vector<std::shared_ptr<HttpSession>> live;
    {
        std::lock_guard lock(mutex_);
        for (const auto& weak : sessions_) {
            if (auto session = weak.lock())
                live.push_back(std::move(session));
        }
        sessions_.clear();
    }
    for (const auto& session : live)
        session->close_when_idle();
}

}  // namespace orgdesk::server
