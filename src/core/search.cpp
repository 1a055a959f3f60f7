#include "core/search.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace orgdesk::core {

std::string normalize_search_text(std::string_view text) {
    std::string out(trim(text));
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
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

bool matches_search(const Organization& org, std::string_view query) {
    const auto q = normalize_search_text(query);
    if (q.empty())
        return true;
    const auto keys = search_keys(org);
    return std::any_of(keys.begin(), keys.end(),
                       [&q](const std::string& key) { return key.rfind(q, 0) == 0; });
}

}  // namespace orgdesk::core
