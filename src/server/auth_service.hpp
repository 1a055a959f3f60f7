#pragma once
// Sign-in, sessions, password changes and sign-out. A session expires after a period without
// use (sliding expiry): every request that uses it pushes its expiry forward. Every password
// check goes through the sign-in throttle, per account and per client address.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/json_codecs.hpp"
#include "core/password_change.hpp"
#include "core/result.hpp"
#include "platform/organization_service.hpp"
#include "platform/store.hpp"
#include "server/caller.hpp"
#include "server/password_hasher.hpp"
#include "server/session_cache.hpp"
#include "server/sign_in_throttle.hpp"

namespace orgdesk::server {

class AuthService {
  public:
    // With `cacheSessions`, sessions found valid are kept in memory (see SessionCache): only
    // where this process makes every change to the database's sessions.
    AuthService(platform::Store& store, PasswordHasher& hasher, platform::Clock clock,
                std::chrono::milliseconds idleTimeout, bool cacheSessions);

    // The throttle's refusal of a password check by `username` from `clientAddress`, if any:
    // cheap, so a route asks before it queues the check.
    std::optional<core::Error> sign_in_refusal(std::string_view username,
                                               std::string_view clientAddress);

    // The same answer for an unknown user as for a wrong password, after the same work.
    core::Result<core::LoginResult> login(const core::Credentials& credentials,
                                          std::string_view clientAddress);

    // Checks the current password (a failure counts as a failed sign-in), stores the new one and
    // revokes every session of the user, and returns a fresh session for the caller.
    core::Result<core::LoginResult> change_password(const Caller& caller,
                                                    const core::PasswordChange& change,
                                                    std::string_view clientAddress);

    // `token` as the request carried it (nullopt: none). Unauthenticated unless it names a live
    // session of an existing user.
    // With `recordUse` false the request does not extend the session (a background poll).
    core::Result<Caller> authenticate(std::optional<std::string_view> token, bool recordUse = true);

    void logout(const Caller& caller);

    // Commvault's RenewLoginToken: a new session for the person whose live session `token`
    // names, which ends at once. Unauthenticated for a token of no live session.
    core::Result<core::LoginResult> renew(std::string_view token);

    // Since the process started: passwords found wrong, and the accounts or addresses that one
    // of those failures locked out.
    struct SignInCounts {
        std::uint64_t failures = 0;
        std::uint64_t lockOuts = 0;
    };
    SignInCounts sign_in_counts() const;

    // The roles of a customer organization's people changed in the database: their next requests
    // read their sessions, and so their roles, from it again.
    void forget_customer(std::string_view customerId);

  private:
    platform::SessionRecord new_session(const std::string& userId, std::string& token);
    void record_failed_sign_in(std::string_view username, std::string_view clientAddress);
    // The session and its user, from the cache when it holds them.
    SessionCache::Entry find_session(std::string_view sessionId, std::int64_t nowMs);

    platform::Store& store_;
    PasswordHasher& hasher_;
    platform::Clock clock_;
    std::int64_t idleTimeoutMs_;
    SignInThrottle throttle_;
    std::atomic<std::uint64_t> failedSignIns_{0};
    std::atomic<std::uint64_t> lockOuts_{0};
    std::optional<SessionCache> sessions_;
};

}  // namespace orgdesk::server
