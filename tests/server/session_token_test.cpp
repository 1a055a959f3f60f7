#include "server/session_token.hpp"

#include <gtest/gtest.h>

#include "server/bearer_token.hpp"

namespace orgdesk::server {
namespace {

TEST(SessionToken, GeneratedTokensParseBackAndDiffer) {
    const auto token = generate_session_token();
    EXPECT_EQ(token.id.size(), 32u);
    EXPECT_EQ(token.secret.size(), 43u);
    const auto parsed = parse_session_token(token.text());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->id, token.id);
    EXPECT_EQ(parsed->secret, token.secret);
    EXPECT_NE(generate_session_token().text(), token.text());
}

TEST(SessionToken, MalformedTokensDoNotParse) {
    const auto good = generate_session_token();
    for (const auto& text :
         {std::string(), std::string("garbage"), good.id, good.id + "." + good.secret + "x",
          "X" + good.text().substr(1), good.id + "." + good.secret.substr(1) + "!"}) {
        EXPECT_FALSE(parse_session_token(text)) << text;
    }
}

TEST(SessionToken, OnlyTheRightSecretMatchesItsHash) {
    const auto token = generate_session_token();
    const auto hash = hash_token_secret(token.secret);
    EXPECT_EQ(hash.size(), 64u);
    EXPECT_TRUE(token_secret_matches(token.secret, hash));
    EXPECT_FALSE(token_secret_matches(generate_session_token().secret, hash));
    EXPECT_FALSE(token_secret_matches(token.secret, "not hex"));
}

Request with_header(std::string_view name, std::string_view value) {
    Request request{http::verb::get, "/", 11};
    request.set(name, value);
    return request;
}

TEST(BearerToken, ReadsAuthorizationAndAuthtokenHeaders) {
    EXPECT_EQ(token_from_headers(with_header("Authorization", "Bearer abc")), "abc");
    EXPECT_EQ(token_from_headers(with_header("Authorization", "bearer   abc ")), "abc");
    EXPECT_EQ(token_from_headers(with_header("Authtoken", "abc")), "abc");
    EXPECT_EQ(token_from_headers(with_header("Authtoken", "QSDK abc")), "abc");
    EXPECT_FALSE(token_from_headers(with_header("Authorization", "Basic dXNlcjpwdw==")));
    EXPECT_FALSE(token_from_headers(with_header("Authorization", "Bearer ")));
    EXPECT_FALSE(token_from_headers(Request{http::verb::get, "/", 11}));

    auto both = with_header("Authorization", "Basic dXNlcjpwdw==");
    both.set("Authtoken", "abc");
    EXPECT_EQ(token_from_headers(both), "abc");
}

}  // namespace
}  // namespace orgdesk::server
