#pragma once
// Percent-decoding of URL parts, shared by the server's request targets and the web app's
// addresses (#/customers?q=...).
#include <optional>
#include <string>
#include <string_view>

namespace orgdesk::core {

// nullopt for a malformed escape ("%zz", a trailing "%") or an encoded NUL byte. With
// `plusIsSpace` (query strings), '+' is a space.
std::optional<std::string> percent_decode(std::string_view text, bool plusIsSpace = false);

}  // namespace orgdesk::core
