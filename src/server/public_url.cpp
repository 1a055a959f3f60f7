#include "server/public_url.hpp"

#include <algorithm>
#include <string>

namespace orgdesk::server {
namespace {

// `what` is wrong; the rest of the message says what is right.
core::Error invalid(const std::string& what) {
    return core::make_error(core::ErrorKind::InvalidInput, "invalid-public-url",
                            what +
                                ". Give only the scheme, the host and an optional port, as in "
                                "https://portal.example.com or http://10.0.0.5:8080.");
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

bool is_host_name(std::string_view host) {
    return !host.empty() && host.size() <= 253 && host.front() != '.' && host.front() != '-' &&
           host.back() != '.' && std::all_of(host.begin(), host.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-';
           });
}

bool is_ipv6_literal(std::string_view host) {
    return host.size() > 2 && host.front() == '[' && host.back() == ']' &&
           std::all_of(host.begin() + 1, host.end() - 1, [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
                      c == ':' || c == '.';
           });
}

bool is_port(std::string_view port) {
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const auto value = std::stoul(std::string(port));
    return value >= 1 && value <= 65535;
}

}  // namespace

core::Result<PublicUrl> parse_public_url(std::string_view text) {
    const auto separator = text.find("://");
    const auto scheme = lowered(text.substr(0, separator));
    if (separator == std::string_view::npos || (scheme != "http" && scheme != "https"))
        return invalid("The public URL must start with http:// or https://");
    auto authority = text.substr(separator + 3);
    if (!authority.empty() && authority.back() == '/')
        authority.remove_suffix(1);
    if (authority.find('?') != std::string_view::npos)
        return invalid("The public URL must not have a query (?...)");
    if (authority.find('#') != std::string_view::npos)
        return invalid("The public URL must not have a fragment (#...)");
    if (authority.find('/') != std::string_view::npos)
        return invalid("The public URL must not have a path: the API is served at its root");
    if (authority.find('@') != std::string_view::npos)
        return invalid("The public URL must not hold a user name or password");

    // The port follows the last ':' outside an IPv6 literal's brackets.
    const auto portColon = authority.rfind(':');
    const bool hasPort = portColon != std::string_view::npos &&
                         authority.find(']', portColon) == std::string_view::npos;
    const auto host = hasPort ? authority.substr(0, portColon) : authority;
    if (host.empty())
        return invalid("The public URL has no host");
    if (!is_host_name(host) && !is_ipv6_literal(host))
        return invalid("The public URL's host \"" + std::string(host) +
                       "\" is not a host name or IP address");
    if (hasPort && !is_port(authority.substr(portColon + 1)))
        return invalid("The public URL's port must be a number from 1 to 65535");
    return PublicUrl{scheme + "://" + lowered(authority)};
}

std::string origin_of(const std::optional<PublicUrl>& publicUrl, const Request& request) {
    if (publicUrl)
        return publicUrl->origin;
    const std::string_view host = request[http::field::host];
    if (host.empty() || host.size() > 255)
        return {};
    for (const char c : host) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
                             c == '[' || c == ']';
        if (!allowed)
            return {};
    }
    return "http://" + std::string(host);
}

std::string host_of_origin(std::string_view origin) {
    if (const auto scheme = origin.find("://"); scheme != std::string_view::npos)
        origin.remove_prefix(scheme + 3);
    if (!origin.empty() && origin.front() == '[')  // an IPv6 address, in its brackets
        return std::string(origin.substr(0, origin.find(']') + 1));
    return std::string(origin.substr(0, origin.find(':')));
}

}  // namespace orgdesk::server
