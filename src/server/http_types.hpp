#pragma once
// The HTTP message types the server speaks, named once.
#include <chrono>
#include <functional>
#include <variant>

#include <boost/beast/http.hpp>

namespace orgdesk::server {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
// API answers and errors are built in memory; static files stream from disk.
using StringResponse = http::response<http::string_body>;
using FileResponse = http::response<http::file_body>;
using Response = std::variant<StringResponse, FileResponse>;

// An answer that is not ready yet (a long poll). The connection calls `start` once with a
// function that sends the answer (call it at most once, from any thread); if that has not
// happened after `timeout`, or the server is shutting down, it calls `cancel` and sends
// `onTimeout()` instead.
struct DeferredResponse {
    using Send = std::function<void(StringResponse)>;
    std::function<void(Send)> start;
    std::chrono::milliseconds timeout{25000};
    std::function<StringResponse()> onTimeout;
    std::function<void()> cancel;
};

// What a route answers: now, or later.
using RouteResponse = std::variant<StringResponse, DeferredResponse>;
// What a request gets: a route's answer or a static file.
using Answer = std::variant<Response, DeferredResponse>;

// Applies `finish` to a string answer now, or to a deferred one when it comes.
template <class Finish>
RouteResponse finish_answer(RouteResponse answer, Finish finish) {
    if (auto* now = std::get_if<StringResponse>(&answer)) {
        finish(*now);
        return answer;
    }
    auto deferred = std::get<DeferredResponse>(std::move(answer));
    deferred.start = [start = std::move(deferred.start), finish](DeferredResponse::Send send) {
        start([send = std::move(send), finish](StringResponse response) {
            finish(response);
            send(std::move(response));
        });
    };
    deferred.onTimeout = [onTimeout = std::move(deferred.onTimeout), finish] {
        auto response = onTimeout();
        finish(response);
        return response;
    };
    return deferred;
}

// The header part both response kinds share, for code that only sets headers.
using ResponseHeader = http::response_header<>;

inline ResponseHeader& header_of(Response& response) {
    return std::visit([](auto& r) -> ResponseHeader& { return r.base(); }, response);
}

}  // namespace orgdesk::server
