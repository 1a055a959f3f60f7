#include "server/security_headers.hpp"

#include <string_view>

namespace orgdesk::server {
namespace {

// Only what the app needs: its own scripts (no inline script: shell/boot.js holds the module's
// settings) and the right to compile its WebAssembly, its own style sheet (the app sets styles
// through the DOM, which CSP does not restrict, never inline), the page's empty "data:," icon,
// and requests to this server alone. Nothing may frame the page, change its base URL, or post a
// form anywhere.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

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
