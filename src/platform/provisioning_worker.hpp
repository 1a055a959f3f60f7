#pragma once
// Takes approved orders through provisioning in the background: Approved → Provisioning, then
// Provisioning → Provisioned with the order's subscriptions (or → Failed with a reason). Each
// step is one conditional write, so a step is done once even when several workers run, and the
// work lives in the database: an order approved before a crash is provisioned after the restart.
#include <chrono>
#include <cstdint>

#include "platform/change_feed.hpp"
#include "platform/periodic_thread.hpp"
#include "platform/service_support.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

struct ProvisioningOptions {
    // How long each step waits after the one before (a stand-in for the vendor's own time, and
    // what lets a person watch an order move). Zero in tests.
    std::chrono::milliseconds stepDelay{1500};
    // How often the database is looked at without being woken (orders approved by another
    // server instance, or before a restart).
    std::chrono::milliseconds pollInterval{5000};
};

class ProvisioningWorker {
  public:
    ProvisioningWorker(Store& store, Clock clock, IdGenerator newId, ChangeFeed* changes,
                       ProvisioningOptions options);
    ~ProvisioningWorker();
    ProvisioningWorker(const ProvisioningWorker&) = delete;
    ProvisioningWorker& operator=(const ProvisioningWorker&) = delete;

    void start();
    void stop();  // finishes the step under way, then returns
    void wake();  // an order was approved

    // Takes every order that is due one step further; returns how many steps were taken and,
    // through `nextDueMs`, when the next waiting order falls due (0 if none waits).
    int run_once(std::int64_t& nextDueMs);

  private:
    // One run_once on the worker's thread; returns how long to sleep before the next.
    std::chrono::milliseconds pass();
    bool step(const core::Order& order);

    Store& store_;
    Clock clock_;
    IdGenerator newId_;
    ChangeFeed* changes_;
    ProvisioningOptions options_;
    PeriodicThread thread_;  // last: stopped before the members its passes use go
};

}  // namespace orgdesk::platform
