#include "server/auth_service.hpp"

#include <algorithm>
#include <utility>

#include "server/problems.hpp"
#include "server/session_token.hpp"

namespace orgdesk::server {
namespace {

// Writing the session on every request would make every read a database write. Recording use
// at most this often (a sixtieth of the idle timeout: 30 s of 30 min) keeps expiry within that
// margin of exact.
constexpr std::int64_t kTouchIntervalDivisor = 60;

bool is_live(const platform::SessionRecord& session, std::int64_t nowMs) {
    return !session.revoked && nowMs < session.expiresAtMs &&
           (session.endsAtMs == 0 || nowMs < session.endsAtMs);
}

}  // namespace

AuthService::AuthService(platform::Store& store, PasswordHasher& hasher, platform::Clock clock,
                         std::chrono::milliseconds idleTimeout, bool cacheSessions)
    : store_(store),
      hasher_(hasher),
      clock_(std::move(clock)),
      idleTimeoutMs_(idleTimeout.count()) {
    if (cacheSessions)
        sessions_.emplace();
}

std::optional<core::Error> AuthService::sign_in_refusal(std::string_view username,
                                                        std::string_view clientAddress) {
    const std::int64_t now = clock_();
    const auto verdict = throttle_.judge(username, clientAddress, now);
    if (verdict.allowed)
        return std::nullopt;
    return core::sign_in_refused(verdict, now);
}

void AuthService::record_failed_sign_in(std::string_view username, std::string_view clientAddress) {
    const std::int64_t now = clock_();
    throttle_.record_failure(username, clientAddress, now);
    failedSignIns_.fetch_add(1, std::memory_order_relaxed);
    // The attempt was allowed, so the account and address were not locked before it.
    if (throttle_.judge(username, clientAddress, now).locked)
        lockOuts_.fetch_add(1, std::memory_order_relaxed);
}

AuthService::SignInCounts AuthService::sign_in_counts() const {
    return {failedSignIns_.load(std::memory_order_relaxed),
            lockOuts_.load(std::memory_order_relaxed)};
}

platform::SessionRecord AuthService::new_session(const std::string& userId, std::string& token) {
    const auto generated = generate_session_token();
    token = generated.text();
    const std::int64_t now = clock_();
    platform::SessionRecord session;
    session.id = generated.id;
    session.secretHash = hash_token_secret(generated.secret);
    session.userId = userId;
    session.createdAtMs = now;
    session.lastUsedAtMs = now;
    session.expiresAtMs = now + idleTimeoutMs_;
    return session;
}

core::Result<core::LoginResult> AuthService::login(const core::Credentials& credentials,
                                                   std::string_view clientAddress) {
    // Asked again here: other attempts may have failed while this one waited for a hash slot.
    if (auto refusal = sign_in_refusal(credentials.username, clientAddress))
        return std::move(*refusal);
    const auto user = store_.find_user_by_username(credentials.username);
    bool correct = false;
    if (user)
        correct = hasher_.verify(user->passwordHash, credentials.password);
    else
        hasher_.verify_nothing(credentials.password);
    if (!correct) {
        record_failed_sign_in(credentials.username, clientAddress);
        return wrong_credentials();
    }
    throttle_.record_success(credentials.username);

    std::string token;
    const auto session = new_session(user->principal.userId, token);
    store_.insert_session(session);
    return core::LoginResult{std::move(token), session.expiresAtMs, user->principal};
}

core::Result<core::LoginResult> AuthService::change_password(const Caller& caller,
                                                             const core::PasswordChange& change,
                                                             std::string_view clientAddress) {
    const auto& username = caller.principal.username;
    if (const auto problem = core::new_password_problem(username, change))
        return core::new_password_refused(*problem);
    if (auto refusal = sign_in_refusal(username, clientAddress))
        return std::move(*refusal);
    const auto user = store_.find_user(caller.principal.userId);
    if (!user)
        return session_expired();
    if (!hasher_.verify(user->passwordHash, change.currentPassword)) {
        record_failed_sign_in(username, clientAddress);
        return wrong_current_password();
    }
    throttle_.record_success(username);

    const auto newHash = hasher_.hash(change.newPassword);
    std::string token;
    const auto session = new_session(user->principal.userId, token);
    if (!store_.change_password(user->principal.userId, newHash, session))
        return session_expired();
    if (sessions_)
        sessions_->forget_user(user->principal.userId);
    return core::LoginResult{std::move(token), session.expiresAtMs, user->principal};
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
    const std::int64_t now = clock_();
    const auto found = find_session(parsed->id, now);
    if (!found)
        return session_expired();
    const auto& session = found->session;
    if (!is_live(session, now) || !token_secret_matches(parsed->secret, session.secretHash))
        return session_expired();

    if (recordUse && now - session.lastUsedAtMs >= idleTimeoutMs_ / kTouchIntervalDivisor) {
        // Use extends a session, but never past its hard end (a sandbox's).
        std::int64_t expiresAt = now + idleTimeoutMs_;
        if (session.endsAtMs != 0)
            expiresAt = std::min(expiresAt, session.endsAtMs);
        store_.touch_session(session.id, now, expiresAt);
        if (sessions_)
            sessions_->touched(session.id, now, expiresAt);
    }
    return Caller{found->user.principal, session.id};
}

SessionCache::Entry AuthService::find_session(std::string_view sessionId, std::int64_t nowMs) {
    if (!sessions_) {
        auto found = store_.find_session_with_user(sessionId);
        return found ? std::make_shared<const platform::SessionWithUser>(std::move(*found))
                     : nullptr;
    }
    if (auto kept = sessions_->find(sessionId))
        return kept;
    const auto generation = sessions_->generation();
    auto found = store_.find_session_with_user(sessionId);
    if (!found)
        return nullptr;
    // Only a live session is kept; the token's secret is still checked at every request.
    if (is_live(found->session, nowMs))
        return sessions_->keep(std::move(*found), nowMs, generation);
    return std::make_shared<const platform::SessionWithUser>(std::move(*found));
}

void AuthService::logout(const Caller& caller) {
    store_.revoke_session(caller.sessionId);
    if (sessions_)
        sessions_->forget(caller.sessionId);
}

core::Result<core::LoginResult> AuthService::renew(std::string_view token) {
    auto caller = authenticate(token);
    if (!caller)
        return caller.error();
    std::string fresh;
    const auto session = new_session(caller->principal.userId, fresh);
    // The new one first: a failure between the two leaves the person signed in, never out.
    store_.insert_session(session);
    logout(*caller);
    return core::LoginResult{std::move(fresh), session.expiresAtMs, caller->principal};
}

void AuthService::forget_customer(std::string_view customerId) {
    if (sessions_)
        sessions_->forget_customer(customerId);
}

}  // namespace orgdesk::server
