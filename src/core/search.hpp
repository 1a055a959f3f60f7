#pragma once
// Finding an organization by any of the five search keys of seed 003: Org UUID, Org name,
// purchased number, customer reference, external contract. A query matches when it is a prefix of
// one of an organization's keys (names also match from the start of any word), compared
// case-insensitively. Stores index the keys, so a search is an index range, not a scan.
#include <string>
#include <string_view>
#include <vector>

#include "core/organization.hpp"

namespace orgdesk::core {

// Lower-cases ASCII and trims spaces; other UTF-8 text is kept as it is.
std::string normalize_search_text(std::string_view text);

// The normalized keys under which an organization can be found, without duplicates.
std::vector<std::string> search_keys(const Organization& org);

// The exclusive upper bound of every string that starts with `prefix` (for index range scans).
std::string prefix_upper_bound(std::string_view prefix);

// Whether `query` is a prefix of one of `search_keys(org)`; an empty query matches everything.
bool matches_search(const Organization& org, std::string_view query);

// The same for a query already normalized with `normalize_search_text`: it builds no key and
// allocates nothing, so the web app can narrow 100,000 loaded organizations at each keystroke.
bool matches_normalized_search(const Organization& org, std::string_view normalizedQuery);

}  // namespace orgdesk::core
