#include "server/auth_service.hpp"

#include <utility>

#include "server/problems.hpp"
#include "server/session_token.hpp"

namespace orgdesk::server {
namespace {

// Writing the session on every request would make every read a database write. Recording use
// at most this often (a sixtieth of the idle timeout: 30 s of 30 min) keeps expiry within that
// margin of exact.
constexpr std::int64_t kTouchIntervalDivisor = 60;

}  // namespace

AuthService::AuthService(platform::Store& store, PasswordHasher& hasher, platform::Clock clock,
                         std::chrono::milliseconds idleTimeout)
    : store_(store),
      hasher_(hasher),
      clock_(std::move(clock)),
      idleTimeoutMs_(idleTimeout.count()) {}

core::Result<core::LoginResult> AuthService::login(const core::Credentials& credentials) {
    const auto user = store_.find_user_by_username(credentials.username);
    if (!user) {
        hasher_.verify_nothing(credentials.password);
        return wrong_credentials();
    }
    if (!hasher_.verify(user->passwordHash, credentials.password))
        return wrong_credentials();

    const auto token = generate_session_token();
    const std::int64_t now = clock_();
    platform::SessionRecord session;
    session.id = token.id;
    session.secretHash = hash_token_secret(token.secret);
    session.userId = user->principal.userId;
    session.createdAtMs = now;
    session.lastUsedAtMs = now;
    session.expiresAtMs = now + idleTimeoutMs_;
    store_.insert_session(session);
    return core::LoginResult{token.text(), session.expiresAtMs, user->principal};
}

core::Result<Caller> AuthService::authenticate(std::optional<std::string_view> token,
                                               bool recordUse) {
    if (!token)
        return sign_in_required();
    // Every way a token can fail gets the same answer: to its holder they all mean "sign in
    // again", and to a prober they reveal nothing.
    const auto parsed = parse_session_token(*token);
    if (!parsed)
        return session_expired();
    const auto session = store_.find_session(parsed->id);
    const std::int64_t now = clock_();
    if (!session || session->revoked || now >= session->expiresAtMs ||
        !token_secret_matches(parsed->secret, session->secretHash)) {
        return session_expired();
    }
    auto user = store_.find_user(session->userId);
    if (!user)
        return session_expired();

    if (recordUse && now - session->lastUsedAtMs >= idleTimeoutMs_ / kTouchIntervalDivisor) {
        store_.touch_session(session->id, now, now + idleTimeoutMs_);
    }
    return Caller{std::move(user->principal), session->id};
}

void AuthService::logout(const Caller& caller) {
    store_.revoke_session(caller.sessionId);
}

}  // namespace orgdesk::server
