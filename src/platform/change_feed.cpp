#include "platform/change_feed.hpp"

#include <vector>

namespace orgdesk::platform {

core::TenantPath tenant_path_of(const core::Organization& org) {
    return {org.distributorId, org.sellerId, org.id};
}
core::TenantPath tenant_path_of(const core::Order& order) {
    return {order.distributorId, order.sellerId, order.customerId};
}
core::TenantPath tenant_path_of(const core::Subscription& subscription) {
    return {subscription.distributorId, subscription.sellerId, subscription.customerId};
}

bool ChangeFeed::concerns(const core::TenantScope& scope, const Change& change) {
    return core::in_scope(
        scope, core::TenantPath{change.distributorId, change.sellerId, change.customerId});
}

ChangeFeed::Sequence ChangeFeed::publish(const core::TenantPath& where) {
    const auto sequence = record_and_wake(where);
    Relay relay;
    {
        std::lock_guard lock(mutex_);
        relay = relay_;
    }
    if (relay)
        relay(where);
    return sequence;
}

ChangeFeed::Sequence ChangeFeed::publish_remote(const core::TenantPath& where) {
    return record_and_wake(where);
}

void ChangeFeed::set_relay(Relay relay) {
    std::lock_guard lock(mutex_);
    relay_ = std::move(relay);
}

ChangeFeed::Sequence ChangeFeed::record_and_wake(const core::TenantPath& where) {
    std::vector<Wake> toWake;
    Sequence sequence = 0;
    {
        std::lock_guard lock(mutex_);
        sequence = ++sequence_;
        Change change{sequence, std::string(where.distributorId), std::string(where.sellerId),
                      std::string(where.customerId)};
        for (auto it = waiters_.begin(); it != waiters_.end();) {
            if (concerns(it->second.scope, change)) {
                toWake.push_back(std::move(it->second.wake));
                it = waiters_.erase(it);
            } else {
                ++it;
            }
        }
        recent_.push_back(std::move(change));
        if (recent_.size() > kHistory)
            recent_.pop_front();
    }
    // Outside the lock: a waker may post work that publishes or waits again.
    for (auto& wake : toWake)
        wake(sequence);
    return sequence;
}

ChangeFeed::Sequence ChangeFeed::current() const {
    std::lock_guard lock(mutex_);
    return sequence_;
}

std::uint64_t ChangeFeed::wait(Sequence after, const core::TenantScope& scope, Wake wake) {
    std::lock_guard lock(mutex_);
    if (after > sequence_)
        return 0;  // a cursor from another run of the server: the caller starts over
    if (!recent_.empty() && after + 1 < recent_.front().sequence)
        return 0;  // older than the history kept: assume something changed
    for (auto it = recent_.rbegin(); it != recent_.rend() && it->sequence > after; ++it) {
        if (concerns(scope, *it))
            return 0;
    }
    const auto id = nextWaitId_++;
    waiters_.emplace(id, Waiter{scope, std::move(wake)});
    return id;
}

void ChangeFeed::cancel(std::uint64_t waitId) {
    std::lock_guard lock(mutex_);
    waiters_.erase(waitId);
}

}  // namespace orgdesk::platform
