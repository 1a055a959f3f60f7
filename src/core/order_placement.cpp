#include "core/order_placement.hpp"

#include <algorithm>

#include "core/organization_lifecycle.hpp"
#include "core/tax_rates.hpp"

namespace orgdesk::core {
namespace {

std::string line_field(std::size_t index, const char* name) {
    return "lines[" + std::to_string(index) + "]." + name;
}

Error invalid_order(std::vector<FieldError> fields) {
    return make_error(ErrorKind::InvalidInput, "invalid-order",
                      "The order is not valid. Correct the lines marked and place it again.",
                      std::move(fields));
}

}  // namespace

Result<PricedLines> priced_lines(const std::vector<OrderLineRequest>& lines,
                                 const std::vector<Product>& orderable) {
    std::vector<FieldError> errors;
    if (lines.empty())
        errors.push_back({"lines", "needs at least one product"});
    if (lines.size() > static_cast<std::size_t>(kMaxOrderLines))
        errors.push_back({"lines", "may hold at most " + std::to_string(kMaxOrderLines) +
                                       " products; place a second order for the rest"});
    std::vector<OrderLine> out;
    std::string currency;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        const auto product = std::find_if(orderable.begin(), orderable.end(),
                                          [&](const Product& p) { return p.sku == line.sku; });
        if (product == orderable.end()) {
            errors.push_back(
                {line_field(i, "sku"), "is not a product this organization may order"});
            continue;
        }
        const bool repeated = std::any_of(lines.begin(), lines.begin() + static_cast<long>(i),
                                          [&](const auto& l) { return l.sku == line.sku; });
        if (repeated)
            errors.push_back({line_field(i, "sku"), "is already on the order; raise its quantity"});
        if (line.quantity < 1 || line.quantity > kMaxLineQuantity) {
            errors.push_back({line_field(i, "quantity"),
                              "must be from 1 to " + std::to_string(kMaxLineQuantity)});
        }
        if (currency.empty())
            currency = product->currency;
        if (product->currency != currency) {
            errors.push_back({line_field(i, "sku"), "is priced in " + product->currency +
                                                        ", the order in " + currency +
                                                        "; place a separate order for it"});
        }
        out.push_back({product->sku, product->name, line.quantity, product->unitPrice,
                       product->billingPeriod});
    }
    if (!errors.empty())
        return invalid_order(std::move(errors));
    return PricedLines{std::move(out), currency};
}

Price price_of(const PricedLines& priced, std::string_view billingCountry) {
    Price price;
    price.currency = priced.currency;
    for (const auto& line : priced.lines)
        price.net += line.unitPrice * line.quantity;
    // may_place_order refuses a country without a rate before any order is priced.
    price.taxRateBasisPoints = tax_rate_basis_points(billingCountry).value_or(0);
    price.tax = apply_rate(price.net, price.taxRateBasisPoints);
    price.total = price.net + price.tax;
    return price;
}

Result<bool> may_place_order(const Principal& principal, const Organization& org) {
    if (!can_view(principal, org)) {
        return make_error(ErrorKind::NotFound, "not-found",
                          "This customer organization does not exist or is not yours to see.");
    }
    if (principal.role == Role::CustomerMember) {
        return make_error(ErrorKind::Forbidden, "forbidden",
                          "Only the organization's Owner or Admin may place orders. Ask one of "
                          "them to order for you.");
    }
    if (org.status != OrgStatus::Active) {
        return make_error(ErrorKind::Conflict, "organization-not-active",
                          "Only an Active organization can place orders. This one is " +
                              std::string(to_string(org.status)) + ".");
    }
    if (!tax_rate_basis_points(org.billing.country)) {
        return make_error(ErrorKind::Conflict, "no-tax-rate",
                          "Orgdesk has no tax rate for the billing country " + org.billing.country +
                              ", so it cannot price this order. Ask your seller to correct the "
                              "organization's billing country.");
    }
    return true;
}

Result<Order> place_order(const Principal& principal, const Organization& org,
                          const std::vector<Product>& catalog,
                          const std::vector<OrderLineRequest>& lines, const NewOrderFacts& facts) {
    if (auto allowed = may_place_order(principal, org); !allowed)
        return allowed.error();
    auto priced = priced_lines(lines, orderable_products(catalog, org));
    if (!priced)
        return priced.error();
    Order order;
    order.id = facts.id;
    order.customerId = org.id;
    order.sellerId = org.sellerId;
    order.distributorId = org.distributorId;
    order.price = price_of(priced.value(), org.billing.country);
    order.lines = std::move(priced).value().lines;
    order.status = OrderStatus::PendingApproval;
    order.placedById = principal.userId;
    order.placedByName = principal.displayName;
    order.createdAtMs = facts.atMs;
    order.updatedAtMs = facts.atMs;
    return order;
}

}  // namespace orgdesk::core
