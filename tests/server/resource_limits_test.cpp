// Connection-level limits over real sockets: oversized bodies, slow headers, idle connections and
// the connection cap. Figures are printed, not asserted against tight times.
#include <cstdio>
#include <cstdlib>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "server/raw_connection.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

long long ms_since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

constexpr std::string_view kLoginHead =
    "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";

class ResourceLimits : public ServerFixture {};

TEST_F(ResourceLimits, HugeContentLengthIs413BeforeTheBodyIsRead) {
    // Announces a gigabyte, sends ten bytes and waits. Had the server waited for the body, it
    // would have closed without an answer after its 15 s I/O timeout, past the 10 s we wait.
    RawConnection connection(client().port());
    const auto started = Clock::now();
    ASSERT_TRUE(
        connection.send(std::string(kLoginHead) + "Content-Length: 1073741824\r\n\r\n{\"usernam"));
    const auto answer = connection.read_until_closed(10s);
    std::printf("[ figures ] 413 for a 1 GiB Content-Length after %lld ms, 10 bytes sent\n",
                ms_since(started));
    EXPECT_EQ(status_of(answer), 413) << answer;
    EXPECT_NE(answer.find("\"code\":\"body-too-large\""), std::string::npos) << answer;
    EXPECT_NE(answer.find("1048576 bytes"), std::string::npos) << answer;
}

TEST_F(ResourceLimits, ChunkedBodyOverOneMebibyteIs413) {
    RawConnection connection(client().port());
    ASSERT_TRUE(connection.send(std::string(kLoginHead) + "Transfer-Encoding: chunked\r\n\r\n"));
    const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";  // 64 KiB each
    int sent = 0;
    // Up to 2 MiB, stopping as soon as the answer comes (the server stops reading at 1 MiB).
    std::string answer;
    for (; sent < 32 && answer.empty(); ++sent) {
        if (!connection.send(chunk))
            break;
        answer = connection.read_until_closed(sent >= 16 ? 200ms : 0ms);
    }
    answer += connection.read_until_closed(5s);
    std::printf("[ figures ] chunked body refused after %d KiB sent\n", sent * 64);
    EXPECT_EQ(status_of(answer), 413) << answer;
    EXPECT_GE(sent, 16) << "refused before the body reached the limit";
}

class SlowHeaderLimits : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override { options.headerTimeout = 2s; }
};

TEST_F(SlowHeaderLimits, HeaderAtOneBytePerSecondIsCutOffWhileOthersAreServed) {
    auto slow = std::async(std::launch::async, [port = client().port()] {
        RawConnection connection(port);
        const std::string header = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        const auto started = Clock::now();
        int bytes = 0;
        for (; bytes < 60; ++bytes) {  // a minute's worth, if nobody cut it off
            if (!connection.send(std::string(1, header[bytes % header.size()])) ||
                connection.closed_within(1s))
                break;
        }
        return std::make_pair(bytes + 1, ms_since(started));
    });
    // Meanwhile, others are served.
    long long slowest = 0;
    for (int i = 0; i < 5; ++i) {
        const auto started = Clock::now();
        EXPECT_EQ(client().get("/healthz").status, 200);
        slowest = std::max(slowest, ms_since(started));
        std::this_thread::sleep_for(200ms);
    }
    const auto [bytes, elapsed] = slow.get();
    std::printf(
        "[ figures ] slow header cut off after %d bytes and %lld ms (header timeout 2000 ms); "
        "5 other requests meanwhile, slowest %lld ms\n",
        bytes, elapsed, slowest);
    // A deadline per read (one byte a second) would never have fired.
    EXPECT_LT(bytes, 60);
    EXPECT_LT(elapsed, 10'000);
}

int idle_connection_count() {
    const char* configured = std::getenv("ORGDESK_IDLE_CONNECTIONS");
    return configured != nullptr ? std::atoi(configured) : 2000;
}

TEST_F(ResourceLimits, ThousandsOfIdleConnectionsDoNotStarveARealRequest) {
    const auto openFiles = raise_open_file_limit();
    const int wanted = idle_connection_count();
    // Both ends of every connection live in this process.
    ASSERT_GT(openFiles, static_cast<std::uint64_t>(2 * wanted + 100))
        << "the open-file limit is too low for " << wanted << " connections";
    const auto opening = Clock::now();
    std::vector<RawConnection> idle;
    idle.reserve(static_cast<std::size_t>(wanted));
    for (int i = 0; i < wanted; ++i)
        idle.emplace_back(client().port());
    const auto openedMs = ms_since(opening);
    std::this_thread::sleep_for(500ms);  // let the server accept them all

    auto started = Clock::now();
    const auto health = client().get("/healthz");
    const auto healthMs = ms_since(started);
    started = Clock::now();
    const auto token = sign_in(kSeller);
    const auto signInMs = ms_since(started);
    started = Clock::now();
    const auto customers = client().get("/api/v1/customers?limit=20", token);
    const auto listMs = ms_since(started);
    std::printf(
        "[ figures ] %d idle connections held (opened in %lld ms); meanwhile GET /healthz "
        "%lld ms, sign-in %lld ms, customer list %lld ms\n",
        wanted, openedMs, healthMs, signInMs, listMs);
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(customers.status, 200);
    // They were held, not dropped: the first and the last are still open.
    EXPECT_FALSE(idle.front().closed_within(0ms));
    EXPECT_FALSE(idle.back().closed_within(0ms));
}

class ConnectionCap : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override { options.maxConnections = 20; }
};

TEST_F(ConnectionCap, AtTheCapTheLongestIdleConnectionMakesRoom) {
    std::vector<RawConnection> idle;
    for (int i = 0; i < 20; ++i) {
        idle.emplace_back(client().port());
        std::this_thread::sleep_for(10ms);  // accepted in this order, so the first is oldest
    }
    std::this_thread::sleep_for(200ms);
    const auto started = Clock::now();
    const auto health = client().get("/healthz");
    std::printf("[ figures ] at the cap of 20 idle connections, a new request took %lld ms\n",
                ms_since(started));
    EXPECT_EQ(health.status, 200);
    EXPECT_TRUE(idle.front().closed_within(2s)) << "the longest idle connection made room";
    EXPECT_FALSE(idle.back().closed_within(0ms)) << "a newer idle connection stays open";
}

class BusyConnectionCap : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override { options.maxConnections = 3; }
};

TEST_F(BusyConnectionCap, WhenEveryConnectionIsBusyANewOneGets503) {
    const auto token = sign_in(kSeller);
    const auto cursor =
        client().get("/api/v1/changes", token).json().at("cursor").get<std::string>();
    std::this_thread::sleep_for(200ms);  // the sign-in connections have closed
    // Three long polls keep all three connections busy.
    std::vector<RawConnection> polls;
    for (int i = 0; i < 3; ++i) {
        polls.emplace_back(client().port());
        ASSERT_TRUE(polls.back().send("GET /api/v1/changes?after=" + cursor +
                                      "&wait=20 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                      token + "\r\n\r\n"));
    }
    std::this_thread::sleep_for(300ms);
    RawConnection extra(client().port());
    const auto answer = extra.read_until_closed(5s);
    EXPECT_EQ(status_of(answer), 503) << answer;
    EXPECT_NE(answer.find("Retry-After: 1"), std::string::npos) << answer;
    EXPECT_NE(answer.find("\"code\":\"server-busy\""), std::string::npos) << answer;
}

}  // namespace
}  // namespace orgdesk::server::testing
