#pragma once
// The HTTP message types the server speaks, named once.
#include <variant>

#include <boost/beast/http.hpp>

namespace orgdesk::server {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
// API answers and errors are built in memory; static files stream from disk.
using StringResponse = http::response<http::string_body>;
using FileResponse = http::response<http::file_body>;
using Response = std::variant<StringResponse, FileResponse>;

// The header part both response kinds share, for code that only sets headers.
using ResponseHeader = http::response_header<>;

inline ResponseHeader& header_of(Response& response) {
    return std::visit([](auto& r) -> ResponseHeader& { return r.base(); }, response);
}

}  // namespace orgdesk::server
