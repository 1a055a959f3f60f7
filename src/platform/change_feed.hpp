#pragma once
// Live updates within one server: every write publishes where it happened (distributor, seller,
// customer); a waiter asks to hear of the next change within its tenant scope after the last one
// it saw. A change carries no data: the client reads what changed through the scoped API, so
// nothing can leak through the feed.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "core/access_policy.hpp"
#include "core/order.hpp"
#include "core/organization.hpp"
#include "core/subscription.hpp"

namespace orgdesk::platform {

core::TenantPath tenant_path_of(const core::Organization& org);
core::TenantPath tenant_path_of(const core::Order& order);
core::TenantPath tenant_path_of(const core::Subscription& subscription);

class ChangeFeed {
  public:
    using Sequence = std::uint64_t;
    using Wake = std::function<void(Sequence)>;

    using Relay = std::function<void(const core::TenantPath&)>;

    // Records a change and wakes the waiters in whose scope it lies (on this thread), then hands
    // it to the relay, if one is set.
    Sequence publish(const core::TenantPath& where);
    // A change another server instance made: recorded and woken like publish, never relayed.
    Sequence publish_remote(const core::TenantPath& where);
    // Passes every change published here on to other server instances (PostgreSQL NOTIFY, say).
    void set_relay(Relay relay);
    Sequence current() const;

    // With a change in `scope` after `after` already recorded (or too old to tell), returns 0 and
    // does not call `wake`. Else registers `wake` to be called once, with the new sequence, on the
    // next change in scope, and returns an id for cancel().
    std::uint64_t wait(Sequence after, const core::TenantScope& scope, Wake wake);
    // Forgets a waiter (its time ran out or its client left); harmless once woken.
    void cancel(std::uint64_t waitId);

  private:
    struct Change {
        Sequence sequence = 0;
        std::string distributorId;
        std::string sellerId;
        std::string customerId;
    };
    struct Waiter {
        core::TenantScope scope;
        Wake wake;
    };
    static bool concerns(const core::TenantScope& scope, const Change& change);
    Sequence record_and_wake(const core::TenantPath& where);

    // Enough history for a client that was busy reloading to catch up without missing one.
    static constexpr std::size_t kHistory = 1024;

    mutable std::mutex mutex_;
    Sequence sequence_ = 0;
    std::deque<Change> recent_;
    std::map<std::uint64_t, Waiter> waiters_;
    std::uint64_t nextWaitId_ = 1;
    Relay relay_;
};

}  // namespace orgdesk::platform
