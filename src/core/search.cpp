#include "core/search.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace orgdesk::core {
namespace {

// ASCII capitals lower-cased; every other byte (UTF-8 included) as it is.
char lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether normalize_search_text(text) starts with `query` (normalized, not empty), read in place.
bool normalized_starts_with(std::string_view text, std::string_view query) {
    const auto trimmed = trim(text);
    return trimmed.size() >= query.size() &&
           std::equal(query.begin(), query.end(), trimmed.begin(),
                      [](char q, char t) { return q == lower_ascii(t); });
}

}  // namespace

std::string normalize_search_text(std::string_view text) {
    std::string out(trim(text));
    std::transform(out.begin(), out.end(), out.begin(), lower_ascii);
    return out;
}

std::vector<std::string> search_keys(const Organization& org) {
    std::vector<std::string> keys;
    auto add = [&keys](std::string_view text) {
        auto key = normalize_search_text(text);
        if (!key.empty())
            keys.push_back(std::move(key));
    };
    add(org.id);
    add(org.name);
    // Every later word of the name, so "müller" finds "Bäckerei Müller GmbH".
    std::string_view name = org.name;
    for (auto space = name.find(' '); space != std::string_view::npos; space = name.find(' ')) {
        name.remove_prefix(space + 1);
        add(name);
    }
    for (const auto& number : org.purchasedNumbers)
        add(number);
    add(org.customerReference);
    add(org.externalContract);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

std::string prefix_upper_bound(std::string_view prefix) {
    // 0xFF never occurs in UTF-8, so it sorts after every continuation of the prefix.
    return std::string(prefix) + '\xFF';
}

bool matches_normalized_search(const Organization& org, std::string_view normalizedQuery) {
    if (normalizedQuery.empty())
        return true;
    const auto starts = [normalizedQuery](std::string_view text) {
        return normalized_starts_with(text, normalizedQuery);
    };
    if (starts(org.id) || starts(org.name) || starts(org.customerReference) ||
        starts(org.externalContract) ||
        std::any_of(org.purchasedNumbers.begin(), org.purchasedNumbers.end(), starts))
        return true;
    // Every later word of the name, as search_keys has them.
    std::string_view name = org.name;
    for (auto space = name.find(' '); space != std::string_view::npos; space = name.find(' ')) {
        name.remove_prefix(space + 1);
        if (starts(name))
            return true;
    }
    return false;
}

bool matches_search(const Organization& org, std::string_view query) {
    return matches_normalized_search(org, normalize_search_text(query));
}

}  // namespace orgdesk::core
