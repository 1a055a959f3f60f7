// The HTTP layer: routing misses, limits, timeouts, keep-alive, headers, health.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

#include "server/raw_connection.hpp"
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

// Issue 21, finding 6: the console uses no camera, microphone, location, payment or device API,
// so no page of this origin (nor anything it frames) may ask for them; it writes ids to the
// clipboard, so that stays allowed for itself. Every answer says so, refusals included.
constexpr const char* kPermissionsPolicy =
    "accelerometer=(), autoplay=(), camera=(), clipboard-read=(), clipboard-write=(self), "
    "display-capture=(), encrypted-media=(), geolocation=(), gyroscope=(), hid=(), "
    "idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), "
    "usb=(), xr-spatial-tracking=()";

// The answers of every path through the server: a route, a miss, a refused sign-in, a request
// that is not HTTP, and one whose header is too large.
std::vector<HttpResponse> answers_of_every_kind(const HttpClient& client) {
    return {client.get("/healthz"), client.get("/api/v1/nothing"), client.get("/api/v1/auth/me"),
            client.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"),
            client.send({"GET", "/healthz", {}, {{"X-Padding", std::string(9 * 1024, 'a')}}})};
}

TEST_F(HttpProtocol, EveryAnswerCarriesThePermissionsPolicy) {
    const auto answers = answers_of_every_kind(client());
    for (const auto& response : answers)
        EXPECT_EQ(response.header("Permissions-Policy"), kPermissionsPolicy) << response.status;
    EXPECT_EQ(answers[3].status, 400);
    EXPECT_EQ(answers[4].status, 431);
}

// Without an https public URL the server cannot know that browsers reach it over TLS: telling
// them to use nothing else could lock them out.
TEST_F(HttpProtocol, NoStrictTransportSecurityWithoutAPublicHttpsUrl) {
    for (const auto& response : answers_of_every_kind(client()))
        EXPECT_EQ(response.header("Strict-Transport-Security"), "") << response.status;
}

template <const char* kPublicUrl>
class PublicUrlHttpProtocol : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override {
        options.publicUrl = parse_public_url(kPublicUrl).value();
    }
};
constexpr char kHttpsPublicUrl[] = "https://portal.example.com";
constexpr char kHttpPublicUrl[] = "http://portal.example.com:8080/";
using HttpsPublicUrlHttpProtocol = PublicUrlHttpProtocol<kHttpsPublicUrl>;
using HttpPublicUrlHttpProtocol = PublicUrlHttpProtocol<kHttpPublicUrl>;

TEST_F(HttpsPublicUrlHttpProtocol, EveryAnswerCarriesStrictTransportSecurity) {
    for (const auto& response : answers_of_every_kind(client())) {
        EXPECT_EQ(response.header("Strict-Transport-Security"),
                  "max-age=31536000; includeSubDomains")
            << response.status;
        EXPECT_EQ(response.header("Permissions-Policy"), kPermissionsPolicy) << response.status;
    }
}

TEST_F(HttpPublicUrlHttpProtocol, APlainHttpPublicUrlSendsNoStrictTransportSecurity) {
    for (const auto& response : answers_of_every_kind(client()))
        EXPECT_EQ(response.header("Strict-Transport-Security"), "") << response.status;
}

// `bytes` as one chunk of a chunked body, then the last chunk.
std::string chunked_body(const std::string& bytes) {
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", bytes.size());
    return size + bytes + "\r\n0\r\n\r\n";
}

std::size_t count_of(std::string_view text, std::string_view part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

// Issue 21, finding 4. A proxy in front that reads "xchunked" or "chunked, identity" differently
// from this server disagrees on where the body ends, and the body's bytes become a request of
// their own (request smuggling); RFC 9112 §6.1 says to refuse what is not chunked with 400 and
// close. Here the body is chunked and holds a request that must never be answered.
TEST_F(HttpProtocol, TransferEncodingOtherThanChunkedIs400AndEndsTheConnection) {
    const std::string smuggled = "GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n";
    for (const std::string transferEncoding :
         {"Transfer-Encoding: xchunked\r\n", "Transfer-Encoding: chunked, identity\r\n",
          "Transfer-Encoding: identity\r\n", "Transfer-Encoding: gzip, chunked\r\n",
          "Transfer-Encoding: chunked, chunked\r\n", "Transfer-Encoding: chunked;ext=1\r\n",
          "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"}) {
        RawConnection connection(client().port());
        ASSERT_TRUE(connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n" + transferEncoding +
                                    "\r\n" + chunked_body(smuggled)));
        const auto answer = connection.read_until_closed(5s);
        EXPECT_EQ(status_of(answer), 400) << transferEncoding << answer;
        EXPECT_NE(answer.find("Content-Type: application/problem+json"), std::string::npos)
            << answer;
        EXPECT_NE(answer.find(R"("code":"unsupported-transfer-encoding")"), std::string::npos)
            << answer;
        EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
        EXPECT_EQ(count_of(answer, "HTTP/1.1 "), 1u) << "more than one answer:\n" << answer;
    }
}

// "chunked" in any case, with spaces around it, is still chunked: the body is read to its last
// chunk and the request after it on the connection is answered as its own.
TEST_F(HttpProtocol, ChunkedInAnyCaseIsServed) {
    for (const char* chunked : {"chunked", "Chunked", "CHUNKED", "chunked ", "\tchunked"}) {
        RawConnection connection(client().port());
        ASSERT_TRUE(connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " +
                                    std::string(chunked) + "\r\n\r\n" + chunked_body("{}") +
                                    "GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\n"
                                    "Connection: close\r\n\r\n"));
        const auto answer = connection.read_until_closed(5s);
        EXPECT_EQ(status_of(answer), 200) << chunked << ": " << answer;
        EXPECT_EQ(count_of(answer, "HTTP/1.1 "), 2u) << chunked << ": " << answer;
        EXPECT_NE(answer.find("HTTP/1.1 404 Not Found"), std::string::npos) << answer;
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
