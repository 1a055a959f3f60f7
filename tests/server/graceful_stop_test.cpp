// SIGTERM stops the real orgdesk-server binary cleanly: requests in progress get their answers
// (a long poll at once, a request whose body is still arriving once it has arrived, and its write
// is kept), new connections are refused from the signal on, and the process exits with 0 after
// logging that it stopped.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdio>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "server/http_client.hpp"
#include "server/process_test_support.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using net::ip::tcp;
using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

bool connection_refused(std::uint16_t port) {
    net::io_context context;
    tcp::socket socket(context);
    boost::system::error_code ec;
    socket.connect({net::ip::make_address("127.0.0.1"), port}, ec);
    return ec == net::error::connection_refused;
}

// A client that sends a request's head and the first half of its body, and the rest only when
// told to: a request the server is in the middle of reading.
class HalfSentRequest {
  public:
    HalfSentRequest(std::uint16_t port, const std::string& target, const std::string& token,
                    std::string body)
        : socket_(context_), body_(std::move(body)) {
        socket_.connect({net::ip::make_address("127.0.0.1"), port});
        const std::string head = "POST " + target +
                                 " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                 "\r\nAuthorization: Bearer " + token +
                                 "\r\nContent-Type: application/json\r\nContent-Length: " +
                                 std::to_string(body_.size()) + "\r\n\r\n";
        net::write(socket_, net::buffer(head + body_.substr(0, body_.size() / 2)));
    }

    // Sends the rest and reads the answer; throws if the server reset the connection instead.
    HttpResponse finish() {
        net::write(socket_, net::buffer(body_.substr(body_.size() / 2)));
        boost::beast::flat_buffer buffer;
        http::response<http::string_body> message;
        http::read(socket_, buffer, message);
        HttpResponse response;
        response.status = static_cast<int>(message.result_int());
        response.body = message.body();
        return response;
    }

  private:
    net::io_context context_;
    tcp::socket socket_;
    std::string body_;
};

}  // namespace

TEST(GracefulStop, SigtermAnswersRequestsInProgressRefusesNewOnesAndExitsCleanly) {
    const auto dir = make_temp_dir();
    const auto database = dir / "orgdesk.db";
    const auto log = (dir / "server.log").string();
    const std::vector<std::string> arguments{"--db", database.string(), "--demo", "--threads", "2"};
    ServerProcess server(ORGDESK_SERVER_BINARY, arguments, log);
    const auto port = server.port();
    const HttpClient client(port);
    const auto seller = sign_in_to(client, kSeller).token;
    const auto owner = sign_in_to(client, kOwner).token;

    // Long polls from two tenants, waiting for changes that will not come (up to 25 s).
    std::vector<std::future<std::pair<HttpResponse, SteadyClock::time_point>>> polls;
    for (const auto& token : {seller, owner, seller}) {
        const auto cursor =
            client.get("/api/v1/changes", token).json().at("cursor").get<std::string>();
        polls.push_back(std::async(std::launch::async, [&client, token, cursor] {
            auto answer = client.get("/api/v1/changes?after=" + cursor + "&wait=25", token);
            return std::make_pair(std::move(answer), SteadyClock::now());
        }));
    }
    HalfSentRequest upload(port, "/api/v1/customers", seller,
                           new_customer_body("Drained Request Oy", "ada@drain.example").dump());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // all of them in progress

    const auto signalled = SteadyClock::now();
    server.terminate();

    // From the signal on, nobody new gets in (while the upload still holds the server open).
    bool refused = false;
    for (int i = 0; i < 200 && !refused; ++i) {
        refused = connection_refused(port);
        if (!refused)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(refused) << "a new connection was still accepted after SIGTERM";

    // Every long poll gets a real answer, without waiting out its 25 s.
    long long slowestPollMs = 0;
    for (auto& poll : polls) {
        const auto [answer, at] = poll.get();
        EXPECT_EQ(answer.status, 200) << answer.body;
        EXPECT_EQ(answer.json().at("changed"), false);
        EXPECT_EQ(answer.header("Connection"), "close");
        slowestPollMs = std::max<long long>(
            slowestPollMs,
            std::chrono::duration_cast<std::chrono::milliseconds>(at - signalled).count());
    }

    // The request whose body was still arriving is read to its end, done and answered.
    const auto created = upload.finish();
    EXPECT_EQ(created.status, 201) << created.body;
    const auto id = json::parse(created.body).at("id").get<std::string>();

    EXPECT_EQ(server.wait_for_exit(), 0);
    const auto stoppedMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - signalled)
            .count();
    const auto output = read_text(log);
    EXPECT_NE(output.find("stopping: finishing the requests in progress"), std::string::npos)
        << output;
    EXPECT_NE(output.find("stopped"), std::string::npos) << output;

    // The drained write is kept: the next start serves it.
    ServerProcess again(ORGDESK_SERVER_BINARY, arguments, log);
    const HttpClient next(again.port());
    const auto kept = next.get("/api/v1/customers/" + id, sign_in_to(next, kSeller).token);
    EXPECT_EQ(kept.status, 200) << kept.body;
    EXPECT_EQ(again.stop(), 0);

    std::printf(
        "[graceful-stop] SIGTERM with 3 long polls and a half-sent create in progress: polls "
        "answered within %lld ms, new connections refused, the create answered 201 and kept, "
        "exit 0 after %lld ms\n",
        slowestPollMs, static_cast<long long>(stoppedMs));
    std::filesystem::remove_all(dir);
}

}  // namespace orgdesk::server::testing
