// The decisions of OrderService: approve and reject, one at a time or many at once. Each is one
// write conditional on the order still pending approval, so of two people deciding at once
// exactly one succeeds and the other is told who was first.
#include <utility>

#include "platform/order_service.hpp"

namespace orgdesk::platform {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error order_not_found() {
    return make_error(ErrorKind::NotFound, "not-found",
                      "This order does not exist or is not yours to see.");
}

core::Error stale_order(std::int64_t current) {
    return make_error(ErrorKind::StaleVersion, "stale-version",
                      "This order was changed by someone else (it is now at version " +
                          std::to_string(current) + "). Reload it and try again.");
}

core::Error reason_required() {
    return make_error(ErrorKind::InvalidInput, "invalid-input", "A rejection needs a reason.",
                      {{"reason", "Enter the reason for the rejection."}});
}

}  // namespace

core::Result<core::OrderView> OrderService::decide(const core::Principal& who, std::string_view id,
                                                   core::OrderAction action,
                                                   const std::string& reason,
                                                   std::optional<std::int64_t> ifMatch) {
    auto order = store_.find_order(id);
    if (!order)
        return order_not_found();
    const auto to = core::decide(who, *order, action);
    if (!to)
        return to.error();
    if (ifMatch && *ifMatch != order->version)
        return stale_order(order->version);
    if (action == core::OrderAction::Reject &&
        reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return reason_required();

    const std::int64_t now = clock_();
    OrderTransition transition;
    transition.from = order->status;
    transition.expectedVersion = order->version;
    core::Order& after = transition.after;
    after = *order;
    after.status = *to;
    after.decidedById = who.userId;
    after.decidedByName = who.displayName;
    after.decidedAtMs = now;
    after.rejectionReason = action == core::OrderAction::Reject ? reason : std::string();
    after.version = order->version + 1;
    after.updatedAtMs = now;
    core::Json next = {{"status", core::to_string(after.status)}, {"version", after.version}};
    if (action == core::OrderAction::Reject)
        next["reason"] = reason;
    transition.audit = {
        now,
        who.userId,
        std::string(core::to_string(action)),
        "order",
        order->id,
        core::Json{{"status", core::to_string(order->status)}, {"version", order->version}}.dump(),
        next.dump()};
    if (!store_.transition_order(transition)) {
        // Someone decided first: say who, from what stands now.
        auto current = store_.find_order(id);
        if (!current)
            return order_not_found();
        auto again = core::decide(who, *current, action);
        if (!again)
            return again.error();
        return stale_order(current->version);
    }
    if (changes_ != nullptr)
        changes_->publish(tenant_path_of(after));
    if (action == core::OrderAction::Approve && onApproved_)
        onApproved_();
    return view_for(who, std::move(after));
}

std::vector<core::BulkDecisionResult> OrderService::decide_many(
    const core::Principal& who, const core::BulkDecisionRequest& request) {
    std::vector<core::BulkDecisionResult> results;
    results.reserve(request.orderIds.size());
    for (const auto& id : request.orderIds) {
        core::BulkDecisionResult result;
        result.orderId = id;
        auto decided = decide(who, id, request.action, request.reason);
        if (decided)
            result.order = std::move(decided).value();
        else
            result.error = decided.error();
        results.push_back(std::move(result));
    }
    return results;
}

}  // namespace orgdesk::platform
