// Sign-in, tokens, sliding expiry and sign-out, over real HTTP.
#include <gtest/gtest.h>

#include <regex>

#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kLogin = "/api/v1/auth/login";
constexpr const char* kMe = "/api/v1/auth/me";
constexpr const char* kWrongCredentials = "The username or password is not correct.";
constexpr const char* kSessionExpired = "Your session has expired. Sign in again.";

std::string credentials(const std::string& username, const std::string& password) {
    return nlohmann::json{{"username", username}, {"password", password}}.dump();
}

class AuthApi : public ServerFixture {};

TEST_F(AuthApi, SignInReturnsTokenExpiryAndUser) {
    const auto response =
        client().post_json(kLogin, credentials(kSeller, std::string(platform::kDemoPassword)));
    ASSERT_EQ(response.status, 200) << response.body;
    const auto body = response.json();
    // "<32 hex id>.<43 base64url secret>": 128 bits to find the session, 256 to prove it.
    EXPECT_TRUE(std::regex_match(body.at("token").get<std::string>(),
                                 std::regex("[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}")));
    EXPECT_EQ(body.at("expiresAt").get<std::string>().back(), 'Z');
    const auto& user = body.at("user");
    EXPECT_EQ(user.at("username"), kSeller);
    EXPECT_EQ(user.at("roles"), nlohmann::json::array({"SellerAdmin"}));
    EXPECT_EQ(user.at("tenant"), platform::kDemoSellerOneId);
    EXPECT_EQ(response.header("Cache-Control"), "no-store");
}

TEST_F(AuthApi, WrongPasswordIsRefusedWithAPlainMessage) {
    const auto response = client().post_json(kLogin, credentials(kSeller, "not-the-password"));
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(response.json().at("detail"), kWrongCredentials);
}

TEST_F(AuthApi, UnknownUserGetsTheSameAnswerAsAWrongPassword) {
    const auto unknown = client().post_json(kLogin, credentials("nobody@demo.test", "whatever"));
    const auto wrong = client().post_json(kLogin, credentials(kSeller, "whatever"));
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.body_without_request_id(), wrong.body_without_request_id());
}

TEST_F(AuthApi, MalformedJsonIs400) {
    const auto response = client().post_json(kLogin, "{\"username\": ");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.json().at("code"), "malformed-json");
    EXPECT_NE(response.json().at("detail").get<std::string>().find("not valid JSON"),
              std::string::npos);
}

TEST_F(AuthApi, WrongTypesAre400NamingTheFields) {
    const auto response = client().post_json(kLogin, R"({"username": 42})");
    ASSERT_EQ(response.status, 400);
    const auto errors = response.json().at("errors");
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].at("field"), "username");
    EXPECT_EQ(errors[1].at("field"), "password");
}

TEST_F(AuthApi, BodyThatIsNotDeclaredJsonIs415) {
    const auto response = client().send(
        {"POST", kLogin, credentials(kSeller, "x"), {{"Content-Type", "text/plain"}}});
    EXPECT_EQ(response.status, 415);
    EXPECT_EQ(response.json().at("status"), 415);
}

TEST_F(AuthApi, MeReturnsTheSignedInUser) {
    const auto response = client().get(kMe, sign_in(kManager));
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.json().at("username"), kManager);
    EXPECT_EQ(response.json().at("roles"), nlohmann::json::array({"AccountManager"}));
}

TEST_F(AuthApi, AuthtokenHeaderIsAcceptedWithOrWithoutQsdkPrefix) {
    const auto token = sign_in(kSeller);
    for (const auto& value : {token, "QSDK " + token}) {
        const auto response = client().send({"GET", kMe, {}, {{"Authtoken", value}}});
        EXPECT_EQ(response.status, 200) << value;
    }
}

TEST_F(AuthApi, MissingTokenIs401AskingToSignIn) {
    const auto response = client().get(kMe);
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.json().at("detail"), "Sign in to continue.");
    EXPECT_EQ(response.header("WWW-Authenticate"), "Bearer");
}

TEST_F(AuthApi, GarbageTokenIs401) {
    const auto response = client().get(kMe, "garbage");
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.json().at("detail"), kSessionExpired);
}

TEST_F(AuthApi, TokenWithAnotherSecretIs401) {
    auto token = sign_in(kSeller);
    token.back() = token.back() == 'A' ? 'B' : 'A';
    EXPECT_EQ(client().get(kMe, token).status, 401);
}

TEST_F(AuthApi, SessionExpiresAfterThirtyIdleMinutes) {
    const auto token = sign_in(kSeller);
    advance_clock(30min + 1s);
    const auto response = client().get(kMe, token);
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.json().at("detail"), kSessionExpired);
}

TEST_F(AuthApi, UseKeepsTheSessionAlive) {
    const auto token = sign_in(kSeller);
    for (int i = 0; i < 3; ++i) {
        advance_clock(20min);
        EXPECT_EQ(client().get(kMe, token).status, 200) << "after " << (i + 1) * 20 << " minutes";
    }
}

TEST_F(AuthApi, LiveUpdatePollsDoNotKeepAnIdleSessionAlive) {
    const auto token = sign_in(kSeller);
    advance_clock(20min);
    EXPECT_EQ(client().get("/api/v1/changes", token).status, 200);
    advance_clock(10min + 1s);
    EXPECT_EQ(client().get("/api/v1/changes", token).status, 401);
    EXPECT_EQ(client().get(kMe, token).status, 401);
}

TEST_F(AuthApi, SignOutRevokesTheToken) {
    const auto token = sign_in(kSeller);
    const auto response =
        client().send({"POST", "/api/v1/auth/logout", {}, {{"Authorization", "Bearer " + token}}});
    EXPECT_EQ(response.status, 204);
    EXPECT_EQ(client().get(kMe, token).status, 401);
}

TEST_F(AuthApi, StoreKeepsOnlyAHashOfTheSecret) {
    const auto token = sign_in(kSeller);
    const auto dot = token.find('.');
    const auto found = store().find_session_with_user(token.substr(0, dot));
    ASSERT_TRUE(found.has_value());
    const auto& session = found->session;
    EXPECT_EQ(session.secretHash.find(token.substr(dot + 1)), std::string::npos);
    EXPECT_EQ(session.secretHash.size(), 64u);  // hex of a 32-byte BLAKE2b hash
}

class ShortSessionAuthApi : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override { options.sessionIdleTimeout = 5min; }
};

TEST_F(ShortSessionAuthApi, IdleTimeoutIsConfigurable) {
    const auto token = sign_in(kSeller);
    advance_clock(4min);
    EXPECT_EQ(client().get(kMe, token).status, 200);
    advance_clock(5min + 1s);
    EXPECT_EQ(client().get(kMe, token).status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing
