// Issue 28: what an operator collects (GET /metrics and the JSON request log) never holds a
// secret or a person's data. Every route the server has is called, signed in and not, with a
// token, an email address, a password and a reference of a customer in the headers and the
// body; then neither the metrics text nor any log line holds any of them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <boost/beast/http/verb.hpp>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "platform/demo_data.hpp"
#include "server/captured_log.hpp"
#include "server/router.hpp"
#include "server/server_fixture.hpp"
#include "server/session_token.hpp"

namespace orgdesk::server::testing {
namespace {

const std::string kSecretEmail = "leak.check-9d1e@secret.test";
const std::string kSecretPassword = "Leak-Password-9d1e";
const std::string kSecretText = "Leak-Reference-9d1e";

// A body any route might read, every member holding a secret.
std::string secret_body() {
    const nlohmann::json contact{{"name", kSecretText}, {"email", kSecretEmail}};
    return nlohmann::json{{"username", kSecretEmail},
                          {"password", kSecretPassword},
                          {"currentPassword", kSecretPassword},
                          {"newPassword", kSecretPassword + "-new"},
                          {"name", kSecretText},
                          {"email", kSecretEmail},
                          {"reason", kSecretText},
                          {"customerReference", kSecretText},
                          {"primaryContact", contact},
                          {"newOwner", contact},
                          {"billing", {{"email", kSecretEmail}, {"company", kSecretText}}}}
        .dump();
}

// The route's pattern with each "{name}" filled: a real customer where one is named, so the
// handler reads the body, and an id of nothing elsewhere.
std::string path_of(const std::string& pattern, const std::string& customerId) {
    static const std::regex parameter(R"(\{([A-Za-z]+)\})");
    std::string path;
    auto last = pattern.cbegin();
    for (std::sregex_iterator it(pattern.begin(), pattern.end(), parameter), end; it != end; ++it) {
        path.append(last, pattern.cbegin() + it->position());
        path += (*it)[1] == "customerId" ? customerId : "00000000-0000-4000-8000-00000000beef";
        last = pattern.cbegin() + it->position() + it->length();
    }
    path.append(last, pattern.cend());
    return path;
}

// Sign-outs last, so the token is good for every other route.
bool ends_a_session(const Route& route) {
    return route.pattern.find("ogout") != std::string::npos;
}

using TelemetrySecrets = ServerFixture;

TEST_F(TelemetrySecrets, NoTokenEmailOrPasswordReachesMetricsOrTheJsonLog) {
    CapturedLog log;
    CapturedJsonRequestLog requestLog;
    const auto token = sign_in(kSeller);
    const auto secret = parse_session_token(token).value().secret;
    const auto customer = customer_in_status(token, "Active");

    std::vector<const Route*> routes;
    for (const auto& route : server().router().routes())
        routes.push_back(&route);
    std::stable_partition(routes.begin(), routes.end(),
                          [](const Route* route) { return !ends_a_session(*route); });
    std::size_t sent = 0;
    for (const auto* route : routes) {
        const std::string method(boost::beast::http::to_string(route->method));
        const auto path = path_of(route->pattern, customer);
        const std::vector<std::pair<std::string, std::string>> secretHeaders{
            {"Content-Type", "application/json"},
            {"Cookie", "session=" + token},
            {"X-Forwarded-For", kSecretEmail},
            {"From", kSecretEmail}};
        auto signedIn = secretHeaders;
        signedIn.emplace_back("Authorization", "Bearer " + token);
        auto commvault = secretHeaders;
        commvault.emplace_back("Authtoken", "QSDK " + token);
        for (const auto& headers : {secretHeaders, signedIn, commvault}) {
            client().send(
                {method, path + "?email=" + url_encode(kSecretEmail), secret_body(), headers});
            ++sent;
        }
    }
    const auto metrics = client().get("/metrics");
    ASSERT_EQ(metrics.status, 200) << metrics.body;
    server().stop();  // every answer's log line is written

    const auto requestLines = requestLog.text();
    ASSERT_NE(requestLines.find("\"route\":\"/api/v1/customers/{customerId}\""), std::string::npos)
        << requestLines;
    for (const auto& [what, text] :
         {std::pair{"/metrics", metrics.body}, std::pair{"the JSON request log", requestLines},
          std::pair{"the log", log.text()}}) {
        for (const auto& leak : {token, secret, kSecretEmail, kSecretPassword, kSecretText,
                                 std::string(platform::kDemoPassword), std::string(kSeller),
                                 std::string("@demo.test"), customer}) {
            EXPECT_EQ(text.find(leak), std::string::npos) << what << " holds " << leak;
        }
    }
    std::printf(
        "telemetry: %zu routes, %zu requests with secrets; /metrics %zu bytes, request "
        "log %zu bytes, log %zu bytes, none holds one\n",
        routes.size(), sent + 1, metrics.body.size(), requestLines.size(), log.text().size());
}

}  // namespace
}  // namespace orgdesk::server::testing
