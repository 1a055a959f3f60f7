#pragma once
// Small text helpers every layer needs, written once.
#include <algorithm>
#include <string_view>

namespace orgdesk::core {

// `text` without leading and trailing spaces, tabs and line breaks.
constexpr std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// True when `a` and `b` are equal but for the case of ASCII letters. Used instead of Boost
// 1.74's beast::iequals, which reads one byte past the end of its arguments when they differ
// (found by fuzz_webservice).
constexpr bool equal_ignoring_case(std::string_view a, std::string_view b) {
    constexpr auto lower = [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace orgdesk::core
