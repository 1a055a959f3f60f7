#include "server/listener.hpp"

#include <stdexcept>
#include <string>

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>

#include "server/http_session.hpp"
#include "server/problems.hpp"
#include "server/request_id.hpp"

namespace orgdesk::server {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using net::ip::tcp;

// Answers 503 on a connection over the cap (every open one busy), then closes it.
void refuse_connection(tcp::socket socket, const HttpApplication& application,
                       RequestMetrics& metrics) {
    // No request was read: counted as one no route took, of no known method.
    metrics.record(metrics.row_of(nullptr, http::verb::unknown, false), 503, {});
    auto stream = std::make_shared<tcp::socket>(std::move(socket));
    Response refusal = application.refuse(too_many_connections(), 11);
    tag_with_request_id(refusal, new_request_id());  // no request was read: a new id
    auto answer = std::make_shared<StringResponse>(std::get<StringResponse>(std::move(refusal)));
    http::async_write(*stream, *answer, [stream, answer](beast::error_code, std::size_t) {
        beast::error_code ignored;
        stream->shutdown(tcp::socket::shutdown_send, ignored);
    });
}

std::string describe(const tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    const std::string host =
        address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return host + ":" + std::to_string(endpoint.port());
}

}  // namespace

Listener::Listener(const std::vector<net::io_context*>& contexts, const tcp::endpoint& endpoint,
                   const HttpApplication& application, const ConnectionLimits& limits,
                   SessionRegistry& sessions, RequestMetrics& metrics)
    : contexts_(contexts),
      acceptor_(*contexts.front()),
      application_(application),
      limits_(limits),
      sessions_(sessions),
      metrics_(metrics) {
    beast::error_code ec;
    const auto check = [&](const char* step) {
        if (ec) {
            throw std::runtime_error("Cannot " + std::string(step) + " " + describe(endpoint) +
                                     ": " + ec.message() + ".");
        }
    };
    acceptor_.open(endpoint.protocol(), ec);
    check("open a socket for");
    // Lets a restarted server bind again while the old connections linger in TIME_WAIT.
    acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    check("configure");
    acceptor_.bind(endpoint, ec);
    check("listen on");
    acceptor_.listen(net::socket_base::max_listen_connections, ec);
    check("listen on");
}

std::uint16_t Listener::port() const {
    return acceptor_.local_endpoint().port();
}

void Listener::start() {
    net::dispatch(acceptor_.get_executor(),
                  beast::bind_front_handler(&Listener::accept, shared_from_this()));
}

void Listener::stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
        beast::error_code ignored;
        self->acceptor_.close(ignored);
        // After the close, on the acceptor's thread: no connection can be accepted past this
        // point.
        self->sessions_.close_all();
    });
}

void Listener::accept() {
    // A connection lives on one thread, so its handlers never run at once and need no strand.
    auto& context = *contexts_[nextContext_];
    nextContext_ = (nextContext_ + 1) % contexts_.size();
    acceptor_.async_accept(context,
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open())
        return;  // stopped
    if (ec) {
        // Out of file descriptors, say: this connection is lost, the next may work.
        spdlog::warn("could not accept a connection: {}", ec.message());
    } else {
        auto session =
            std::make_shared<HttpSession>(std::move(socket), application_, limits_, metrics_);
        if (sessions_.admit(session, limits_.maxConnections))
            session->start();
        else
            refuse_connection(session->release_socket(), application_, metrics_);
    }
    accept();
}

}  // namespace orgdesk::server
