#include "server/session_cache.hpp"

#include <utility>

namespace orgdesk::server {

SessionCache::SessionCache(std::size_t maxSessions) : maxSessions_(maxSessions) {}

SessionCache::Entry SessionCache::find(std::string_view sessionId) const {
    std::lock_guard lock(mutex_);
    const auto found = sessions_.find(sessionId);
    return found == sessions_.end() ? nullptr : found->second;
}

std::uint64_t SessionCache::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

SessionCache::Entry SessionCache::keep(platform::SessionWithUser found, std::int64_t nowMs,
                                       std::uint64_t readInGeneration) {
    found.user.passwordHash.clear();
    auto entry = std::make_shared<const platform::SessionWithUser>(std::move(found));
    std::lock_guard lock(mutex_);
    if (readInGeneration != generation_)
        return entry;
    if (sessions_.size() >= maxSessions_) {
        std::erase_if(sessions_, [nowMs](const auto& kept) {
            return nowMs >= kept.second->session.expiresAtMs;
        });
        if (sessions_.size() >= maxSessions_)
            sessions_.clear();  // all live: each is read again at its next request
    }
    sessions_.insert_or_assign(entry->session.id, entry);
    return entry;
}

void SessionCache::touched(std::string_view sessionId, std::int64_t lastUsedAtMs,
                           std::int64_t expiresAtMs) {
    std::lock_guard lock(mutex_);
    const auto found = sessions_.find(sessionId);
    if (found == sessions_.end())
        return;
    auto updated = std::make_shared<platform::SessionWithUser>(*found->second);
    updated->session.lastUsedAtMs = lastUsedAtMs;
    updated->session.expiresAtMs = expiresAtMs;
    found->second = std::move(updated);
}

void SessionCache::forget(std::string_view sessionId) {
    std::lock_guard lock(mutex_);
    ++generation_;
    if (const auto found = sessions_.find(sessionId); found != sessions_.end())
        sessions_.erase(found);
}

void SessionCache::forget_user(std::string_view userId) {
    std::lock_guard lock(mutex_);
    ++generation_;
    std::erase_if(sessions_, [userId](const auto& kept) {
        return kept.second->user.principal.userId == userId;
    });
}

void SessionCache::forget_customer(std::string_view customerId) {
    std::lock_guard lock(mutex_);
    ++generation_;
    std::erase_if(sessions_, [customerId](const auto& kept) {
        return kept.second->user.principal.customerId == customerId;
    });
}

}  // namespace orgdesk::server
