#pragma once
// A subscription: one product a customer organization has, created when an order is provisioned.
// The customer's Owner or Admin, or the reseller's staff, may suspend and resume it; a new need is
// a new order; cancelling happens with the organization (suspend with "cancel", delete).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access_policy.hpp"
#include "core/order.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

enum class SubscriptionStatus { Active, Suspended, Cancelled };
enum class SubscriptionAction { Suspend, Resume };

inline constexpr SubscriptionAction kAllSubscriptionActions[] = {SubscriptionAction::Suspend,
                                                                 SubscriptionAction::Resume};

std::string_view to_string(SubscriptionStatus status);
std::optional<SubscriptionStatus> parse_subscription_status(std::string_view text);
std::string_view to_string(SubscriptionAction action);  // "suspend", "resume"
std::optional<SubscriptionAction> parse_subscription_action(std::string_view text);

struct Subscription {
    std::string id;  // UUID
    std::string customerId;
    std::string sellerId;
    std::string distributorId;
    std::string orderId;  // the order that created it
    int lineNumber = 0;   // the order line it came from (0-based): one subscription per line
    std::string sku;
    std::string name;
    int quantity = 0;
    BillingPeriod billingPeriod = BillingPeriod::Monthly;
    SubscriptionStatus status = SubscriptionStatus::Active;
    std::int64_t version = 1;
    std::int64_t createdAtMs = 0;
    std::int64_t updatedAtMs = 0;
    bool operator==(const Subscription&) const = default;
};

// The subscriptions a provisioned order creates: one Active subscription per line, with the ids
// given (one per line).
std::vector<Subscription> subscriptions_for(const Order& order, const std::vector<std::string>& ids,
                                            std::int64_t atMs);

bool can_view(const Principal& principal, const Subscription& subscription);
// NotFound outside the caller's tenant, Forbidden for a customer Member, Conflict when the
// status does not allow it. On success, the new status.
Result<SubscriptionStatus> decide(const Principal& principal, const Subscription& subscription,
                                  SubscriptionAction action);
std::vector<SubscriptionAction> allowed_actions(const Principal& principal,
                                                const Subscription& subscription);

}  // namespace orgdesk::core
