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
};

}  // namespace orgdesk::server
