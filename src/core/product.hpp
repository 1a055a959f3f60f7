#pragma once
// The catalog: what a distributor sells, at what price, to which customer segments.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/organization.hpp"

namespace orgdesk::core {

enum class BillingPeriod { Monthly, Annual };

std::string_view to_string(BillingPeriod period);  // "Monthly", "Annual"
std::optional<BillingPeriod> parse_billing_period(std::string_view text);

struct Product {
    std::string sku;  // unique within a distributor's catalog
    std::string name;
    MinorUnits unitPrice = 0;  // per unit and billing period
    std::string currency;      // ISO 4217
    BillingPeriod billingPeriod = BillingPeriod::Monthly;
    std::vector<std::string> segments;  // the customer segments that may order it
    std::string distributorId;
    bool operator==(const Product&) const = default;
};

// Whether an organization of `segment` may see and order the product (segments compare exactly,
// as they are chosen from the same list).
bool available_to(const Product& product, std::string_view segment);

// The products an organization may order: those of its segment, and none unless it is Active.
std::vector<Product> orderable_products(const std::vector<Product>& catalog,
                                        const Organization& org);

}  // namespace orgdesk::core
