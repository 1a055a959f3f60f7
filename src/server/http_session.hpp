#pragma once
// One HTTP connection: reads requests within the connection limits, answers each through the
// HttpApplication, and keeps the connection alive between them. All of its work runs on the one
// thread of its I/O context, so it needs no locks.
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/connection_limits.hpp"
#include "server/http_application.hpp"
#include "server/http_types.hpp"
#include "server/problems.hpp"
#include "server/request_metrics.hpp"

namespace orgdesk::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(boost::asio::ip::tcp::socket&& socket, const HttpApplication& application,
                const ConnectionLimits& limits, RequestMetrics& metrics);

    void start();
    // The socket, taken back from a session that will not start (refused over the cap).
    boost::asio::ip::tcp::socket release_socket() { return stream_.release_socket(); }

    // For shutdown, from any thread: a connection waiting for a request closes now; one in the
    // middle of a request answers it (with "Connection: close") and then closes.
    void close_when_idle();

    // From any thread: since when the connection has waited for a request with nothing of it
    // read yet (nullopt: busy, or asked to close), so the longest idle can make room.
    std::optional<std::chrono::steady_clock::time_point> idle_since() const;

  private:
    void read_request();
    void on_first_bytes(boost::beast::error_code ec, std::size_t bytes);
    void read_header();
    void on_header(boost::beast::error_code ec, std::size_t bytes);
    void read_body();
    void on_request(boost::beast::error_code ec, std::size_t bytes);
    void on_read_error(boost::beast::error_code ec);
    void wait_for(DeferredResponse deferred);
    void send(Response response);
    void on_sent(bool keepAlive, unsigned status, boost::beast::error_code ec, std::size_t bytes);
    void close();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    const HttpApplication& application_;
    ConnectionLimits limits_;
    RequestMetrics& metrics_;    // every answer is counted there
    std::string clientAddress_;  // the peer's IP address, for the sign-in throttle
    // A parser reads one message, so each request gets a fresh one.
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<void> answerInFlight_;  // the response async_write is sending
    std::chrono::steady_clock::time_point requestStarted_;
    std::string requestId_;  // of the request being read or answered: on its answer and log line
    RequestFacts facts_;     // the route and caller of that request, for a JSON log line
    std::optional<boost::asio::steady_timer> deferredTimer_;  // while a long poll waits
    bool waitingForRequest_ = false;
    bool closing_ = false;
    // Read from other threads: steady_clock ticks since idle began, 0 while busy or closing.
    std::atomic<std::chrono::steady_clock::rep> idleSince_{0};
};

}  // namespace orgdesk::server
