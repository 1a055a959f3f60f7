#pragma once
// Money as whole minor units (cents, öre, yen) of one currency: exact sums, no floating point.
// On the wire an amount is a decimal string with the currency's digits ("1250.00", "980").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgdesk::core {

using MinorUnits = std::int64_t;

// ISO 4217 digits after the decimal point: 0 for JPY, KRW, ISK and a few more, 2 for the rest.
int currency_digits(std::string_view currency);
// Three upper-case letters.
bool is_currency_code(std::string_view text);

// "1250.00" for 125000 in EUR; "-0.50" for -50.
std::string format_amount(MinorUnits amount, std::string_view currency);
// The inverse, accepting exactly the currency's digits; nullopt for anything else.
std::optional<MinorUnits> parse_amount(std::string_view text, std::string_view currency);

// `amount` × rate / 10,000 (the rate in basis points, 2500 = 25 %), rounded to the nearest minor
// unit with halves away from zero, as invoices round tax.
MinorUnits apply_rate(MinorUnits amount, int rateBasisPoints);

}  // namespace orgdesk::core
