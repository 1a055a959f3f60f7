#pragma once
// A small synchronous HTTP/1.1 client for the server tests: real sockets over loopback, one
// connection per request unless a test asks for pipelining. Plain std types in the interface, so
// test files do not pay for Beast's headers.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/url_parts.hpp"

namespace orgdesk::server::testing {

struct HttpRequest {
    std::string method = "GET";
    std::string target = "/";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;

    // "" when absent; `name` in any case.
    std::string header(std::string_view name) const;
    // Throws (failing the test) when the body is not JSON.
    nlohmann::json json() const;
    // The body without a problem's "requestId" member: every answer has an id of its own, so
    // two answers that must say exactly the same (a missing id and another tenant's) differ
    // in that alone.
    std::string body_without_request_id() const;
};

// Percent-encodes everything but unreserved characters, for query values: the core's, which the
// app uses too.
inline std::string url_encode(std::string_view text) {
    return core::percent_encode(text);
}

class HttpClient {
  public:
    explicit HttpClient(std::uint16_t port);

    // The server's port, which every request also names in its Host header.
    std::uint16_t port() const { return port_; }

    HttpResponse send(const HttpRequest& request) const;

    HttpResponse get(const std::string& target, const std::string& token = {}) const;
    HttpResponse put(const std::string& target, const std::string& token,
                     std::vector<std::pair<std::string, std::string>> headers = {}) const;
    HttpResponse post_json(const std::string& target, const std::string& body,
                           const std::string& token = {}) const;
    // Any method with a JSON body (Content-Type: application/json) and the token.
    HttpResponse send_json(const std::string& method, const std::string& target,
                           const nlohmann::json& body, const std::string& token,
                           std::vector<std::pair<std::string, std::string>> headers = {}) const;

    // Several requests written at once on one connection, and their answers in order.
    std::vector<HttpResponse> send_pipelined(const std::vector<HttpRequest>& requests) const;

    // Writes `bytes` as they are and reads one answer: for requests no well-behaved client
    // would build.
    HttpResponse send_raw(const std::string& bytes) const;

    // Sends only the head of a request that announces a body (with Expect: 100-continue, as curl
    // does for large bodies) and reads the answer to it.
    HttpResponse send_head_only(const HttpRequest& request, std::uint64_t contentLength) const;

    // Connects, sends nothing, and tells whether the server closes the connection within `wait`.
    bool closed_when_idle(std::chrono::milliseconds wait) const;

  private:
    std::uint16_t port_;
};

}  // namespace orgdesk::server::testing
