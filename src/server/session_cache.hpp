#pragma once
// The sessions this server has found valid, kept in memory so that a signed-in request need not
// read its session and user from the database every time.
//
// Exact only where this process makes every change to sessions (the embedded SQLite database):
// AuthService tells the cache of each sign-out, password change and recorded use. Servers that
// share a PostgreSQL database do not use it, since a sign-out on another instance must end the
// session here at once.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "platform/store.hpp"

namespace orgdesk::server {

class SessionCache {
  public:
    using Entry = std::shared_ptr<const platform::SessionWithUser>;

    // Beyond this many sessions, the ones past their expiry go; if none has, all go.
    explicit SessionCache(std::size_t maxSessions = 100'000);

    // Null when the session is not kept.
    Entry find(std::string_view sessionId) const;

    // Read before the database is asked, and handed to keep(): a session forgotten while the
    // database was being read is not kept, since what was read may predate its sign-out.
    std::uint64_t generation() const;
    // `found` as the database answered it, for a session that was valid, without its password
    // hash; the entry is returned whether or not it could be kept.
    Entry keep(platform::SessionWithUser found, std::int64_t nowMs, std::uint64_t readInGeneration);
    // The session's use was recorded in the database with these times.
    void touched(std::string_view sessionId, std::int64_t lastUsedAtMs, std::int64_t expiresAtMs);
    // Called once the database has the change (a sign-out, a password change).
    void forget(std::string_view sessionId);
    void forget_user(std::string_view userId);
    // Every session of a customer organization's people (their roles changed).
    void forget_customer(std::string_view customerId);

  private:
    // Finds by string_view without building a std::string per request.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept {
            return std::hash<std::string_view>{}(text);
        }
    };

    std::size_t maxSessions_;
    mutable std::mutex mutex_;
    std::uint64_t generation_ = 0;
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> sessions_;
};

}  // namespace orgdesk::server
