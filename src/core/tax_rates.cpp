#include "core/tax_rates.hpp"

#include <array>
#include <utility>

namespace orgdesk::core {
namespace {

// Standard rates as of 2026.
constexpr std::array<std::pair<std::string_view, int>, 32> kStandardRates{{
    {"AT", 2000}, {"BE", 2100}, {"BG", 2000}, {"CH", 810},  {"CY", 1900}, {"CZ", 2100},
    {"DE", 1900}, {"DK", 2500}, {"EE", 2400}, {"ES", 2100}, {"FI", 2550}, {"FR", 2000},
    {"GB", 2000}, {"GR", 2400}, {"HR", 2500}, {"HU", 2700}, {"IE", 2300}, {"IS", 2400},
    {"IT", 2200}, {"LT", 2100}, {"LU", 1700}, {"LV", 2100}, {"MT", 1800}, {"NL", 2100},
    {"NO", 2500}, {"PL", 2300}, {"PT", 2300}, {"RO", 2100}, {"SE", 2500}, {"SI", 2200},
    {"SK", 2300}, {"LI", 810},
}};

// Export countries: billed without VAT.
constexpr std::array<std::string_view, 17> kExportCountries{{"AE", "AU", "BR", "CA", "CN", "IL",
                                                             "IN", "JP", "KR", "MX", "NZ", "RU",
                                                             "SG", "TR", "UA", "US", "ZA"}};

}  // namespace

std::optional<int> tax_rate_basis_points(std::string_view country) {
    if (country.empty())
        return 0;
    for (const auto& [code, rate] : kStandardRates) {
        if (code == country)
            return rate;
    }
    for (const auto code : kExportCountries) {
        if (code == country)
            return 0;
    }
    return std::nullopt;
}

}  // namespace orgdesk::core
