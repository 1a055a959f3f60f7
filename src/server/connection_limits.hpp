#pragma once
// What one connection may send and how long it may take.
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace orgdesk::server {

struct ConnectionLimits {
    std::uint32_t maxHeaderBytes = 8 * 1024;
    std::uint64_t maxBodyBytes = 1024 * 1024;
    // For a whole request to arrive (also the keep-alive idle time), and for an answer to leave.
    std::chrono::milliseconds ioTimeout{15'000};
    // For a request's whole header to arrive, from its first byte.
    std::chrono::milliseconds headerTimeout{10'000};
    // Connections open at once (see ServerOptions::maxConnections).
    std::size_t maxConnections = 10'000;
};

}  // namespace orgdesk::server
