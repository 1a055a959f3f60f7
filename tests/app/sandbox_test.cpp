// The web app in a demo sandbox: "Try a sandbox", the role switcher, "Reset sandbox", and the
// countdown to its end.
#include <gtest/gtest.h>

#include "app/sandbox_banner.hpp"
#include "app_test_support.hpp"

namespace orgdesk::app::testing {
namespace {

constexpr std::int64_t kNow = 1'795'369'342'000;
constexpr std::int64_t kMinute = 60'000;

std::string sandbox_body(const std::string& id, const std::string& tokenPrefix) {
    core::SandboxSession session{id, kNow + 60 * kMinute, {}};
    const char* names[] = {"Dana Distributor", "Sam Seller", "Max Manager", "Olive Owner"};
    for (std::size_t i = 0; i < 4; ++i) {
        core::Principal user{"u" + std::to_string(i),
                             "user" + std::to_string(i) + "@x.sandbox.test",
                             names[i],
                             core::kSandboxRoles[i],
                             id,
                             i == 0 ? "" : "s1",
                             i == 3 ? "c1" : ""};
        session.signIns.push_back(
            {tokenPrefix + std::to_string(i) + ".secret", session.expiresAtMs, user});
    }
    return core::to_json(session).dump();
}

// Clicks "Try a sandbox" and answers it with sandbox `id`.
Transition started(State s, const std::string& id = "d-one", const std::string& prefix = "t") {
    auto t = update(std::move(s), SandboxStartClicked{});
    const auto request = request_for(t, Purpose::StartSandbox);
    return update(t.state,
                  HttpAnswered{request.id, Purpose::StartSandbox, 201, sandbox_body(id, prefix)});
}

TEST(Sandbox, TryASandboxAsksForOneWithoutAToken) {
    const auto t = update(State{}, SandboxStartClicked{});
    const auto request = only_request(t);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/api/v1/sandbox/sessions");
    EXPECT_TRUE(request.token.empty());
    EXPECT_TRUE(t.state.pendingSandbox);
    // A second click while it is on its way sends nothing more.
    EXPECT_TRUE(update(t.state, SandboxStartClicked{}).effects.empty());
}

TEST(Sandbox, StartsSignedInAsTheDistributorAdminWithItsOrganizationsLoading) {
    const auto t = started(State{});
    ASSERT_TRUE(t.state.session);
    ASSERT_TRUE(t.state.sandbox);
    EXPECT_EQ(t.state.session->user.role, core::Role::DistributorAdmin);
    EXPECT_EQ(t.state.session->token, "t0.secret");
    EXPECT_EQ(t.state.screen, Screen::Organizations);
    EXPECT_EQ(request_for(t, Purpose::ListCustomers).token, "t0.secret");
    request_for(t, Purpose::ListOrders);
    request_for(t, Purpose::WatchChanges);
    EXPECT_FALSE(t.state.pendingSandbox);
    ASSERT_TRUE(t.state.toast);
    EXPECT_FALSE(t.state.toast->isError);
}

TEST(Sandbox, ALimitReachedIsShownOnTheSignInScreen) {
    auto t = update(State{}, SandboxStartClicked{});
    const auto request = only_request(t);
    auto error = core::make_error(core::ErrorKind::TooManyRequests, "sandbox-address-limit",
                                  "You have started 10 sandboxes in the last 60 minutes. Try "
                                  "again in 12 minutes.");
    error.retryAfterSeconds = 720;
    t = update(t.state, HttpAnswered{request.id, Purpose::StartSandbox, 429,
                                     core::problem_to_json(error).dump()});
    EXPECT_FALSE(t.state.session);
    EXPECT_EQ(t.state.screen, Screen::SignIn);
    EXPECT_EQ(t.state.signIn.error,
              "You have started 10 sandboxes in the last 60 minutes. Try again in 12 minutes.");
    EXPECT_FALSE(t.state.pendingSandbox);
}

TEST(Sandbox, SwitchingRoleUsesThatRolesTokenWithoutSigningIn) {
    auto s = started(State{}).state;
    s = apply(s, {OrdersClicked{}});
    const auto t = update(s, SandboxRoleChosen{core::Role::AccountManager});
    ASSERT_TRUE(t.state.session);
    EXPECT_EQ(t.state.session->user.role, core::Role::AccountManager);
    EXPECT_EQ(t.state.session->user.displayName, "Max Manager");
    EXPECT_EQ(t.state.sandbox->current, 2U);
    EXPECT_EQ(t.state.screen, Screen::Organizations);  // the new role's screens start afresh
    for (const auto& effect : t.effects) {
        if (const auto* request = std::get_if<HttpRequest>(&effect)) {
            EXPECT_EQ(request->token, "t2.secret");
            EXPECT_NE(request->path, "/api/v1/auth/login");
        }
    }
    EXPECT_EQ(t.state.toast->text, "You are now Max Manager, Account Manager.");
    // Answers to the earlier role's requests no longer count.
    EXPECT_GE(t.state.session->firstRequest, s.session->firstRequest);
}

TEST(Sandbox, ChoosingTheRoleInUseChangesNothing) {
    const auto s = started(State{}).state;
    const auto t = update(s, SandboxRoleChosen{core::Role::DistributorAdmin});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.session->token, "t0.secret");
}

TEST(Sandbox, ResetStartsOverInAFreshSandbox) {
    auto s = started(State{}).state;
    s = update(s, SandboxRoleChosen{core::Role::SellerAdmin}).state;
    auto t = update(s, SandboxResetClicked{});
    const auto request = request_for(t, Purpose::StartSandbox);
    EXPECT_TRUE(request.token.empty());
    t = update(t.state,
               HttpAnswered{request.id, Purpose::StartSandbox, 201, sandbox_body("d-two", "n")});
    EXPECT_EQ(t.state.sandbox->id, "d-two");
    EXPECT_EQ(t.state.session->token, "n0.secret");
    EXPECT_EQ(t.state.toast->text, "Your sandbox starts over with fresh demo data.");
}

TEST(Sandbox, AFailedResetKeepsTheSandboxAndSaysWhy) {
    const auto s = started(State{}).state;
    auto t = update(s, SandboxResetClicked{});
    const auto request = request_for(t, Purpose::StartSandbox);
    t = update(t.state, HttpAnswered{request.id, Purpose::StartSandbox, 0, ""});
    EXPECT_EQ(t.state.sandbox->id, "d-one");
    EXPECT_EQ(t.state.session->token, "t0.secret");
    ASSERT_TRUE(t.state.toast);
    EXPECT_TRUE(t.state.toast->isError);
}

TEST(Sandbox, TheBannerCountsDownAndTheEndSignsOut) {
    auto s = started(State{}).state;
    EXPECT_EQ(sandbox_banner_text(s), "Demo sandbox");  // not told the time yet
    s = update(s, ClockTicked{kNow + 18 * kMinute}).state;
    EXPECT_EQ(sandbox_banner_text(s), "Demo sandbox  ·  42 minutes left");
    s = update(s, ClockTicked{kNow + 59 * kMinute + 30'000}).state;
    EXPECT_EQ(sandbox_time_left(s), "less than a minute left");
    ASSERT_TRUE(s.session);
    s = update(s, ClockTicked{kNow + 60 * kMinute}).state;
    EXPECT_FALSE(s.session);
    EXPECT_FALSE(s.sandbox);
    EXPECT_EQ(s.screen, Screen::SignIn);
    EXPECT_EQ(s.signIn.error,
              "Your demo sandbox has ended and its data is gone. Start a new one to keep "
              "exploring.");
}

TEST(Sandbox, ItsTimerKeepsWakingTheAppWhileTheSandboxLives) {
    const auto t = started(State{});
    ASSERT_TRUE(t.state.sandboxTimer);
    const auto fired = update(t.state, TimerFired{*t.state.sandboxTimer});
    ASSERT_EQ(fired.effects.size(), 1U);
    const auto& timer = std::get<StartTimer>(fired.effects[0]);
    EXPECT_EQ(fired.state.sandboxTimer, timer.id);
    EXPECT_GT(timer.delayMs, 0);
}

TEST(Sandbox, ARefusedTokenMeansTheSandboxHasEnded) {
    auto t = started(State{});
    const auto list = request_for(t, Purpose::ListCustomers);
    t = update(t.state, HttpAnswered{list.id, Purpose::ListCustomers, 401,
                                     problem(core::ErrorKind::Unauthenticated, "expired")});
    EXPECT_FALSE(t.state.sandbox);
    EXPECT_NE(t.state.signIn.error.text.find("sandbox has ended"), std::string::npos);
}

TEST(Sandbox, SigningOutLeavesTheSandbox) {
    const auto s = started(State{}).state;
    const auto t = update(s, SignOutClicked{});
    EXPECT_EQ(request_for(t, Purpose::SignOut).token, "t0.secret");
    EXPECT_FALSE(t.state.sandbox);
    EXPECT_FALSE(t.state.session);
}

}  // namespace
}  // namespace orgdesk::app::testing
