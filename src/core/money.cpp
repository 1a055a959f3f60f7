#include "core/money.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace orgdesk::core {
namespace {

constexpr std::array<std::string_view, 9> kCurrenciesWithoutMinorUnits{
    "BIF", "CLP", "ISK", "JPY", "KRW", "PYG", "UGX", "VND", "XOF"};

MinorUnits power_of_ten(int digits) {
    MinorUnits p = 1;
    for (int i = 0; i < digits; ++i)
        p *= 10;
    return p;
}

}  // namespace

int currency_digits(std::string_view currency) {
    const bool none =
        std::find(kCurrenciesWithoutMinorUnits.begin(), kCurrenciesWithoutMinorUnits.end(),
                  currency) != kCurrenciesWithoutMinorUnits.end();
    return none ? 0 : 2;
}

bool is_currency_code(std::string_view text) {
    return text.size() == 3 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string format_amount(MinorUnits amount, std::string_view currency) {
    const int digits = currency_digits(currency);
    const bool negative = amount < 0;
    // Unsigned, so the most negative value has a magnitude too.
    const auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    const auto scale = static_cast<std::uint64_t>(power_of_ten(digits));
    std::string text = (negative ? "-" : "") + std::to_string(magnitude / scale);
    if (digits > 0) {
        std::string fraction = std::to_string(magnitude % scale);
        text +=
            "." + std::string(static_cast<std::size_t>(digits) - fraction.size(), '0') + fraction;
    }
    return text;
}

std::optional<MinorUnits> parse_amount(std::string_view text, std::string_view currency) {
    const int digits = currency_digits(currency);
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 15 || (dot != std::string_view::npos) != (digits > 0) ||
        fraction.size() != static_cast<std::size_t>(digits)) {
        return std::nullopt;
    }
    const auto all_digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!all_digits(whole) || !all_digits(fraction))
        return std::nullopt;
    MinorUnits units = 0;
    MinorUnits cents = 0;
    std::from_chars(whole.data(), whole.data() + whole.size(), units);
    if (!fraction.empty())
        std::from_chars(fraction.data(), fraction.data() + fraction.size(), cents);
    const MinorUnits amount = units * power_of_ten(digits) + cents;
    return negative ? -amount : amount;
}

MinorUnits apply_rate(MinorUnits amount, int rateBasisPoints) {
    const MinorUnits product = amount * rateBasisPoints;
    const MinorUnits quotient = product / 10000;
    const MinorUnits remainder = product % 10000;
    if (remainder >= 5000)
        return quotient + 1;
    if (remainder <= -5000)
        return quotient - 1;
    return quotient;
}

}  // namespace orgdesk::core
