#pragma once
// Headers every answer carries, whatever produced it.
#include "server/http_types.hpp"

namespace orgdesk::server {

// Content-Security-Policy for the Wasm app: only our own scripts, and WebAssembly compilation
// ('wasm-unsafe-eval') without JavaScript eval. Also nosniff, no referrer, no framing.
void apply_security_headers(ResponseHeader& header);

// API answers carry one user's data: no cache may keep them.
void forbid_caching(ResponseHeader& header);

}  // namespace orgdesk::server
