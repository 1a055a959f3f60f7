#pragma once
// The bookkeeping behind core's sign-in limits: the recent failed sign-ins of each account
// (by username, whether or not it exists, so a lock tells nothing about which names do) and of
// each client address. Kept in memory: right for one server instance; several instances behind
// one address would each count on their own, and a restart forgets the counts.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/sign_in_limits.hpp"

namespace orgdesk::server {

class SignInThrottle {
  public:
    // Whether `username` may try to sign in from `address` at `nowMs`.
    core::SignInVerdict judge(std::string_view username, std::string_view address,
                              std::int64_t nowMs);
    void record_failure(std::string_view username, std::string_view address, std::int64_t nowMs);
    // A correct password clears the account's failures (not the address's: one good account
    // must not reset an address that guesses at others).
    void record_success(std::string_view username);

    // Failure times by key, oldest first.
    using Failures = std::unordered_map<std::string, std::vector<std::int64_t>>;

  private:
    void forget_old(std::int64_t nowMs);

    std::mutex mutex_;
    Failures accounts_;
    Failures addresses_;
    std::int64_t lastSweepMs_ = 0;
};

}  // namespace orgdesk::server
