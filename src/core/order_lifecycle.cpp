#include "core/order_lifecycle.hpp"

#include <string>

#include "core/enum_names.hpp"

namespace orgdesk::core {
namespace {

constexpr EnumNames<OrderAction, 2> kActionNames{{
    {OrderAction::Approve, "approve"},
    {OrderAction::Reject, "reject"},
}};

std::string decided_by(const Order& order) {
    return order.decidedByName.empty() ? std::string() : " by " + order.decidedByName;
}

std::string already_decided_message(const Order& order) {
    switch (order.status) {
        case OrderStatus::Rejected:
            return "This order was already rejected" + decided_by(order) + ".";
        case OrderStatus::Approved:
        case OrderStatus::Provisioning:
        case OrderStatus::Provisioned:
        case OrderStatus::Failed:
            return "This order was already approved" + decided_by(order) + ".";
        case OrderStatus::PendingApproval:
            break;
    }
    return "This order can no longer be decided.";
}

}  // namespace

Result<OrderStatus> decide(const Principal& principal, const Order& order, OrderAction action) {
    if (!can_view(principal, order)) {
        return make_error(ErrorKind::NotFound, "not-found",
                          "This order does not exist or is not yours to see.");
    }
    if (!role_may(principal.role, action)) {
        return make_error(ErrorKind::Forbidden, "forbidden",
                          "Only a Distributor Admin, Seller Admin or Account Manager may " +
                              std::string(to_string(action)) + " orders.");
    }
    if (order.status != OrderStatus::PendingApproval) {
        return make_error(ErrorKind::Conflict, "already-decided", already_decided_message(order));
    }
    return action == OrderAction::Approve ? OrderStatus::Approved : OrderStatus::Rejected;
}

std::string_view to_string(OrderAction action) {
    return name_of(kActionNames, action);
}
std::optional<OrderAction> parse_order_action(std::string_view text) {
    return value_of(kActionNames, text);
}

bool role_may(Role role, OrderAction /*action*/) {
    return is_staff(role);
}

bool can_view(const Principal& principal, const Order& order) {
    return in_scope(scope_of(principal),
                    TenantPath{order.distributorId, order.sellerId, order.customerId});
}

std::vector<OrderAction> allowed_actions(const Principal& principal, const Order& order) {
    std::vector<OrderAction> actions;
    for (const OrderAction action : kAllOrderActions) {
        if (decide(principal, order, action))
            actions.push_back(action);
    }
    return actions;
}

std::optional<OrderStatus> provisioning_step(OrderStatus from, bool succeeded) {
    switch (from) {
        case OrderStatus::Approved:
            return OrderStatus::Provisioning;
        case OrderStatus::Provisioning:
            return succeeded ? OrderStatus::Provisioned : OrderStatus::Failed;
        case OrderStatus::PendingApproval:
        case OrderStatus::Provisioned:
        case OrderStatus::Failed:
        case OrderStatus::Rejected:
            break;
    }
    return std::nullopt;
}

}  // namespace orgdesk::core
