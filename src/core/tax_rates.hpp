#pragma once
// The tax rate an order is charged, by the customer's billing country. Every country Orgdesk
// bills has an explicit rate; a country it does not know has none, so it is refused rather than
// silently charged nothing.
#include <optional>
#include <string_view>

namespace orgdesk::core {

// The rate charged to a customer billed in `country` (ISO 3166 alpha-2), in basis points (2500 =
// 25 %): the standard VAT rate in the EU, EEA, United Kingdom and Switzerland; an explicit 0 for
// the countries outside them that Orgdesk's sellers export to (no VAT is charged on an export;
// sales tax there is settled outside Orgdesk) and for no country at all (a Service Provider's
// organization without billing information, which its provider invoices). Nullopt for any other
// country: no order may be priced for it.
std::optional<int> tax_rate_basis_points(std::string_view country);

}  // namespace orgdesk::core
