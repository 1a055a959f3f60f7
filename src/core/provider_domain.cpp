#include "core/provider_domain.hpp"

#include <cstdint>

#include "core/utf8.hpp"

namespace orgdesk::core {
namespace {

struct Spelling {
    char32_t first;
    char32_t last;
    std::string_view ascii;
};

// Latin-1 Supplement and Latin Extended-A letters, by the letter they are written as in ASCII.
constexpr Spelling kSpellings[] = {
    {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},  {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},    {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},    {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"},  {0xFF, 0xFF, "y"},    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
    {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},  {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},  {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
    {0x174, 0x175, "w"}, {0x176, 0x178, "y"},  {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

std::string_view ascii_spelling(char32_t c) {
    for (const auto& spelling : kSpellings) {
        if (c >= spelling.first && c <= spelling.last)
            return spelling.ascii;
    }
    return {};
}

}  // namespace

std::string provider_domain_name(std::string_view organizationName) {
    std::string name;
    std::size_t i = 0;
    while (i < organizationName.size() && name.size() < kMaxProviderDomainNameLength) {
        const auto decoded = decode_utf8(organizationName, i);
        if (decoded.length == 0) {
            ++i;  // a malformed byte is dropped, like any other character with no spelling
            continue;
        }
        i += decoded.length;
        const char32_t c = decoded.code;
        if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) {
            name += static_cast<char>(c);
        } else if (c >= U'A' && c <= U'Z') {
            name += static_cast<char>(c - U'A' + U'a');
        } else {
            name += ascii_spelling(c);
        }
    }
    if (name.size() > kMaxProviderDomainNameLength)
        name.resize(kMaxProviderDomainNameLength);
    if (name.empty())
        return std::string(kFallbackProviderDomainName);
    return name;
}

}  // namespace orgdesk::core
