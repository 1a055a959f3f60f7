#pragma once
// URL parts, shared by the server's request targets and the web app's addresses
// (#/customers?q=...) and API requests: percent-encoding both ways, and splitting a path or query
// into its pieces.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgdesk::core {

// `text` with every byte but the unreserved characters (RFC 3986: letters, digits, "-._~")
// percent-encoded, so it can stand as one path segment or query value.
std::string percent_encode(std::string_view text);

// nullopt for a malformed escape ("%zz", a trailing "%") or an encoded NUL byte. With
// `plusIsSpace` (query strings), '+' is a space.
std::optional<std::string> percent_decode(std::string_view text, bool plusIsSpace = false);

// The pieces of `text` between `separator`s, empty ones and the last one included ("a//b" is
// "a", "", "b"; "" is one empty piece). They point into `text`.
std::vector<std::string_view> split_pieces(std::string_view text, char separator);

}  // namespace orgdesk::core
