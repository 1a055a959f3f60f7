// Live updates: while signed in, one long-poll of GET /api/v1/changes is always on its way. The
// server holds it until something in the caller's tenant changes (or about 25 s pass); a change
// reloads what is on screen. A failed poll is retried after a pause, so a server that is away is
// not hammered.
#include <algorithm>
#include <iterator>
#include <utility>

#include "app/updater.hpp"

namespace orgdesk::app {
namespace {

// The pause before asking again after the first failure in a row, and after every later one.
constexpr int kRetryDelaysMs[] = {2000, 5000};

}  // namespace

void Updater::watch_changes() {
    auto& feed = state_.changes;
    std::string path = "/api/v1/changes";
    // Without a cursor the server answers at once with the current one: so does a retry after
    // the server was away, which then reloads what is shown (the changes meanwhile are unknown).
    if (feed.cursor && !feed.unreachable)
        path += "?after=" + core::percent_encode(*feed.cursor);
    feed.retryTimer.reset();
    feed.pending = send(Purpose::WatchChanges, "GET", path);
}

void Updater::changes_answered(const HttpAnswered& a) {
    auto& feed = state_.changes;
    if (feed.pending != a.id)
        return;
    feed.pending.reset();
    const auto json =
        succeeded(a) ? core::parse_json(a.body) : core::Result<core::Json>(error_of(a));
    const bool readable =
        json && json->is_object() && json->value("cursor", core::Json()).is_string();
    if (!readable) {
        feed.unreachable = a.status == 0;
        const auto last = static_cast<int>(std::size(kRetryDelaysMs)) - 1;
        const int delay = kRetryDelaysMs[std::min(feed.failures, last)];
        ++feed.failures;
        feed.retryTimer = state_.nextRequestId++;
        effects_.emplace_back(StartTimer{*feed.retryTimer, delay});
        return;
    }
    feed.failures = 0;
    // Back after the server was away: what is shown may have changed meanwhile.
    const bool wasAway = std::exchange(feed.unreachable, false);
    const bool first = !feed.cursor;
    feed.cursor = (*json)["cursor"].get<std::string>();
    const auto changed = json->value("changed", core::Json(false));
    if (!first && ((changed.is_boolean() && changed.get<bool>()) || wasAway))
        reload_after_change();
    watch_changes();
}

void Updater::operator()(const TimerFired& e) {
    if (sandbox_timer_fired(e))
        return;
    if (state_.session && state_.changes.retryTimer == e.id)
        watch_changes();
}

// Reloads what a change may have touched and the person can see: the orders and their counts
// (the rail's badge), the open order, the organizations' counts, the open profile.
void Updater::reload_after_change() {
    reload_orders();
    reload_list();
    if (state_.screen == Screen::OrderDetail && !state_.order.pendingDecision)
        load_order(state_.order.id);
    if (state_.screen == Screen::Profile && !state_.profile.pendingAction) {
        load_customer(state_.profile.id);
        if (state_.profile.tab == ProfileTab::Subscriptions &&
            !state_.profile.pendingSubscriptionAction) {
            load_subscriptions();
        }
    }
}

}  // namespace orgdesk::app
