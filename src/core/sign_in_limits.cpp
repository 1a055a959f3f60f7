#include "core/sign_in_limits.hpp"

#include <algorithm>

namespace orgdesk::core {

SignInVerdict judge_sign_in(const SignInLimit& limit, std::span<const std::int64_t> failuresMs,
                            std::int64_t nowMs) {
    if (failuresMs.empty())
        return {};
    const std::int64_t last = failuresMs.back();
    // Failures within the window that ends at the last one.
    const auto recent = std::count_if(failuresMs.begin(), failuresMs.end(),
                                      [&](std::int64_t at) { return at > last - limit.windowMs; });
    if (recent >= limit.failuresToLock) {
        const std::int64_t lockedUntil = last + limit.lockMs;
        if (nowMs < lockedUntil)
            return {false, true, lockedUntil};
        return {};
    }
    if (limit.firstDelayMs <= 0 || nowMs - last >= limit.windowMs)
        return {};
    // Failures still in the window now set the delay: 1, 2, 4... times the first.
    const auto stillRecent =
        std::count_if(failuresMs.begin(), failuresMs.end(),
                      [&](std::int64_t at) { return at > nowMs - limit.windowMs; });
    const std::int64_t waitUntil =
        last + (limit.firstDelayMs << (std::max<std::int64_t>(stillRecent, 1) - 1));
    if (nowMs < waitUntil)
        return {false, false, waitUntil};
    return {};
}

SignInVerdict stricter(const SignInVerdict& a, const SignInVerdict& b) {
    if (a.allowed)
        return b;
    if (b.allowed)
        return a;
    SignInVerdict both = a.retryAtMs >= b.retryAtMs ? a : b;
    both.locked = a.locked || b.locked;
    return both;
}

bool failure_still_counts(const SignInLimit& limit, std::int64_t failureMs, std::int64_t nowMs) {
    // It counts toward a lock only with failures less than a window later, and a lock lasts
    // lockMs after the last of them; a delay never outlasts the window.
    return nowMs - failureMs < limit.windowMs + std::max(limit.lockMs, limit.windowMs);
}

std::int64_t retry_after_seconds(const SignInVerdict& verdict, std::int64_t nowMs) {
    return std::max<std::int64_t>(1, (verdict.retryAtMs - nowMs + 999) / 1000);
}

std::string wait_in_words(std::int64_t seconds) {
    const auto plural = [](std::int64_t n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
    };
    if (seconds < 60)
        return plural(std::max<std::int64_t>(seconds, 1), "second");
    return plural((seconds + 59) / 60, "minute");
}

Error sign_in_refused(const SignInVerdict& verdict, std::int64_t nowMs) {
    const auto seconds = retry_after_seconds(verdict, nowMs);
    auto error = make_error(
        ErrorKind::TooManyRequests, verdict.locked ? "sign-in-locked" : "sign-in-delayed",
        "Too many failed sign-ins. Try again in " + wait_in_words(seconds) + ".");
    error.retryAfterSeconds = seconds;
    return error;
}

}  // namespace orgdesk::core
