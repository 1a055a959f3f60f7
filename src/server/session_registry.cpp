#include "server/session_registry.hpp"

#include <algorithm>

#include "server/http_session.hpp"

namespace orgdesk::server {

bool SessionRegistry::admit(const std::shared_ptr<HttpSession>& session,
                            std::size_t maxConnections) {
    std::shared_ptr<HttpSession> evicted;
    {
        std::lock_guard lock(mutex_);
        // Forget ended sessions as new ones come, so the list stays as long as the live ones.
        std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
        if (sessions_.size() >= maxConnections) {
            auto oldest = sessions_.end();
            std::optional<std::chrono::steady_clock::time_point> oldestIdle;
            for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
                const auto live = it->lock();
                const auto idle = live ? live->idle_since() : std::nullopt;
                if (idle && (!oldestIdle || *idle < *oldestIdle)) {
                    oldest = it;
                    oldestIdle = idle;
                }
            }
            if (oldest == sessions_.end())
                return false;
            // No longer counted: it closes as soon as its own thread runs it.
            evicted = oldest->lock();
            sessions_.erase(oldest);
        }
        sessions_.push_back(session);
    }
    if (evicted)
        evicted->close_when_idle();
    return true;
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

std::size_t SessionRegistry::open_connections() {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(
        sessions_.begin(), sessions_.end(), [](const auto& weak) { return !weak.expired(); }));
}

}  // namespace orgdesk::server
