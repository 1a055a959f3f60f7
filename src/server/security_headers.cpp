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

// A console of lists and forms uses no camera, microphone, location, sensor, device, payment,
// media or passkey API: none is allowed, so neither a flaw in the page nor anything it ever frames
// can ask for one. Its "Copy id" buttons write the clipboard; pasting comes with the paste event,
// so reading the clipboard is denied too.
constexpr std::string_view kPermissionsPolicy =
    "accelerometer=(), autoplay=(), camera=(), clipboard-read=(), clipboard-write=(self), "
    "display-capture=(), encrypted-media=(), geolocation=(), gyroscope=(), hid=(), "
    "idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), "
    "usb=(), xr-spatial-tracking=()";

// A year, and the subdomains too: the public URL's host is the portal's, served over TLS by
// whatever terminates it in front of this server.
constexpr std::string_view kStrictTransportSecurity = "max-age=31536000; includeSubDomains";

}  // namespace

void apply_security_headers(ResponseHeader& header, bool reachedOverHttps) {
    header.set("Content-Security-Policy", kContentSecurityPolicy);
    header.set("Permissions-Policy", kPermissionsPolicy);
    header.set("X-Content-Type-Options", "nosniff");
    header.set("Referrer-Policy", "no-referrer");
    header.set("X-Frame-Options", "DENY");
    if (reachedOverHttps)
        header.set(http::field::strict_transport_security, kStrictTransportSecurity);
}

void forbid_caching(ResponseHeader& header) {
    header.set(http::field::cache_control, "no-store");
}

}  // namespace orgdesk::server
