#pragma once
// Decisions on orders: who may approve or reject which order now, and the steps of provisioning
// that follow an approval.
#include <optional>
#include <string_view>
#include <vector>

#include "core/access_policy.hpp"
#include "core/order.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

enum class OrderAction { Approve, Reject };

inline constexpr OrderAction kAllOrderActions[] = {OrderAction::Approve, OrderAction::Reject};

std::string_view to_string(OrderAction action);  // "approve", "reject"
std::optional<OrderAction> parse_order_action(std::string_view text);

// Orders are decided by the reseller's staff (Distributor Admin, Seller Admin, Account Manager)
// of their own tenant; customers see their own organization's orders and never decide.
bool role_may(Role role, OrderAction action);
bool can_view(const Principal& principal, const Order& order);

// NotFound outside the caller's tenant, Forbidden for a customer, Conflict once decided, naming
// who decided ("This order was already rejected by Ann Lee."). On success, the new status.
Result<OrderStatus> decide(const Principal& principal, const Order& order, OrderAction action);

// What the caller may do with the order now, in a stable order.
std::vector<OrderAction> allowed_actions(const Principal& principal, const Order& order);

// Provisioning, done by Orgdesk itself after an approval: Approved → Provisioning, then
// Provisioning → Provisioned (or Failed). nullopt where the order is not at that step.
std::optional<OrderStatus> provisioning_step(OrderStatus from, bool succeeded = true);

// An order not yet decided when its organization is suspended or deleted is rejected with one of
// these reasons.
inline constexpr std::string_view kRejectedBySuspensionReason =
    "The customer organization was suspended before the order was approved.";
inline constexpr std::string_view kRejectedByDeletionReason =
    "The customer organization was deleted before the order was approved.";

}  // namespace orgdesk::core
