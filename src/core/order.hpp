#pragma once
// An order placed by a customer organization: immutable once created, except for its status,
// which moves PendingApproval → Approved → Provisioning → Provisioned | Failed, or
// PendingApproval → Rejected.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/product.hpp"

namespace orgdesk::core {

enum class OrderStatus { PendingApproval, Approved, Provisioning, Provisioned, Failed, Rejected };

inline constexpr OrderStatus kAllOrderStatuses[] = {
    OrderStatus::PendingApproval, OrderStatus::Approved, OrderStatus::Provisioning,
    OrderStatus::Provisioned,     OrderStatus::Failed,   OrderStatus::Rejected};

std::string_view to_string(OrderStatus status);  // the wire name, "PendingApproval"
std::optional<OrderStatus> parse_order_status(std::string_view text);
// For people: "Pending approval", "Rejected by reseller".
std::string_view display_name(OrderStatus status);

struct OrderLine {
    std::string sku;
    std::string name;
    int quantity = 0;
    MinorUnits unitPrice = 0;
    BillingPeriod billingPeriod = BillingPeriod::Monthly;
    bool operator==(const OrderLine&) const = default;
};

struct Price {
    MinorUnits net = 0;
    MinorUnits tax = 0;
    MinorUnits total = 0;
    std::string currency;
    int taxRateBasisPoints = 0;  // 2500 = 25 %
    bool operator==(const Price&) const = default;
};

struct Order {
    std::string id;  // UUID
    std::string customerId;
    std::string sellerId;       // copied from the customer, for scoping
    std::string distributorId;  // likewise
    std::vector<OrderLine> lines;
    Price price;
    OrderStatus status = OrderStatus::PendingApproval;
    std::string placedById;
    std::string placedByName;
    std::string decidedById;  // who approved or rejected it ("system" when a suspension did)
    std::string decidedByName;
    std::int64_t decidedAtMs = 0;
    std::string rejectionReason;
    std::string failureReason;  // why provisioning failed
    std::int64_t version = 1;
    std::int64_t createdAtMs = 0;
    std::int64_t updatedAtMs = 0;
    bool operator==(const Order&) const = default;
};

}  // namespace orgdesk::core
