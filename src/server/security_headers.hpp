#pragma once
// Headers every answer carries, whatever produced it.
#include "server/http_types.hpp"

namespace orgdesk::server {

// Content-Security-Policy for the Wasm app: only our own scripts, and WebAssembly compilation
// ('wasm-unsafe-eval') without JavaScript eval. Also nosniff, no referrer, no framing, and a
// Permissions-Policy that denies every device, sensor and payment API. `reachedOverHttps` (the
// public URL is https): Strict-Transport-Security too, so browsers never fall back to plain HTTP.
void apply_security_headers(ResponseHeader& header, bool reachedOverHttps);

// API answers carry one user's data: no cache may keep them.
void forbid_caching(ResponseHeader& header);

}  // namespace orgdesk::server
