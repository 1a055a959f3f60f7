// --log-format json on the real orgdesk-server binary (issue 28): standard output holds one JSON
// object a line, for a log collector; each request's line names its request id, method, route
// pattern, status, duration, user and tenant; no line holds a token, a password or a body.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "platform/demo_data.hpp"
#include "server/http_client.hpp"
#include "server/process_test_support.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        EXPECT_TRUE(nlohmann::json::accept(line)) << "not JSON: " << line;
        if (nlohmann::json::accept(line))
            lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

TEST(JsonLogFlag, EachLineIsAJsonObjectAndARequestsLineNamesItsRouteCallerAndId) {
    const auto dir = make_temp_dir();
    const auto logPath = (dir / "server.log").string();
    const auto bannerPath = (dir / "banner.log").string();
    ServerProcess server(ORGDESK_SERVER_BINARY,
                         {"--db", (dir / "orgdesk.db").string(), "--demo", "--log-format", "json"},
                         logPath, bannerPath);
    const HttpClient client(server.port());
    const auto seller = sign_in_to(client, "seller@demo.test");
    const std::string secretInBody = "Secret-Body-7f3a";
    const auto listed = client.send(
        {"GET",
         "/api/v1/customers?q=" + secretInBody,
         {},
         {{"Authorization", "Bearer " + seller.token}, {"X-Request-Id", "ticket-4711"}}});
    ASSERT_EQ(listed.status, 200) << listed.body;
    const auto refused = client.post_json(
        "/api/v1/auth/login",
        nlohmann::json{{"username", "seller@demo.test"}, {"password", secretInBody}}.dump());
    EXPECT_EQ(refused.status, 401) << refused.body;
    const auto missing = client.get("/api/v1/nothing");
    EXPECT_EQ(server.stop(), 0);

    const auto text = read_text(logPath);
    const auto lines = json_lines(text);
    ASSERT_FALSE(lines.empty()) << text;
    for (const auto& line : lines) {
        ASSERT_TRUE(line.is_object()) << line;
        EXPECT_TRUE(line.at("time").is_string()) << line;
        EXPECT_TRUE(line.at("level").is_string()) << line;
    }
    const auto request_line = [&](const std::string& requestId) {
        for (const auto& line : lines) {
            if (line.value("requestId", "") == requestId)
                return line;
        }
        ADD_FAILURE() << "no line of request " << requestId << " in\n" << text;
        return nlohmann::json::object();
    };
    const auto list = request_line("ticket-4711");
    EXPECT_EQ(list.value("method", ""), "GET");
    EXPECT_EQ(list.value("route", ""), "/api/v1/customers");
    EXPECT_EQ(list.value("status", 0), 200);
    EXPECT_TRUE(list.at("durationMs").is_number()) << list;
    EXPECT_EQ(list.value("userId", ""), seller.userId);
    EXPECT_EQ(list.value("tenantId", ""), platform::kDemoSellerOneId);
    EXPECT_EQ(list.value("level", ""), "info");

    const auto login = request_line(refused.header("X-Request-Id"));
    EXPECT_EQ(login.value("route", ""), "/api/v1/auth/login");
    EXPECT_EQ(login.value("status", 0), 401);
    EXPECT_TRUE(login.at("userId").is_null()) << login;  // nobody signed in
    const auto miss = request_line(missing.header("X-Request-Id"));
    EXPECT_TRUE(miss.at("route").is_null()) << miss;  // no route: not the raw path either
    EXPECT_EQ(miss.value("status", 0), 404);

    // The stop's own lines are messages.
    bool stopped = false;
    for (const auto& line : lines)
        stopped = stopped || line.value("message", "") == "stopped";
    EXPECT_TRUE(stopped) << text;

    EXPECT_EQ(text.find(seller.token), std::string::npos) << text;
    EXPECT_EQ(text.find(secretInBody), std::string::npos) << text;  // neither body nor query
    EXPECT_EQ(text.find("orgdesk-demo"), std::string::npos) << text;
    // The banner, for a person, went to standard error.
    EXPECT_NE(read_text(bannerPath).find("serving on"), std::string::npos);
}

TEST(JsonLogFlag, AnUnknownFormatStopsTheServerAtStart) {
    const auto dir = make_temp_dir();
    const auto log = (dir / "server.log").string();
    const int status = run_to_completion(
        ORGDESK_SERVER_BINARY,
        {"--db", (dir / "orgdesk.db").string(), "--port", "0", "--log-format", "yaml"}, log);
    EXPECT_NE(status, 0);
    EXPECT_NE(read_text(log).find("--log-format"), std::string::npos) << read_text(log);
}

}  // namespace
}  // namespace orgdesk::server::testing
