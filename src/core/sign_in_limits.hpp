#pragma once
// How failed sign-ins are slowed down and then locked out: the rule, given the times of recent
// failures (of one account, or from one address) and the time now. The server keeps the failure
// times; this decides.
#include <cstdint>
#include <span>
#include <string>

#include "core/error.hpp"

namespace orgdesk::core {

struct SignInLimit {
    int failuresToLock = 5;         // this many failures within `windowMs` lock the key...
    std::int64_t windowMs = 0;      //
    std::int64_t lockMs = 0;        // ...for this long after the last of them
    std::int64_t firstDelayMs = 0;  // the wait after one failure, doubled by each further one
};

// Per account: a person who mistypes waits 1, 2, 4 and 8 seconds between tries; the fifth failure
// within 15 minutes locks the account for 15 minutes. That allows at most about 480 guesses a
// day against one account.
inline constexpr SignInLimit kAccountSignInLimit{5, 15 * 60'000, 15 * 60'000, 1'000};
// Per client address: higher, since an office may share one address, and no delay, so one
// person's typos do not slow their colleagues down. It stops one address from guessing across
// many accounts.
inline constexpr SignInLimit kAddressSignInLimit{20, 15 * 60'000, 15 * 60'000, 0};

struct SignInVerdict {
    bool allowed = true;
    bool locked = false;         // locked out, rather than only asked to slow down
    std::int64_t retryAtMs = 0;  // when a refused try may be made again
};

// `failuresMs`: the times of the key's failed sign-ins, oldest first. Only the last
// `failuresToLock` matter, so the caller may keep only those.
SignInVerdict judge_sign_in(const SignInLimit& limit, std::span<const std::int64_t> failuresMs,
                            std::int64_t nowMs);

// The stricter of two verdicts (for an account and its address): refused if either refuses,
// until the later time.
SignInVerdict stricter(const SignInVerdict& a, const SignInVerdict& b);

// Whether a failure at `failureMs` can still affect a verdict at `nowMs` (to forget old ones).
bool failure_still_counts(const SignInLimit& limit, std::int64_t failureMs, std::int64_t nowMs);

// Whole seconds until `verdict.retryAtMs`, at least 1: for Retry-After.
std::int64_t retry_after_seconds(const SignInVerdict& verdict, std::int64_t nowMs);

// The 429 answer to a refused sign-in, e.g. "Too many failed sign-ins. Try again in 4 minutes.",
// carrying the seconds to wait.
Error sign_in_refused(const SignInVerdict& verdict, std::int64_t nowMs);

// "1 second", "40 seconds", "1 minute", "15 minutes": a wait in words, rounded up.
std::string wait_in_words(std::int64_t seconds);

}  // namespace orgdesk::core
