#include "server/http_client.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace orgdesk::server::testing {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using net::ip::tcp;

constexpr std::chrono::seconds kReadTimeout{20};  // a hung server fails the test, not the run

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void set_receive_timeout(tcp::socket& socket, std::chrono::milliseconds timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

// One open connection to the server under test.
class Connection {
  public:
    explicit Connection(std::uint16_t port) : socket_(context_) {
        socket_.connect({net::ip::make_address("127.0.0.1"), port});
        set_receive_timeout(socket_, kReadTimeout);
    }

    tcp::socket& socket() { return socket_; }

    void write(const http::request<http::string_body>& request) { http::write(socket_, request); }

    // The final answer: interim ones (100 Continue) are skipped, as a real client does.
    HttpResponse read(bool answersHead = false) {
        while (true) {
            http::response_parser<http::string_body> parser;
            parser.body_limit(boost::none);
            parser.skip(answersHead);  // an answer to HEAD has headers only
            http::read(socket_, buffer_, parser);
            if (http::to_status_class(parser.get().result()) != http::status_class::informational) {
                return to_response(parser.get());
            }
        }
    }

  private:
    static HttpResponse to_response(const http::response<http::string_body>& message) {
        HttpResponse response;
        response.status = static_cast<int>(message.result_int());
        for (const auto& field : message) {
            response.headers[lower(field.name_string())] = std::string(field.value());
        }
        response.body = message.body();
        return response;
    }

    net::io_context context_;
    tcp::socket socket_;
    beast::flat_buffer buffer_;
};

// The Host header names the port, as real clients send it (absolute links in answers use it).
http::request<http::string_body> to_beast(const HttpRequest& request, std::uint16_t port,
                                          bool setLength = true) {
    http::request<http::string_body> out;
    out.method_string(request.method);
    out.target(request.target);
    out.version(11);
    out.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    for (const auto& [name, value] : request.headers)
        out.set(name, value);
    out.body() = request.body;
    if (setLength)
        out.prepare_payload();
    return out;
}

bool is_head(const HttpRequest& request) {
    return request.method == "HEAD";
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
    const auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
}

nlohmann::json HttpResponse::json() const {
    return nlohmann::json::parse(body);
}

std::string HttpResponse::body_without_request_id() const {
    static const std::regex requestId(R"(,"requestId":"[^"]*")");
    return std::regex_replace(body, requestId, "");
}

HttpClient::HttpClient(std::uint16_t port) : port_(port) {}

HttpResponse HttpClient::send(const HttpRequest& request) const {
    Connection connection(port_);
    connection.write(to_beast(request, port_));
    return connection.read(is_head(request));
}

HttpResponse HttpClient::get(const std::string& target, const std::string& token) const {
    HttpRequest request{"GET", target, {}, {}};
    if (!token.empty())
        request.headers.emplace_back("Authorization", "Bearer " + token);
    return send(request);
}

HttpResponse HttpClient::put(const std::string& target, const std::string& token,
                             std::vector<std::pair<std::string, std::string>> headers) const {
    HttpRequest request{"PUT", target, {}, std::move(headers)};
    if (!token.empty())
        request.headers.emplace_back("Authorization", "Bearer " + token);
    return send(request);
}

HttpResponse HttpClient::send_json(const std::string& method, const std::string& target,
                                   const nlohmann::json& body, const std::string& token,
                                   std::vector<std::pair<std::string, std::string>> headers) const {
    HttpRequest request{method, target, body.dump(), std::move(headers)};
    request.headers.emplace_back("Content-Type", "application/json");
    if (!token.empty())
        request.headers.emplace_back("Authorization", "Bearer " + token);
    return send(request);
}

HttpResponse HttpClient::post_json(const std::string& target, const std::string& body,
                                   const std::string& token) const {
    HttpRequest request{"POST", target, body, {{"Content-Type", "application/json"}}};
    if (!token.empty())
        request.headers.emplace_back("Authorization", "Bearer " + token);
    return send(request);
}

std::vector<HttpResponse> HttpClient::send_pipelined(
    const std::vector<HttpRequest>& requests) const {
    Connection connection(port_);
    for (const auto& request : requests)
        connection.write(to_beast(request, port_));
    std::vector<HttpResponse> responses;
    for (const auto& request : requests)
        responses.push_back(connection.read(is_head(request)));
    return responses;
}

HttpResponse HttpClient::send_raw(const std::string& bytes) const {
    Connection connection(port_);
    net::write(connection.socket(), net::buffer(bytes));
    return connection.read();
}

HttpResponse HttpClient::send_head_only(const HttpRequest& request,
                                        std::uint64_t contentLength) const {
    Connection connection(port_);
    auto message = to_beast(request, port_, false);
    message.content_length(contentLength);
    message.set(http::field::expect, "100-continue");
    http::request_serializer<http::string_body> serializer(message);
    http::write_header(connection.socket(), serializer);
    return connection.read();
}

bool HttpClient::closed_when_idle(std::chrono::milliseconds wait) const {
    Connection connection(port_);
    set_receive_timeout(connection.socket(), wait);
    char byte = 0;
    beast::error_code ec;
    connection.socket().read_some(net::buffer(&byte, 1), ec);
    return ec == net::error::eof || ec == net::error::connection_reset;
}

}  // namespace orgdesk::server::testing
