#include "platform/subscription_service.hpp"

#include <utility>

#include "core/organization_lifecycle.hpp"

namespace orgdesk::platform {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error subscription_not_found() {
    return make_error(ErrorKind::NotFound, "not-found",
                      "This subscription does not exist or is not yours to see.");
}

core::Error stale_subscription(std::int64_t current) {
    return make_error(ErrorKind::StaleVersion, "stale-version",
                      "This subscription was changed by someone else (it is now at version " +
                          std::to_string(current) + "). Reload it and try again.");
}

core::SubscriptionView view_for(const core::Principal& who, core::Subscription subscription) {
    auto actions = core::allowed_actions(who, subscription);
    return {std::move(subscription), std::move(actions)};
}

}  // namespace

SubscriptionService::SubscriptionService(Store& store, Clock clock, ChangeFeed* changes)
    : store_(store), clock_(std::move(clock)), changes_(changes) {}

core::Result<std::vector<core::SubscriptionView>> SubscriptionService::list(
    const core::Principal& who, std::string_view customerId) {
    const auto org = store_.find_organization(customerId);
    if (!org || !core::can_view(who, *org)) {
        return make_error(ErrorKind::NotFound, "not-found",
                          "This customer organization does not exist or is not yours to see.");
    }
    std::vector<core::SubscriptionView> views;
    for (auto& subscription : store_.list_subscriptions(org->id))
        views.push_back(view_for(who, std::move(subscription)));
    return views;
}

core::Result<core::SubscriptionView> SubscriptionService::change(
    const core::Principal& who, std::string_view id, core::SubscriptionAction action,
    std::optional<std::int64_t> ifMatch) {
    auto subscription = store_.find_subscription(id);
    if (!subscription)
        return subscription_not_found();
    const auto to = core::decide(who, *subscription, action);
    if (!to)
        return to.error();
    if (ifMatch && *ifMatch != subscription->version)
        return stale_subscription(subscription->version);
    const std::int64_t now = clock_();
    SubscriptionUpdate update;
    update.expectedVersion = subscription->version;
    update.after = *subscription;
    update.after.status = *to;
    update.after.version = subscription->version + 1;
    update.after.updatedAtMs = now;
    update.audit = {now,
                    who.userId,
                    std::string(core::to_string(action)),
                    "subscription",
                    subscription->id,
                    core::Json{{"status", core::to_string(subscription->status)}}.dump(),
                    core::Json{{"status", core::to_string(*to)}}.dump()};
    if (!store_.update_subscription(update)) {
        auto current = store_.find_subscription(id);
        if (!current)
            return subscription_not_found();
        auto again = core::decide(who, *current, action);
        if (!again)
            return again.error();
        return stale_subscription(current->version);
    }
    if (changes_ != nullptr)
        changes_->publish(tenant_path_of(update.after));
    return view_for(who, std::move(update.after));
}

}  // namespace orgdesk::platform
