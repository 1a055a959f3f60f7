// The server's log never holds a session token: sign in, use the token every way a client can
// send it (Bearer, Authtoken, QSDK Authtoken, a query string, a URL path by mistake, a sign-out),
// capture everything the server logs, and look for the token's secret in it.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "platform/demo_data.hpp"
#include "server/captured_log.hpp"
#include "server/server_fixture.hpp"
#include "server/session_token.hpp"

namespace orgdesk::server::testing {
namespace {

using RequestLog = ServerFixture;

TEST_F(RequestLog, NeverHoldsAToken) {
    CapturedLog log;
    const auto token = sign_in(kSeller);
    const auto parsed = parse_session_token(token);
    ASSERT_TRUE(parsed) << token;
    const std::string query =
        "?token=" + token + "&access_token=" + url_encode(token) + "&secret=" + parsed->secret;
    const std::vector<HttpRequest> requests{
        {"GET", "/api/v1/customers", {}, {{"Authorization", "Bearer " + token}}},
        {"GET", "/api/v1/customers" + query, {}, {{"Authorization", "Bearer " + token}}},
        {"GET", "/api/v1/orders" + query, {}, {}},
        {"GET", "/webservice/Organization", {}, {{"Authtoken", token}}},
        {"GET", "/webservice/Organization" + query, {}, {{"Authtoken", "QSDK " + token}}},
        {"GET", "/api/v1/customers/" + token, {}, {{"Authorization", "Bearer " + token}}},
        {"GET", "/api/v1/customers/" + url_encode(token) + "/audit", {}, {}},
        {"GET", "/" + token, {}, {}},
        {"GET", "/api/v1/auth/me", {}, {{"Authorization", "Bearer " + token}}},
        {"POST", "/api/v1/auth/logout", {}, {{"Authorization", "Bearer " + token}}},
        {"GET", "/api/v1/auth/me", {}, {{"Authorization", "Bearer " + token}}},
    };
    for (const auto& request : requests)
        client().send(request);
    server().stop();  // every answer's log line is written
    const auto text = log.text();
    // The log is there (one line per answered request), and none of it holds the secret.
    EXPECT_NE(text.find("GET /api/v1/customers 200"), std::string::npos) << text;
    EXPECT_NE(text.find("GET /api/v1/customers/<token> 404"), std::string::npos) << text;
    EXPECT_EQ(text.find(parsed->secret), std::string::npos) << text;
    EXPECT_EQ(text.find(token), std::string::npos) << text;
    EXPECT_EQ(text.find(platform::kDemoPassword), std::string::npos) << text;
    std::printf("request log: %zu requests carrying the token, %zu bytes logged, no token\n",
                requests.size() + 1, text.size());
}

// Issue 28, request ids: every answer names its request in X-Request-Id, a problem body says it
// as `requestId` (what a person's screenshot of an error shows), and the request's log line ends
// with it, so the one leads to the other.
bool is_server_made_id(const std::string& id) {
    return std::regex_match(id, std::regex("[0-9a-f]{32}"));
}

TEST_F(RequestLog, EveryAnswerNamesItsRequestAndEachGetsItsOwn) {
    std::set<std::string> ids;
    const auto token = sign_in(kSeller);
    for (const auto& response :
         {client().get("/healthz"), client().get("/api/v1/customers", token),
          client().get("/api/v1/nothing"), client().get("/api/v1/auth/me"),
          client().send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")}) {
        const auto id = response.header("X-Request-Id");
        EXPECT_TRUE(is_server_made_id(id)) << response.status << ": " << id;
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 5u) << "an id was given twice";
}

TEST_F(RequestLog, ASaneRequestIdFromTheClientIsKeptAndAnyOtherReplaced) {
    for (const std::string& sane :
         {std::string("a"), std::string("4bf92f3577b34da6a3ce929d0e0e4736"),
          std::string("req-2026.12.07:a_b"), std::string(64, 'x')}) {
        const auto response = client().send({"GET", "/healthz", {}, {{"X-Request-Id", sane}}});
        EXPECT_EQ(response.header("X-Request-Id"), sane);
    }
    // Too long, or with characters that could forge a log line or hide a secret.
    for (const std::string& insane :
         {std::string(65, 'x'), std::string("two words"), std::string("a\"b"),
          std::string("<script>"), std::string("Bearer%20x"), std::string("ä")}) {
        const auto response = client().send({"GET", "/healthz", {}, {{"X-Request-Id", insane}}});
        EXPECT_TRUE(is_server_made_id(response.header("X-Request-Id")))
            << insane << " → " << response.header("X-Request-Id");
    }
}

TEST_F(RequestLog, AProblemSaysItsRequestIdAndTheLogLineOfThatRequestEndsWithIt) {
    CapturedLog log;
    const auto token = sign_in(kSeller);
    const std::vector<std::pair<std::string, std::string>> json{
        {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
    std::vector<HttpResponse> answers{
        client().get("/api/v1/nothing"),                                  // 404
        client().get("/api/v1/customers"),                                // 401
        client().send({"POST", "/api/v1/customers", "{not json", json}),  // 400
        client().send({"GET",
                       "/api/v1/customers/00000000-0000-4000-8000-00000000dead",
                       {},
                       {{"Authorization", "Bearer " + token},
                        {"X-Request-Id", "support-ticket-4711"}}}),  // 404, the client's id
        client().send_head_only({"POST", "/api/v1/customers", {}, json},
                                2 * 1024 * 1024),  // 413: refused before the body is read
    };
    std::vector<std::string> ids;
    for (const auto& response : answers) {
        EXPECT_EQ(response.header("Content-Type"), "application/problem+json") << response.body;
        const auto id = response.header("X-Request-Id");
        ASSERT_FALSE(id.empty()) << response.status;
        EXPECT_EQ(response.json().at("requestId"), id) << response.body;
        EXPECT_TRUE(response.json().contains("detail")) << response.body;  // the rest is whole
        ids.push_back(id);
    }
    EXPECT_EQ(ids[3], "support-ticket-4711");
    server().stop();  // every answer's log line is written
    const auto text = log.text();
    const std::vector<std::string> lines{
        "GET /api/v1/nothing 404", "GET /api/v1/customers 401", "POST /api/v1/customers 400",
        "GET /api/v1/customers/00000000-0000-4000-8000-00000000dead 404",
        "POST /api/v1/customers 413"};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::regex line(std::regex_replace(lines[i], std::regex("[/.]"), "\\$&") +
                              " [0-9.]+ ms req=" + ids[i] + "\n");
        EXPECT_TRUE(std::regex_search(text, line)) << lines[i] << " req=" << ids[i] << "\n" << text;
    }
}

}  // namespace
}  // namespace orgdesk::server::testing
