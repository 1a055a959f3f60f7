#pragma once
// Orders, products and subscriptions on the wire (DESIGN.md "Wire contract"), written once for
// the server and the web app. Amounts are decimal strings in the currency's digits ("1250.00"),
// never floating point.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json_codecs.hpp"
#include "core/order.hpp"
#include "core/order_lifecycle.hpp"
#include "core/product.hpp"
#include "core/subscription.hpp"

namespace orgdesk::core {

// The customer an order belongs to, as the order answer carries it.
struct OrderCustomer {
    std::string id;
    std::string name;
    OrgStatus status = OrgStatus::New;
    std::string segment;
    std::string billingCountry;
    std::string billingEmail;
    bool operator==(const OrderCustomer&) const = default;
};
OrderCustomer order_customer_of(const Organization& org);

// Absolute URLs; approve and reject only while the caller can use them.
struct OrderLinks {
    std::string self;
    std::optional<std::string> approve;
    std::optional<std::string> reject;
    bool operator==(const OrderLinks&) const = default;
};

struct OrderView {
    Order order;
    OrderCustomer customer;
    std::vector<OrderAction> actions;
    OrderLinks links;
};

struct OrderPage {
    std::vector<OrderView> items;
    std::optional<std::string> nextCursor;
    // Orders per status in the caller's whole scope (for the "Pending approval" badge).
    std::map<OrderStatus, int> counts;
};

Json to_json(const OrderView& view);
Result<OrderView> order_view_from_json(const Json& json);
Json to_json(const OrderPage& page);
Result<OrderPage> order_page_from_json(const Json& json);

Json to_json(const Product& product);
Result<Product> product_from_json(const Json& json);
// {"items": [...]}
Json products_to_json(const std::vector<Product>& products);
Result<std::vector<Product>> products_from_json(const Json& json);

struct SubscriptionView {
    Subscription subscription;
    std::vector<SubscriptionAction> actions;
};
Json to_json(const SubscriptionView& view);
Result<SubscriptionView> subscription_view_from_json(const Json& json);
// {"items": [...]}
Json subscriptions_to_json(const std::vector<SubscriptionView>& views);
Result<std::vector<SubscriptionView>> subscriptions_from_json(const Json& json);

// The answer to a bulk decision: one result per order asked for, in the order asked.
struct BulkDecisionResult {
    std::string orderId;
    std::optional<OrderView> order;  // as it is after the decision, when it succeeded
    std::optional<Error> error;      // why it did not, otherwise
};
Json to_json(const std::vector<BulkDecisionResult>& results);
Result<std::vector<BulkDecisionResult>> bulk_results_from_json(const Json& json);

}  // namespace orgdesk::core
