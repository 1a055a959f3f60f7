#include "server/sodium_runtime.hpp"

#include <sodium.h>

#include <stdexcept>

namespace orgdesk::server {

void ensure_sodium_initialized() {
    // A function-local static runs sodium_init exactly once, thread-safely.
    static const bool initialized = sodium_init() >= 0;  // 1 means "already initialized"
    if (!initialized)
        throw std::runtime_error("libsodium could not be initialized");
}

}  // namespace orgdesk::server
