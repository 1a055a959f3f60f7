// Password guessing over real HTTP: slowed, then locked, per account and per address, with the
// time left in the answer; and the bounded number of password hashes under a login flood.
#include <atomic>
#include <cstdio>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "platform/demo_data.hpp"
#include "server/password_hasher.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kLogin = "/api/v1/auth/login";
const std::string kDemo(platform::kDemoPassword);

class SignInLimitsApi : public ServerFixture {
  protected:
    HttpResponse try_sign_in(const std::string& username, const std::string& password) {
        return client().post_json(kLogin,
                                  json{{"username", username}, {"password", password}}.dump());
    }
    // One wrong password.
    void fail_once(const std::string& username) {
        ASSERT_EQ(try_sign_in(username, "wrong password").status, 401);
    }
    // `count` wrong passwords, each after the wait the one before asks for (at most 8 s).
    void fail_times(const std::string& username, int count) {
        for (int i = 0; i < count; ++i) {
            fail_once(username);
            advance_clock(std::chrono::seconds(8));
        }
    }
};

void expect_refused(const HttpResponse& response, const std::string& code, int retryAfterSeconds,
                    const std::string& detail) {
    EXPECT_EQ(response.status, 429) << response.body;
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(response.header("Retry-After"), std::to_string(retryAfterSeconds));
    const auto problem = response.json();
    EXPECT_EQ(problem.at("code"), code);
    EXPECT_EQ(problem.at("retryAfterSeconds"), retryAfterSeconds);
    EXPECT_EQ(problem.at("detail"), detail);
}

TEST_F(SignInLimitsApi, WrongPasswordsAreSlowedDownThenLockTheAccount) {
    for (const int wait : {1, 2, 4, 8}) {
        fail_once(kSeller);
        const auto tooSoon = try_sign_in(kSeller, kDemo);
        expect_refused(tooSoon, "sign-in-delayed", wait,
                       "Too many failed sign-ins. Try again in " + std::to_string(wait) +
                           (wait == 1 ? " second." : " seconds."));
        advance_clock(std::chrono::seconds(wait));
    }
    fail_once(kSeller);  // the fifth within 15 minutes
    expect_refused(try_sign_in(kSeller, kDemo), "sign-in-locked", 900,
                   "Too many failed sign-ins. Try again in 15 minutes.");

    advance_clock(11min);
    const auto later = try_sign_in(kSeller, kDemo);
    expect_refused(later, "sign-in-locked", 240,
                   "Too many failed sign-ins. Try again in 4 minutes.");

    advance_clock(4min);
    EXPECT_EQ(try_sign_in(kSeller, kDemo).status, 200);
}

TEST_F(SignInLimitsApi, LockIsPerAccount) {
    fail_times(kSeller, 5);
    EXPECT_EQ(try_sign_in(kSeller, kDemo).status, 429);
    EXPECT_EQ(try_sign_in(kManager, kDemo).status, 200);
}

TEST_F(SignInLimitsApi, ASuccessfulSignInResetsTheAccountsCount) {
    fail_times(kSeller, 4);
    EXPECT_EQ(try_sign_in(kSeller, kDemo).status, 200);
    // Four more failures: with the count kept, the first of them would have locked.
    fail_times(kSeller, 4);
    EXPECT_EQ(try_sign_in(kSeller, kDemo).status, 200);
}

TEST_F(SignInLimitsApi, AnUnknownUsernameIsLimitedLikeAKnownOne) {
    fail_times("nobody@demo.test", 5);
    expect_refused(try_sign_in("nobody@demo.test", "anything"), "sign-in-locked", 900 - 8,
                   "Too many failed sign-ins. Try again in 15 minutes.");
}

TEST_F(SignInLimitsApi, OneAddressGuessingAcrossAccountsIsLocked) {
    // Twenty usernames, one guess each: no account is limited, but the address is.
    for (int i = 0; i < 20; ++i)
        fail_once("guess" + std::to_string(i) + "@demo.test");
    const auto response = try_sign_in(kDistributor, kDemo);
    expect_refused(response, "sign-in-locked", 900,
                   "Too many failed sign-ins. Try again in 15 minutes.");
    advance_clock(15min);
    EXPECT_EQ(try_sign_in(kDistributor, kDemo).status, 200);
}

TEST_F(SignInLimitsApi, WebserviceLoginIsLimitedByTheSameCount) {
    fail_times(kSeller, 5);
    // "b3JnZGVzay1kZW1v" is the demo password in base64.
    const auto response = client().post_json(
        "/webservice/Login", json{{"username", kSeller}, {"password", "b3JnZGVzay1kZW1v"}}.dump());
    EXPECT_EQ(response.status, 429) << response.body;
    EXPECT_EQ(response.header("Retry-After"), std::to_string(900 - 8));
    const auto error = response.json().at("errList").at(0);
    EXPECT_EQ(error.at("errorCode"), 429);
    EXPECT_EQ(error.at("errLogMessage"), "Too many failed sign-ins. Try again in 15 minutes.");

    // And its failures count for the same account.
    advance_clock(15min);
    for (int i = 0; i < 5; ++i) {
        const auto wrong = client().post_json(
            "/webservice/Login", json{{"username", kManager}, {"password", "d3Jvbmc="}}.dump());
        EXPECT_EQ(wrong.status, 401);
        advance_clock(8s);
    }
    EXPECT_EQ(try_sign_in(kManager, kDemo).status, 429);
}

// ---- a login flood ----

class LoginFlood : public SignInLimitsApi {
  protected:
    void configure(ServerOptions& options) override {
        options.maxConcurrentPasswordHashes = 2;
        options.maxWaitingPasswordChecks = waiting_;
    }
    int waiting_ = 64;

    // `count` sign-ins at once (correct passwords of the five demo users), and their statuses.
    std::map<int, int> flood(int count, long long& elapsedMs, long long& slowestHealthMs) {
        const std::vector<std::string> users{kDistributor, kSeller, kManager, kSellerTwo, kOwner};
        std::atomic<bool> flooding{true};
        auto health = std::async(std::launch::async, [&] {
            long long slowest = 0;
            while (flooding) {
                const auto started = std::chrono::steady_clock::now();
                EXPECT_EQ(client().get("/healthz").status, 200);
                slowest = std::max<long long>(slowest,
                                              std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  std::chrono::steady_clock::now() - started)
                                                  .count());
                std::this_thread::sleep_for(20ms);
            }
            return slowest;
        });
        const auto started = std::chrono::steady_clock::now();
        std::vector<std::future<HttpResponse>> logins;
        for (int i = 0; i < count; ++i) {
            logins.push_back(std::async(std::launch::async, [&, i] {
                return try_sign_in(users[static_cast<std::size_t>(i) % users.size()], kDemo);
            }));
        }
        std::map<int, int> statuses;
        for (auto& login : logins) {
            const auto response = login.get();
            ++statuses[response.status];
            if (response.status == 503) {
                EXPECT_EQ(response.header("Retry-After"), "2");
                EXPECT_EQ(response.json().at("code"), "sign-in-busy");
            }
        }
        elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
        flooding = false;
        slowestHealthMs = health.get();
        return statuses;
    }
};

TEST_F(LoginFlood, FiftyConcurrentSignInsNeverRunMoreThanTwoHashesAtOnce) {
    long long elapsed = 0;
    long long slowestHealth = 0;
    const auto statuses = flood(50, elapsed, slowestHealth);
    const int peak = server().password_hasher().peak_running();
    std::printf(
        "[ figures ] 50 concurrent sign-ins: %d answered 200 in %lld ms; at most %d hashes at "
        "once (limit 2); GET /healthz meanwhile: slowest %lld ms\n",
        statuses.count(200) ? statuses.at(200) : 0, elapsed, peak, slowestHealth);
    EXPECT_EQ(statuses, (std::map<int, int>{{200, 50}}));
    EXPECT_LE(peak, 2);
    EXPECT_GE(peak, 1);
}

class CappedLoginFlood : public LoginFlood {
  protected:
    void configure(ServerOptions& options) override {
        waiting_ = 4;
        LoginFlood::configure(options);
    }
};

TEST_F(CappedLoginFlood, SignInsBeyondTheQueueAreTurnedAwayWith503) {
    long long elapsed = 0;
    long long slowestHealth = 0;
    const auto statuses = flood(50, elapsed, slowestHealth);
    const int ok = statuses.count(200) ? statuses.at(200) : 0;
    const int busy = statuses.count(503) ? statuses.at(503) : 0;
    std::printf(
        "[ figures ] 50 concurrent sign-ins, 2 hashing and at most 4 waiting: %d signed in, %d "
        "turned away with 503, in %lld ms; at most %d hashes at once; GET /healthz meanwhile: "
        "slowest %lld ms\n",
        ok, busy, elapsed, server().password_hasher().peak_running(), slowestHealth);
    EXPECT_EQ(ok + busy, 50) << "only 200 and 503 answers";
    EXPECT_GE(ok, 2);
    EXPECT_GE(busy, 1);
    EXPECT_LE(server().password_hasher().peak_running(), 2);
}

}  // namespace
}  // namespace orgdesk::server::testing
