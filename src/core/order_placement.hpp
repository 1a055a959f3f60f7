#pragma once
// Placing an order: who may, for which organization, which products, at what price. The web
// app's order form previews the price with the same function the server charges it with.
#include <cstdint>
#include <string>
#include <vector>

#include "core/access_policy.hpp"
#include "core/order.hpp"
#include "core/organization.hpp"
#include "core/product.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

inline constexpr int kMaxOrderLines = 20;
inline constexpr int kMaxLineQuantity = 10000;

struct OrderLineRequest {
    std::string sku;
    int quantity = 0;
    bool operator==(const OrderLineRequest&) const = default;
};

struct PlaceOrderRequest {
    std::string customerId;
    std::vector<OrderLineRequest> lines;
};

// Lines priced from the catalog, and their sum with the tax of `billingCountry`. Every line must
// name an orderable product once, with a quantity of 1 to kMaxLineQuantity; all products share one
// currency. Errors name the line at fault ("lines[1].sku").
struct PricedLines {
    std::vector<OrderLine> lines;
    std::string currency;
};
Result<PricedLines> priced_lines(const std::vector<OrderLineRequest>& lines,
                                 const std::vector<Product>& orderable);
Price price_of(const PricedLines& priced, std::string_view billingCountry);

// Whether the principal may place an order for the organization now: its Owner or Admin, or the
// reseller staff over it; and only while it is Active.
Result<bool> may_place_order(const Principal& principal, const Organization& org);

// The new order, PendingApproval, or why it cannot be placed.
struct NewOrderFacts {
    std::string id;
    std::int64_t atMs = 0;
};
Result<Order> place_order(const Principal& principal, const Organization& org,
                          const std::vector<Product>& catalog,
                          const std::vector<OrderLineRequest>& lines, const NewOrderFacts& facts);

}  // namespace orgdesk::core
