#pragma once
// The tax rate an order is charged, by the customer's billing country.
#include <string_view>

namespace orgdesk::core {

// The standard VAT rate of `country` (ISO 3166 alpha-2) in basis points (2500 = 25 %): the EU,
// EEA, United Kingdom and Switzerland; 0 elsewhere, where sales tax is settled outside Orgdesk.
int tax_rate_basis_points(std::string_view country);

}  // namespace orgdesk::core
