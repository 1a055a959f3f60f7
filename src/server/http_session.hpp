#pragma once
// One HTTP connection: reads requests within the connection limits, answers each through the
// HttpApplication, and keeps the connection alive between them. All of its work runs on its own
// strand, so it needs no locks.
#include <chrono>
#include <memory>
#include <optional>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/connection_limits.hpp"
#include "server/http_application.hpp"
#include "server/http_types.hpp"
#include "server/problems.hpp"

namespace orgdesk::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(boost::asio::ip::tcp::socket&& socket, const HttpApplication& application,
                const ConnectionLimits& limits);

    void start();

    // For shutdown, from any thread: a connection waiting for a request closes now; one in the
    // middle of a request answers it (with "Connection: close") and then closes.
    void close_when_idle();

  private:
    void read_request();
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
    // A parser reads one message, so each request gets a fresh one.
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<void> answerInFlight_;  // the response async_write is sending
    std::chrono::steady_clock::time_point requestStarted_;
    std::optional<boost::asio::steady_timer> deferredTimer_;  // while a long poll waits
    bool waitingForRequest_ = false;
    bool closing_ = false;
};

}  // namespace orgdesk::server
