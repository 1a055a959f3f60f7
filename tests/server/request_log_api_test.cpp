// The server's log never holds a session token: sign in, use the token every way a client can
// send it (Bearer, Authtoken, QSDK Authtoken, a query string, a URL path by mistake, a sign-out),
// capture everything the server logs, and look for the token's secret in it.
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"
#include "server/session_token.hpp"

namespace orgdesk::server::testing {
namespace {

// Sends every log line of the process to `out` while it lives; the previous logger after.
class CapturedLog {
  public:
    CapturedLog() : previous_(spdlog::default_logger()), previousLevel_(previous_->level()) {
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
        auto logger = std::make_shared<spdlog::logger>("captured", sink);
        logger->set_level(spdlog::level::trace);
        logger->flush_on(spdlog::level::trace);
        spdlog::set_default_logger(logger);
    }
    ~CapturedLog() {
        spdlog::set_default_logger(previous_);
        previous_->set_level(previousLevel_);
    }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;

    std::string text() const { return out_.str(); }

  private:
    std::ostringstream out_;
    std::shared_ptr<spdlog::logger> previous_;
    spdlog::level::level_enum previousLevel_;
};

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

}  // namespace
}  // namespace orgdesk::server::testing
