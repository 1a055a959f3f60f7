#include "core/sign_in_limits.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace orgdesk::core {
namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kStart = 1'700'000'000'000;

SignInVerdict account(const std::vector<std::int64_t>& failures, std::int64_t now) {
    return judge_sign_in(kAccountSignInLimit, failures, now);
}

TEST(SignInLimits, NoFailuresAllowsATry) {
    EXPECT_TRUE(account({}, kStart).allowed);
}

TEST(SignInLimits, EachFailureDoublesTheWaitBeforeTheNextTry) {
    std::vector<std::int64_t> failures;
    std::int64_t now = kStart;
    for (const std::int64_t expectedWait : {1, 2, 4, 8}) {
        failures.push_back(now);
        const auto refused = account(failures, now + expectedWait * kSecond - 1);
        EXPECT_FALSE(refused.allowed) << failures.size() << " failures";
        EXPECT_FALSE(refused.locked);
        EXPECT_EQ(refused.retryAtMs, now + expectedWait * kSecond);
        EXPECT_TRUE(account(failures, now + expectedWait * kSecond).allowed);
        now += expectedWait * kSecond;
    }
}

TEST(SignInLimits, FifthFailureWithinFifteenMinutesLocksForFifteenMinutes) {
    const std::vector<std::int64_t> failures{kStart, kStart + kMinute, kStart + 2 * kMinute,
                                             kStart + 3 * kMinute, kStart + 14 * kMinute};
    const auto locked = account(failures, kStart + 14 * kMinute + kSecond);
    EXPECT_FALSE(locked.allowed);
    EXPECT_TRUE(locked.locked);
    EXPECT_EQ(locked.retryAtMs, kStart + 29 * kMinute);
    EXPECT_FALSE(account(failures, kStart + 29 * kMinute - 1).allowed);
    EXPECT_TRUE(account(failures, kStart + 29 * kMinute).allowed);
}

TEST(SignInLimits, FailuresSpreadWiderThanTheWindowDoNotLock) {
    const std::vector<std::int64_t> failures{kStart, kStart + 4 * kMinute, kStart + 8 * kMinute,
                                             kStart + 12 * kMinute, kStart + 16 * kMinute};
    const auto verdict = account(failures, kStart + 16 * kMinute + 30 * kSecond);
    EXPECT_TRUE(verdict.allowed) << "the first failure left the window before the fifth";
}

TEST(SignInLimits, AfterALockEndsTheNextFailureStartsAfresh) {
    std::vector<std::int64_t> failures{kStart, kStart + 1, kStart + 2, kStart + 3, kStart + 4};
    const std::int64_t after = kStart + 4 + 15 * kMinute + kSecond;
    ASSERT_TRUE(account(failures, after).allowed);
    failures.push_back(after);
    const auto verdict = account(failures, after + 10);
    EXPECT_FALSE(verdict.locked);
    EXPECT_EQ(verdict.retryAtMs, after + kSecond);
}

TEST(SignInLimits, AddressLimitLocksOnlyAfterTwentyFailuresAndNeverDelays) {
    std::vector<std::int64_t> failures;
    for (int i = 0; i < 19; ++i)
        failures.push_back(kStart + i);
    EXPECT_TRUE(judge_sign_in(kAddressSignInLimit, failures, kStart + 19).allowed);
    failures.push_back(kStart + 19);
    const auto verdict = judge_sign_in(kAddressSignInLimit, failures, kStart + 20);
    EXPECT_TRUE(verdict.locked);
    EXPECT_EQ(verdict.retryAtMs, kStart + 19 + 15 * kMinute);
}

TEST(SignInLimits, StricterTakesTheLaterRefusal) {
    const SignInVerdict allowed;
    const SignInVerdict delayed{false, false, kStart + kSecond};
    const SignInVerdict locked{false, true, kStart + 15 * kMinute};
    EXPECT_TRUE(stricter(allowed, allowed).allowed);
    EXPECT_EQ(stricter(allowed, delayed).retryAtMs, delayed.retryAtMs);
    EXPECT_EQ(stricter(locked, delayed).retryAtMs, locked.retryAtMs);
    EXPECT_TRUE(stricter(delayed, locked).locked);
}

TEST(SignInLimits, OldFailuresAreForgottenOnlyOnceTheyCannotMatter) {
    EXPECT_TRUE(failure_still_counts(kAccountSignInLimit, kStart, kStart + 29 * kMinute));
    EXPECT_FALSE(failure_still_counts(kAccountSignInLimit, kStart, kStart + 30 * kMinute));
}

TEST(SignInLimits, RefusalSaysHowLongToWaitInWordsAndInSeconds) {
    const auto locked = sign_in_refused({false, true, kStart + 4 * kMinute}, kStart);
    EXPECT_EQ(locked.kind, ErrorKind::TooManyRequests);
    EXPECT_EQ(locked.code, "sign-in-locked");
    EXPECT_EQ(locked.message, "Too many failed sign-ins. Try again in 4 minutes.");
    EXPECT_EQ(locked.retryAfterSeconds, 240);

    const auto delayed = sign_in_refused({false, false, kStart + 1500}, kStart);
    EXPECT_EQ(delayed.code, "sign-in-delayed");
    EXPECT_EQ(delayed.message, "Too many failed sign-ins. Try again in 2 seconds.");
    EXPECT_EQ(delayed.retryAfterSeconds, 2);
}

TEST(SignInLimits, WaitInWordsRoundsUp) {
    EXPECT_EQ(wait_in_words(0), "1 second");
    EXPECT_EQ(wait_in_words(1), "1 second");
    EXPECT_EQ(wait_in_words(59), "59 seconds");
    EXPECT_EQ(wait_in_words(60), "1 minute");
    EXPECT_EQ(wait_in_words(61), "2 minutes");
    EXPECT_EQ(wait_in_words(900), "15 minutes");
}

}  // namespace
}  // namespace orgdesk::core
