#include "server/http_session.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <iterator>

#include "core/text.hpp"
#include "server/request_id.hpp"
#include "server/request_log.hpp"

namespace orgdesk::server {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;

bool is_continue_expected(const Request& header) {
    return core::equal_ignoring_case(header[http::field::expect], "100-continue");
}

std::string peer_address(const net::ip::tcp::socket& socket) {
    beast::error_code ec;
    const auto peer = socket.remote_endpoint(ec);
    return ec ? std::string() : peer.address().to_string();
}

// RFC 9112 §6.1: a transfer coding the server does not decode leaves it unable to tell where the
// body ends, and a proxy in front that reads the field otherwise ("xchunked", "chunked, identity")
// would have the rest of the body taken for a request of its own (request smuggling). "chunked"
// is the one coding this server decodes: it is the only value accepted, in a single field.
bool has_unsupported_transfer_encoding(const Request& header) {
    const auto [first, end] = header.equal_range(http::field::transfer_encoding);
    if (first == end)
        return false;
    if (std::next(first) != end)
        return true;
    return !core::equal_ignoring_case(core::trim(first->value()), "chunked");
}

// Read while waiting for a request to begin: the rest of the header follows under its own
// deadline.
constexpr std::size_t kFirstReadBytes = 1024;

}  // namespace

HttpSession::HttpSession(net::ip::tcp::socket&& socket, const HttpApplication& application,
                         const ConnectionLimits& limits, RequestMetrics& metrics)
    : stream_(std::move(socket)),
      application_(application),
      limits_(limits),
      metrics_(metrics),
      clientAddress_(peer_address(stream_.socket())) {}

void HttpSession::start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&HttpSession::read_request, shared_from_this()));
}

std::optional<std::chrono::steady_clock::time_point> HttpSession::idle_since() const {
    const auto ticks = idleSince_.load();
    if (ticks == 0)
        return std::nullopt;
    return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(ticks));
}

void HttpSession::close_when_idle() {
    idleSince_ = 0;  // asked once is enough
    net::post(stream_.get_executor(), [self = shared_from_this()] {
        self->closing_ = true;
        if (self->waitingForRequest_)
            self->stream_.cancel();
        if (self->deferredTimer_)
            self->deferredTimer_->cancel();  // a long poll answers now, as if its time were up
    });
}

void HttpSession::read_request() {
    if (closing_)
        return close();
    parser_.emplace();
    parser_->header_limit(limits_.maxHeaderBytes);
    // Checked against Content-Length as soon as the header is in, so an oversized body is
    // refused before any of it is read; a chunked body is cut off when it crosses the limit.
    parser_->body_limit(limits_.maxBodyBytes);
    waitingForRequest_ = true;
    if (buffer_.size() > 0)
        return read_header();  // the next pipelined request has begun already
    // Idle between requests (keep-alive) for at most the I/O timeout.
    idleSince_ = std::chrono::steady_clock::now().time_since_epoch().count();
    stream_.expires_after(limits_.ioTimeout);
    stream_.async_read_some(
        buffer_.prepare(kFirstReadBytes),
        beast::bind_front_handler(&HttpSession::on_first_bytes, shared_from_this()));
}

void HttpSession::on_first_bytes(beast::error_code ec, std::size_t bytes) {
    idleSince_ = 0;
    if (ec)
        return on_read_error(ec);
    buffer_.commit(bytes);
    read_header();
}

void HttpSession::read_header() {
    // One deadline for the whole header from its first byte, not one per read, so a client
    // sending a byte a second cannot hold the connection open.
    stream_.expires_after(limits_.headerTimeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&HttpSession::on_header, shared_from_this()));
}

void HttpSession::on_header(beast::error_code ec, std::size_t /*bytes*/) {
    waitingForRequest_ = false;
    requestStarted_ = std::chrono::steady_clock::now();
    requestId_ = ec ? new_request_id() : request_id_for(parser_->get()["X-Request-Id"]);
    facts_ = {};
    facts_.withCaller = request_log_is_json();
    if (ec)
        return on_read_error(ec);
    if (has_unsupported_transfer_encoding(parser_->get())) {
        return send(application_.refuse(unsupported_transfer_encoding(), parser_->get().version()));
    }
    // The body has the I/O timeout of its own.
    stream_.expires_after(limits_.ioTimeout);
    if (!is_continue_expected(parser_->get()))
        return read_body();

    // The client waits for this interim answer before it sends the body (curl does, for
    // bodies over 1 KiB).
    auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                      parser_->get().version());
    http::async_write(stream_, *interim,
                      [self = shared_from_this(), interim](beast::error_code writeEc, std::size_t) {
                          if (writeEc)
                              return self->close();
                          self->read_body();
                      });
}

void HttpSession::read_body() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_request, shared_from_this()));
}

void HttpSession::on_request(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec)
        return on_read_error(ec);
    auto answer = application_.handle(parser_->get(), clientAddress_, requestId_, &facts_);
    if (auto* now = std::get_if<Response>(&answer))
        return send(std::move(*now));
    wait_for(std::get<DeferredResponse>(std::move(answer)));
}

void HttpSession::wait_for(DeferredResponse deferred) {
    // The answer's own timeout bounds the wait, not the I/O deadline. A server already stopping
    // answers at once, as close_when_idle does for the waits that began before it.
    stream_.expires_never();
    if (closing_)
        deferred.timeout = std::chrono::milliseconds(0);
    deferredTimer_.emplace(stream_.get_executor(), deferred.timeout);
    auto done = std::make_shared<std::atomic<bool>>(false);
    deferredTimer_->async_wait([self = shared_from_this(), done, onTimeout = deferred.onTimeout,
                                cancel = deferred.cancel](beast::error_code) {
        if (done->exchange(true))
            return;  // the answer came first
        if (cancel)
            cancel();
        self->deferredTimer_.reset();
        self->send(onTimeout());
    });
    deferred.start([self = shared_from_this(), done](StringResponse response) {
        if (done->exchange(true))
            return;  // the time ran out first
        // From any thread: continue on this connection's own executor.
        net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
            self->deferredTimer_.reset();
            self->send(std::move(response));
        });
    });
}

void HttpSession::on_read_error(beast::error_code ec) {
    const unsigned version = parser_->get().version();
    if (ec == http::error::body_limit) {
        return send(application_.refuse(body_too_large(limits_.maxBodyBytes), version));
    }
    if (ec == http::error::header_limit) {
        return send(application_.refuse(headers_too_large(), version));
    }
    const bool clientLeft = ec == http::error::end_of_stream ||
                            ec == http::error::partial_message || ec == net::error::eof;
    if (ec.category() == http::make_error_code(http::error::bad_version).category() &&
        !clientLeft) {
        return send(application_.refuse(malformed_request(), version));
    }
    // Closed, reset, timed out or cancelled for shutdown: nobody is left to answer.
    if (!clientLeft && ec != net::error::operation_aborted) {
        spdlog::debug("connection closed while reading a request: {}", ec.message());
    }
    close();
}

void HttpSession::send(Response response) {
    tag_with_request_id(response, requestId_);
    if (closing_)
        std::visit([](auto& r) { r.keep_alive(false); }, response);
    const bool keepAlive = std::visit([](const auto& r) { return r.keep_alive(); }, response);
    const unsigned status = header_of(response).result_int();
    stream_.expires_after(limits_.ioTimeout);
    std::visit(
        [&](auto& r) {
            // async_write needs the message alive until it completes.
            auto message = std::make_shared<std::decay_t<decltype(r)>>(std::move(r));
            answerInFlight_ = message;
            http::async_write(stream_, *message,
                              beast::bind_front_handler(&HttpSession::on_sent, shared_from_this(),
                                                        keepAlive, status));
        },
        response);
}

void HttpSession::on_sent(bool keepAlive, unsigned status, beast::error_code ec,
                          std::size_t /*bytes*/) {
    answerInFlight_.reset();
    const auto& request = parser_->get();
    const auto elapsed = std::chrono::steady_clock::now() - requestStarted_;
    metrics_.record(metrics_.row_of(facts_.route, request.method(), facts_.staticFile), status,
                    elapsed);
    log_request({request.method_string(), request.target(), status, elapsed, requestId_,
                 facts_.route != nullptr ? std::string_view(facts_.route->pattern) : "",
                 facts_.userId, facts_.tenantId});
    if (ec || !keepAlive)
        return close();
    read_request();
}

void HttpSession::close() {
    // Send FIN so the client reads the whole answer; the socket closes when the last handler
    // holding this session returns.
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
}

}  // namespace orgdesk::server
