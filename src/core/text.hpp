#pragma once
// Small text helpers every layer needs, written once.
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

}  // namespace orgdesk::core
