#pragma once
// libsodium must be initialized once before any of its functions runs.

namespace orgdesk::server {

// Safe to call from any thread, any number of times. Throws std::runtime_error when libsodium
// cannot start (no usable source of randomness).
void ensure_sodium_initialized();

}  // namespace orgdesk::server
