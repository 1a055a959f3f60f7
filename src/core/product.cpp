#include "core/product.hpp"

#include <algorithm>

#include "core/enum_names.hpp"

namespace orgdesk::core {
namespace {

constexpr EnumNames<BillingPeriod, 2> kPeriodNames{{
    {BillingPeriod::Monthly, "Monthly"},
    {BillingPeriod::Annual, "Annual"},
}};

}  // namespace

std::string_view to_string(BillingPeriod period) {
    return name_of(kPeriodNames, period);
}
std::optional<BillingPeriod> parse_billing_period(std::string_view text) {
    return value_of(kPeriodNames, text);
}

bool available_to(const Product& product, std::string_view segment) {
    return std::find(product.segments.begin(), product.segments.end(), segment) !=
           product.segments.end();
}

std::vector<Product> orderable_products(const std::vector<Product>& catalog,
                                        const Organization& org) {
    std::vector<Product> out;
    if (org.status != OrgStatus::Active)
        return out;
    for (const auto& product : catalog) {
        if (product.distributorId == org.distributorId && available_to(product, org.segment))
            out.push_back(product);
    }
    return out;
}

}  // namespace orgdesk::core
