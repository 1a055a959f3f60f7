// The HTTP layer: routing misses, limits, timeouts, keep-alive, headers, health.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <future>
#include <thread>

#include "server/router.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

using namespace std::chrono_literals;

class HttpProtocol : public ServerFixture {};

TEST_F(HttpProtocol, HealthzAnswersOk) {
    const auto response = client().get("/healthz");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.json(), nlohmann::json({{"status", "ok"}}));
}

TEST_F(HttpProtocol, UnknownApiPathIs404Problem) {
    const auto response = client().get("/api/v1/nothing-here");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(response.json().at("code"), "route-not-found");
}

TEST_F(HttpProtocol, NonApiPathWithoutWebRootIs404) {
    EXPECT_EQ(client().get("/index.html").status, 404);
}

TEST_F(HttpProtocol, WrongMethodIs405ListingTheAllowedOnes) {
    const auto response = client().send({"POST", "/api/v1/customers/some-id", {}, {}});
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.header("Allow"), "DELETE, GET, PATCH");
    EXPECT_EQ(response.json().at("status"), 405);
}

TEST_F(HttpProtocol, RouteTableIsInspectable) {
    const auto& routes = server().router().routes();
    const auto approve = std::find_if(routes.begin(), routes.end(), [](const Route& route) {
        return route.pattern == "/api/v1/customers/{customerId}/approve";
    });
    ASSERT_NE(approve, routes.end());
    EXPECT_EQ(approve->method, http::verb::put);
    EXPECT_EQ(approve->access, Access::SignedIn);
    EXPECT_EQ(approve->action, core::OrgAction::Approve);
}

TEST_F(HttpProtocol, EverySignedInRouteRefusesARequestWithoutAToken) {
    for (const auto& route : server().router().routes()) {
        if (route.access != Access::SignedIn)
            continue;
        // "{customerId}" and the like stand for any id.
        std::string target = route.pattern;
        for (auto open = target.find('{'); open != std::string::npos; open = target.find('{')) {
            target.replace(open, target.find('}', open) - open + 1, "x");
        }
        const auto response =
            client().send({std::string(http::to_string(route.method)), target, {}, {}});
        EXPECT_EQ(response.status, 401) << route.pattern;
    }
}

TEST_F(HttpProtocol, BodyOverTheLimitIs413BeforeItIsSent) {
    const auto response = client().send_head_only(
        {"POST", "/api/v1/auth/login", {}, {{"Content-Type", "application/json"}}},
        2 * 1024 * 1024);
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(response.json().at("status"), 413);
    EXPECT_EQ(response.header("Connection"), "close");
}

TEST_F(HttpProtocol, HeadersOverTheLimitAre431) {
    const auto response =
        client().send({"GET", "/healthz", {}, {{"X-Padding", std::string(9 * 1024, 'a')}}});
    EXPECT_EQ(response.status, 431);
}

TEST_F(HttpProtocol, ExpectContinueWithinTheLimitIsServed) {
    // A body within the limit, announced with Expect: 100-continue as curl does.
    const std::string body = R"({"username":"x","password":"y"})";
    const auto response =
        client().send({"POST",
                       "/api/v1/auth/login",
                       body,
                       {{"Content-Type", "application/json"}, {"Expect", "100-continue"}}});
    EXPECT_EQ(response.status, 401);
}

TEST_F(HttpProtocol, MalformedRequestIs400) {
    const auto response =
        client().send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    EXPECT_EQ(response.status, 400);
}

TEST_F(HttpProtocol, ConnectionServesSeveralRequests) {
    const auto responses = client().send_pipelined({{"GET", "/healthz", {}, {}},
                                                    {"GET", "/api/v1/nothing", {}, {}},
                                                    {"GET", "/healthz", {}, {}}});
    ASSERT_EQ(responses.size(), 3u);
    EXPECT_EQ(responses[0].status, 200);
    EXPECT_EQ(responses[1].status, 404);
    EXPECT_EQ(responses[2].status, 200);
}

TEST_F(HttpProtocol, ApiAnswersCarrySecurityHeadersAndAreNeverCached) {
    for (const auto& response : {client().get("/healthz"), client().get("/api/v1/nothing"),
                                 client().get("/api/v1/auth/me")}) {
        EXPECT_EQ(response.header("Cache-Control"), "no-store");
        EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
        EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer");
        EXPECT_NE(response.header("Content-Security-Policy").find("frame-ancestors 'none'"),
                  std::string::npos);
    }
}

class SmallLimitsHttpProtocol : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override {
        options.maxBodyBytes = 1024;
        options.ioTimeout = 300ms;
    }
};

TEST_F(SmallLimitsHttpProtocol, ChunkedBodyOverTheLimitIs413) {
    const std::string chunk(1500, 'a');
    std::string request =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n";
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
    request += size + chunk + "\r\n0\r\n\r\n";
    EXPECT_EQ(client().send_raw(request).status, 413);
}

TEST_F(SmallLimitsHttpProtocol, BodyLimitIsConfigurable) {
    const auto response = client().post_json("/api/v1/auth/login", std::string(2000, ' '));
    EXPECT_EQ(response.status, 413);
}

TEST_F(SmallLimitsHttpProtocol, IdleConnectionIsClosedAfterTheTimeout) {
    EXPECT_TRUE(client().closed_when_idle(3s));
}

TEST_F(HttpProtocol, StopClosesIdleConnectionsPromptly) {
    // A keep-alive connection that sends nothing must not hold the shutdown for its timeout.
    auto idle = std::async(std::launch::async, [&] { return client().closed_when_idle(10s); });
    std::this_thread::sleep_for(100ms);
    const auto started = std::chrono::steady_clock::now();
    server().stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    EXPECT_TRUE(idle.get());
}

}  // namespace
}  // namespace orgdesk::server::testing
