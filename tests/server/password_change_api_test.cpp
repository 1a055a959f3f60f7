// PUT /api/v1/auth/password over real HTTP: the current password is checked (and throttled),
// the new one must meet the rules, and a change ends every session of the user.
#include <string>

#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "/api/v1/auth/password";
constexpr const char* kNewPassword = "a new and longer passphrase";

class PasswordChangeApi : public ServerFixture {
  protected:
    HttpResponse change(const std::string& token, const std::string& current,
                        const std::string& next) {
        return client().send_json("PUT", kPassword,
                                  json{{"currentPassword", current}, {"newPassword", next}}, token);
    }
    int sign_in_status(const std::string& username, const std::string& password) {
        return client()
            .post_json("/api/v1/auth/login",
                       json{{"username", username}, {"password", password}}.dump())
            .status;
    }
    int me_status(const std::string& token) {
        return client().get("/api/v1/auth/me", token).status;
    }
};

TEST_F(PasswordChangeApi, ChangeEndsEverySessionAndAnswersAFreshOne) {
    const auto here = sign_in(kSeller);
    const auto elsewhere = sign_in(kSeller);
    const auto colleague = sign_in(kManager);
    // Used before the change, so the server holds them in its session cache.
    EXPECT_EQ(me_status(elsewhere), 200);
    EXPECT_EQ(me_status(colleague), 200);

    const auto response = change(here, std::string(platform::kDemoPassword), kNewPassword);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto body = response.json();
    EXPECT_EQ(body.at("user").at("username"), kSeller);
    const auto fresh = body.at("token").get<std::string>();
    EXPECT_NE(fresh, here);

    EXPECT_EQ(me_status(here), 401) << "the caller's old token is revoked";
    EXPECT_EQ(me_status(elsewhere), 401) << "every other session of the user is revoked";
    EXPECT_EQ(me_status(fresh), 200);
    EXPECT_EQ(me_status(colleague), 200) << "other users' sessions are untouched";

    EXPECT_EQ(sign_in_status(kSeller, std::string(platform::kDemoPassword)), 401);
    advance_clock(std::chrono::seconds(1));  // the wait after a failed sign-in
    EXPECT_EQ(sign_in_status(kSeller, kNewPassword), 200);
}

TEST_F(PasswordChangeApi, WrongCurrentPasswordIsRefusedAndCountsAsAFailedSignIn) {
    const auto token = sign_in(kSeller);
    const auto wrong = change(token, "not my password", kNewPassword);
    EXPECT_EQ(wrong.status, 400) << wrong.body;
    EXPECT_EQ(wrong.json().at("code"), "wrong-current-password");
    EXPECT_EQ(wrong.json().at("errors").at(0).at("field"), "currentPassword");
    EXPECT_EQ(me_status(token), 200) << "nothing changed";

    // Right after a failure the account must wait, as after a wrong sign-in.
    const auto tooSoon = change(token, std::string(platform::kDemoPassword), kNewPassword);
    EXPECT_EQ(tooSoon.status, 429) << tooSoon.body;
    EXPECT_EQ(tooSoon.header("Retry-After"), "1");
    EXPECT_EQ(sign_in_status(kSeller, std::string(platform::kDemoPassword)), 429);
}

TEST_F(PasswordChangeApi, NewPasswordBreakingARuleIsRefusedAndChangesNothing) {
    const auto token = sign_in(kSeller);
    const std::string current(platform::kDemoPassword);
    const auto expect_refused = [&](const std::string& next, const std::string& detail) {
        const auto response = change(token, current, next);
        EXPECT_EQ(response.status, 400) << next;
        EXPECT_EQ(response.json().at("code"), "new-password-invalid");
        EXPECT_EQ(response.json().at("detail"), detail);
        EXPECT_EQ(response.json().at("errors").at(0).at("field"), "newPassword");
    };
    expect_refused("too short", "The new password must have at least 12 characters.");
    expect_refused("SELLER@demo.test", "The new password must not be your username.");
    expect_refused(std::string(300, 'x'), "The new password must have at most 256 characters.");
    EXPECT_EQ(me_status(token), 200);
    EXPECT_EQ(sign_in_status(kSeller, current), 200);
}

TEST_F(PasswordChangeApi, MissingFieldsAreNamed) {
    const auto response =
        client().send_json("PUT", kPassword, json{{"newPassword", kNewPassword}}, sign_in(kSeller));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.json().at("errors").at(0).at("field"), "currentPassword");
}

TEST_F(PasswordChangeApi, NeedsASession) {
    EXPECT_EQ(change("", std::string(platform::kDemoPassword), kNewPassword).status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing
