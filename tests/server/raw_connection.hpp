#pragma once
// A bare TCP connection to the server under test, for what a well-behaved client never does:
// send a header a byte at a time, announce a body it never sends, or just sit idle.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgdesk::server::testing {

class RawConnection {
  public:
    explicit RawConnection(std::uint16_t port);  // throws std::runtime_error when it cannot
    ~RawConnection();
    RawConnection(RawConnection&& other) noexcept;
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    RawConnection& operator=(RawConnection&&) = delete;

    // False when the server has closed (or reset) the connection.
    bool send(std::string_view bytes);

    // Everything the server sends until it closes the connection or `wait` passes.
    std::string read_until_closed(std::chrono::milliseconds wait);

    // Whether the server closes the connection within `wait` (nothing else arriving).
    bool closed_within(std::chrono::milliseconds wait);

  private:
    int fd_ = -1;
};

// The status code of an HTTP answer's first line, or nullopt when there is none.
std::optional<int> status_of(std::string_view answer);

// Raises this process's open-file limit to its hard limit (tests that hold thousands of
// connections, both ends in one process) and returns the new soft limit.
std::uint64_t raise_open_file_limit();

}  // namespace orgdesk::server::testing
