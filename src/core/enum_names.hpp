#pragma once
// Wire names of enums, as small tables: one lookup each way.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace orgdesk::core {

template <class Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
std::string_view name_of(const EnumNames<Enum, N>& table, Enum e) {
    for (const auto& [value, name] : table) {
        if (value == e)
            return name;
    }
    return "";
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const EnumNames<Enum, N>& table, std::string_view text) {
    for (const auto& [value, name] : table) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

}  // namespace orgdesk::core
