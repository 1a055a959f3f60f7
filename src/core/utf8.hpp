#pragma once
// Reading UTF-8 one code point at a time, for the rules that look at characters (provider domain
// names, the glyphs a text needs).
#include <cstddef>
#include <string_view>

namespace orgdesk::core {

// The code point starting at text[i] and its length in bytes; length 0 for malformed UTF-8
// (a stray continuation byte, a truncated or overlong sequence, a surrogate, beyond U+10FFFF).
struct Utf8Decoded {
    char32_t code = 0;
    std::size_t length = 0;
};

Utf8Decoded decode_utf8(std::string_view text, std::size_t i);

}  // namespace orgdesk::core
