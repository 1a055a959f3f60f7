// The profile's Subscriptions tab: the organization's subscriptions, suspended and resumed one at
// a time with the actions each one lists.
#include <algorithm>
#include <utility>

#include "app/offers.hpp"
#include "app/updater.hpp"

namespace orgdesk::app {
namespace {

using core::SubscriptionAction;

std::string subscription_path(const std::string& id) {
    return "/api/v1/subscriptions/" + core::percent_encode(id);
}

}  // namespace

void Updater::load_subscriptions() {
    auto& profile = state_.profile;
    profile.pendingSubscriptions =
        send(Purpose::LoadSubscriptions, "GET", customer_path(profile.id) + "/subscriptions");
}

void Updater::subscriptions_loaded(const HttpAnswered& a) {
    auto& profile = state_.profile;
    if (!settled(a, profile.pendingSubscriptions, profile.error))
        return;
    auto items =
        decode_body(a, [](const core::Json& j) { return core::subscriptions_from_json(j); });
    if (!items) {
        profile.error = "The subscriptions could not be read. Try again.";
        return;
    }
    profile.subscriptions = std::move(items).value();
}

void Updater::operator()(const SubscriptionActionClicked& e) {
    auto& profile = state_.profile;
    if (profile.pendingSubscriptionAction || !state_.session)
        return;
    const auto& items = profile.subscriptions;
    const auto row = std::find_if(items.begin(), items.end(),
                                  [&e](const auto& v) { return v.subscription.id == e.id; });
    if (row == items.end() || !offers(*row, e.action))
        return;
    profile.error.clear();
    profile.changingSubscriptionId = e.id;
    profile.pendingSubscriptionAction =
        send(Purpose::SubscriptionAction, "PUT",
             subscription_path(e.id) + "/" + std::string(core::to_string(e.action)),
             {{}, std::to_string(row->subscription.version), {}});
}

void Updater::subscription_changed(const HttpAnswered& a) {
    auto& profile = state_.profile;
    if (profile.pendingSubscriptionAction != a.id)
        return;
    profile.pendingSubscriptionAction.reset();
    profile.changingSubscriptionId.clear();
    if (!succeeded(a)) {
        const auto error = error_of(a);
        profile.error = notice_of(error);
        state_.toast = Toast{error.message, true, error.requestId};
        if (a.status == 409 || a.status == 412)
            load_subscriptions();  // it changed under us: show where it stands
        return;
    }
    const auto view =
        decode_body(a, [](const core::Json& j) { return core::subscription_view_from_json(j); });
    if (!view) {
        profile.error = "The subscription could not be read. Reload and try again.";
        return;
    }
    const bool suspended = view->subscription.status == core::SubscriptionStatus::Suspended;
    state_.toast =
        Toast{view->subscription.name + (suspended ? " was suspended." : " was resumed."), false};
    for (auto& item : profile.subscriptions) {
        if (item.subscription.id == view->subscription.id)
            item = *view;
    }
}

}  // namespace orgdesk::app
