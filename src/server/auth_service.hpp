#pragma once
// Sign-in, sessions and sign-out. A session expires after a period without use (sliding expiry):
// every request that uses it pushes its expiry forward.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/json_codecs.hpp"
#include "core/result.hpp"
#include "platform/organization_service.hpp"
#include "platform/store.hpp"
#include "server/caller.hpp"
#include "server/password_hasher.hpp"

namespace orgdesk::server {

class AuthService {
  public:
    AuthService(platform::Store& store, PasswordHasher& hasher, platform::Clock clock,
                std::chrono::milliseconds idleTimeout);

    // The same answer for an unknown user as for a wrong password, after the same work.
    core::Result<core::LoginResult> login(const core::Credentials& credentials);

    // `token` as the request carried it (nullopt: none). Unauthenticated unless it names a live
    // session of an existing user.
    // With `recordUse` false the request does not extend the session (a background poll).
    core::Result<Caller> authenticate(std::optional<std::string_view> token, bool recordUse = true);

    void logout(const Caller& caller);

  private:
    platform::Store& store_;
    PasswordHasher& hasher_;
    platform::Clock clock_;
    std::int64_t idleTimeoutMs_;
};

}  // namespace orgdesk::server
