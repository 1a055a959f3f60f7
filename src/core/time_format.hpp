#pragma once
// Timestamps travel as milliseconds since the Unix epoch inside Orgdesk and as ISO 8601 UTC text on
// the wire. Pure functions: the caller supplies the clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgdesk::core {

std::string format_iso8601(std::int64_t unixMs);  // "2026-11-22T17:42:22.123Z"
std::optional<std::int64_t> parse_iso8601(std::string_view text);
std::string format_date(std::int64_t unixMs);  // "2026-11-22", for tables

}  // namespace orgdesk::core
