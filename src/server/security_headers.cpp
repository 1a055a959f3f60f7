#include "server/security_headers.hpp"

#include <string_view>

namespace orgdesk::server {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'";

}  // namespace

void apply_security_headers(ResponseHeader& header) {
    header.set("Content-Security-Policy", kContentSecurityPolicy);
    header.set("X-Content-Type-Options", "nosniff");
    header.set("Referrer-Policy", "no-referrer");
    header.set("X-Frame-Options", "DENY");
}

void forbid_caching(ResponseHeader& header) {
    header.set(http::field::cache_control, "no-store");
}

}  // namespace orgdesk::server
