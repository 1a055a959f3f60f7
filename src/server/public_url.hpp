#pragma once
// --public-url: the address people and integrations reach the server at (a proxy's, say). The
// absolute links of an answer are built from it; without it, from the request's Host header,
// which whoever sends the request chooses.
#include <string>
#include <string_view>

#include <optional>

#include "core/result.hpp"
#include "server/http_types.hpp"

namespace orgdesk::server {

struct PublicUrl {
    // "https://portal.example.com" or "http://10.0.0.5:8080": the scheme and host lower-cased, the
    // port if one was given, no trailing slash, so "origin + /api/v1/..." is a link.
    std::string origin;

    bool is_https() const { return origin.rfind("https://", 0) == 0; }
};

// An http or https URL of a host (a name, an IPv4 address or a [bracketed] IPv6 one) and an
// optional port, with nothing after it but an optional "/". An error says what is wrong and how
// the value should look.
core::Result<PublicUrl> parse_public_url(std::string_view text);

// Where the server is reached: the public URL when it has one, since the Host header is whatever
// the client wrote; else "http://" and that header, the best guess left; empty when the header
// is missing or not a plain host name and port.
std::string origin_of(const std::optional<PublicUrl>& publicUrl, const Request& request);

// The host of an origin ("https://portal.example.com:8443" -> "portal.example.com").
std::string host_of_origin(std::string_view origin);

}  // namespace orgdesk::server
