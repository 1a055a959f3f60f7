#pragma once
// Random (version 4) UUIDs. The core only formats them: the random bytes come from the caller,
// since the core has no sources of randomness of its own.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace orgdesk::core {

using UuidBytes = std::array<std::uint8_t, 16>;

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" in lower-case hex, with the version (4) and variant
// (10xx) bits set over the given random bytes.
std::string format_uuid_v4(UuidBytes bytes);

// Whether `text` is a UUID in that canonical textual form (any version, either case).
bool is_uuid(std::string_view text);

}  // namespace orgdesk::core
