#include "core/subscription.hpp"

#include <string>

#include "core/enum_names.hpp"

namespace orgdesk::core {
namespace {

constexpr EnumNames<SubscriptionStatus, 3> kStatusNames{{
    {SubscriptionStatus::Active, "Active"},
    {SubscriptionStatus::Suspended, "Suspended"},
    {SubscriptionStatus::Cancelled, "Cancelled"},
}};

constexpr EnumNames<SubscriptionAction, 2> kActionNames{{
    {SubscriptionAction::Suspend, "suspend"},
    {SubscriptionAction::Resume, "resume"},
}};

}  // namespace

std::string_view to_string(SubscriptionStatus status) {
    return name_of(kStatusNames, status);
}
std::optional<SubscriptionStatus> parse_subscription_status(std::string_view text) {
    return value_of(kStatusNames, text);
}
std::string_view to_string(SubscriptionAction action) {
    return name_of(kActionNames, action);
}
std::optional<SubscriptionAction> parse_subscription_action(std::string_view text) {
    return value_of(kActionNames, text);
}

std::vector<Subscription> subscriptions_for(const Order& order, const std::vector<std::string>& ids,
                                            std::int64_t atMs) {
    std::vector<Subscription> out;
    for (std::size_t i = 0; i < order.lines.size() && i < ids.size(); ++i) {
        const auto& line = order.lines[i];
        Subscription s;
        s.id = ids[i];
        s.customerId = order.customerId;
        s.sellerId = order.sellerId;
        s.distributorId = order.distributorId;
        s.orderId = order.id;
        s.lineNumber = static_cast<int>(i);
        s.sku = line.sku;
        s.name = line.name;
        s.quantity = line.quantity;
        s.billingPeriod = line.billingPeriod;
        s.createdAtMs = atMs;
        s.updatedAtMs = atMs;
        out.push_back(std::move(s));
    }
    return out;
}

bool can_view(const Principal& principal, const Subscription& subscription) {
    return in_scope(
        scope_of(principal),
        TenantPath{subscription.distributorId, subscription.sellerId, subscription.customerId});
}

Result<SubscriptionStatus> decide(const Principal& principal, const Subscription& subscription,
                                  SubscriptionAction action) {
    if (!can_view(principal, subscription)) {
        return make_error(ErrorKind::NotFound, "not-found",
                          "This subscription does not exist or is not yours to see.");
    }
    if (principal.role == Role::CustomerMember) {
        return make_error(ErrorKind::Forbidden, "forbidden",
                          "Only the organization's Owner or Admin, or its reseller, may " +
                              std::string(to_string(action)) + " subscriptions.");
    }
    const auto from = subscription.status;
    if (action == SubscriptionAction::Suspend && from == SubscriptionStatus::Active)
        return SubscriptionStatus::Suspended;
    if (action == SubscriptionAction::Resume && from == SubscriptionStatus::Suspended)
        return SubscriptionStatus::Active;
    return make_error(ErrorKind::Conflict, "invalid-status",
                      "Cannot " + std::string(to_string(action)) + " a subscription that is " +
                          std::string(to_string(from)) + ".");
}

std::vector<SubscriptionAction> allowed_actions(const Principal& principal,
                                                const Subscription& subscription) {
    std::vector<SubscriptionAction> actions;
    for (const auto action : kAllSubscriptionActions) {
        if (decide(principal, subscription, action))
            actions.push_back(action);
    }
    return actions;
}

}  // namespace orgdesk::core
