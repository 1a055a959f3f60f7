// The sandbox limits: how many run at once and how many one address may start, and what a
// refused visitor is told.
#include "core/sandbox.hpp"

#include <gtest/gtest.h>

namespace orgdesk::core {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kNow = 1'800'000'000'000;
constexpr SandboxLimits kLimits{3, 2, 60 * kMinute};

TEST(SandboxLimits, AllowsCreationBelowBothLimits) {
    const SandboxUsage usage{{kNow + 10 * kMinute, kNow + 20 * kMinute}, {kNow - 5 * kMinute}};
    EXPECT_TRUE(judge_sandbox_creation(kLimits, usage, kNow).allowed());
}

TEST(SandboxLimits, RefusesWhileTheMaximumIsLiveUntilTheSoonestExpires) {
    const SandboxUsage usage{{kNow + 30 * kMinute, kNow + 12 * kMinute, kNow + 50 * kMinute}, {}};
    const auto verdict = judge_sandbox_creation(kLimits, usage, kNow);
    EXPECT_EQ(verdict.refusal, SandboxRefusal::TooManyLive);
    EXPECT_EQ(verdict.retryAtMs, kNow + 12 * kMinute);
    const auto error = sandbox_refused(verdict, kLimits, kNow);
    EXPECT_EQ(error.kind, ErrorKind::TooManyRequests);
    EXPECT_EQ(error.code, "sandbox-capacity");
    EXPECT_EQ(error.message, "All demo sandboxes are in use right now. Try again in 12 minutes.");
    EXPECT_EQ(error.retryAfterSeconds, 12 * 60);
}

TEST(SandboxLimits, ExpiredSandboxesDoNotCountAsLive) {
    const SandboxUsage usage{{kNow - 1, kNow, kNow + kMinute}, {}};
    EXPECT_TRUE(judge_sandbox_creation(kLimits, usage, kNow).allowed());
}

TEST(SandboxLimits, RefusesAnAddressAtItsLimitUntilItsOldestCreationLeavesTheWindow) {
    const SandboxUsage usage{{}, {kNow - 10 * kMinute, kNow - 45 * kMinute, kNow - 90 * kMinute}};
    const auto verdict = judge_sandbox_creation(kLimits, usage, kNow);
    EXPECT_EQ(verdict.refusal, SandboxRefusal::TooManyFromAddress);
    EXPECT_EQ(verdict.retryAtMs, kNow + 15 * kMinute);
    const auto error = sandbox_refused(verdict, kLimits, kNow);
    EXPECT_EQ(error.code, "sandbox-address-limit");
    EXPECT_EQ(error.message,
              "You have started 2 sandboxes in the last 60 minutes. Try again in 15 minutes.");
    EXPECT_EQ(error.retryAfterSeconds, 15 * 60);
}

TEST(SandboxLimits, AWaitUnderAMinuteIsGivenInSeconds) {
    const SandboxUsage usage{{}, {kNow - 60 * kMinute + 40'000, kNow - kMinute}};
    const auto verdict = judge_sandbox_creation(kLimits, usage, kNow);
    ASSERT_FALSE(verdict.allowed());
    EXPECT_NE(sandbox_refused(verdict, kLimits, kNow).message.find("Try again in 40 seconds."),
              std::string::npos);
}

TEST(SandboxSessionJson, RoundTripsEverySignIn) {
    SandboxSession session{"d0000000-0000-4000-8000-000000000009", kNow + 60 * kMinute, {}};
    for (const auto role : kSandboxRoles) {
        Principal user;
        user.userId = "u-" + std::string(to_string(role));
        user.username = std::string(to_string(role)) + "@sandbox.test";
        user.displayName = std::string(display_name(role));
        user.role = role;
        user.distributorId = session.id;
        session.signIns.push_back({"token-" + user.userId, session.expiresAtMs, user});
    }
    const auto decoded = sandbox_session_from_json(to_json(session));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->id, session.id);
    EXPECT_EQ(decoded->expiresAtMs, session.expiresAtMs);
    ASSERT_EQ(decoded->signIns.size(), 4U);
    EXPECT_EQ(decoded->signIns[2].user.role, Role::AccountManager);
    EXPECT_EQ(decoded->signIns[3].token, "token-u-CustomerOwner");
}

TEST(SandboxSessionJson, RefusesAnAnswerWithoutSignIns) {
    const auto decoded = sandbox_session_from_json(Json{
        {"sandboxId", "x"}, {"expiresAt", "2026-01-01T00:00:00.000Z"}, {"signIns", Json::array()}});
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().fields.at(0).field, "signIns");
}

}  // namespace
}  // namespace orgdesk::core
