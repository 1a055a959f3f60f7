// The provisioning worker on a real SQLite file: each step waits its delay on a clock the test
// moves, creates one subscription per order line, fails an order whose customer was suspended
// meanwhile, is taken once even by two workers racing, and the background thread provisions an
// approved order promptly and stops promptly.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "order_test_support.hpp"
#include "platform/provisioning_worker.hpp"

namespace orgdesk::platform {
namespace {

using core::OrderStatus;
using namespace std::chrono_literals;
using order_testing::audit_count;
using order_testing::kT0;

// Ids for subscriptions: sub-1, sub-2, ...
IdGenerator numbered_ids(const std::string& prefix) {
    return [prefix, n = 0]() mutable { return prefix + std::to_string(++n); };
}

std::int64_t real_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Lets `parties` threads wait for each other, for a bounded time (so a bug fails, not hangs).
class Gate {
  public:
    explicit Gate(int parties) : waiting_(parties) {}
    void arrive_and_wait() {
        std::unique_lock lock(mutex_);
        if (--waiting_ == 0)
            opened_.notify_all();
        opened_.wait_for(lock, 5s, [this] { return waiting_ <= 0; });
    }

  private:
    std::mutex mutex_;
    std::condition_variable opened_;
    int waiting_;
};

class ProvisioningWorkerTest : public order_testing::OrderStoreTest {
  protected:
    void SetUp() override {
        OrderStoreTest::SetUp();
        customer = add_customer("c1", "s1");
    }

    // An order of the customer approved at `atMs`.
    core::Order approved(const std::string& id, std::int64_t atMs, int lineCount = 2) {
        return move(add_order(customer, id, atMs - 10, lineCount), OrderStatus::Approved, atMs);
    }

    OrderStatus status_of(const std::string& id) { return store.find_order(id)->status; }

    // The clock the test moves.
    Clock test_clock() const {
        return [now = clockMs] { return now->load(); };
    }

    std::shared_ptr<std::atomic<std::int64_t>> clockMs =
        std::make_shared<std::atomic<std::int64_t>>(kT0);
    const ProvisioningOptions delayed{1000ms, 60000ms};
    ChangeFeed feed;
    core::Organization customer;
};

INSTANTIATE_TEST_SUITE_P(Backends, ProvisioningWorkerTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(ProvisioningWorkerTest, EachStepWaitsForItsDelay) {
    const auto a = approved("o-a", kT0, 2);
    const auto b = approved("o-b", kT0 + 400, 3);
    ProvisioningWorker worker(store, test_clock(), numbered_ids("sub-"), &feed, delayed);
    std::int64_t next = -1;

    clockMs->store(kT0 + 999);
    EXPECT_EQ(worker.run_once(next), 0);
    EXPECT_EQ(next, kT0 + 1000);
    EXPECT_EQ(status_of("o-a"), OrderStatus::Approved);
    EXPECT_EQ(status_of("o-b"), OrderStatus::Approved);
    EXPECT_EQ(feed.current(), 0U);

    clockMs->store(kT0 + 1000);
    EXPECT_EQ(worker.run_once(next), 1);
    EXPECT_EQ(next, kT0 + 1400);  // b falls due next
    const auto provisioning = *store.find_order("o-a");
    EXPECT_EQ(provisioning.status, OrderStatus::Provisioning);
    EXPECT_EQ(provisioning.updatedAtMs, kT0 + 1000);
    EXPECT_EQ(provisioning.decidedAtMs, kT0);  // the decision stays as it was
    EXPECT_TRUE(store.list_subscriptions("c1").empty());
    EXPECT_EQ(worker.run_once(next), 0);  // nothing more is due yet
    EXPECT_EQ(next, kT0 + 1400);

    clockMs->store(kT0 + 1400);
    EXPECT_EQ(worker.run_once(next), 1);
    EXPECT_EQ(status_of("o-b"), OrderStatus::Provisioning);
    EXPECT_EQ(next, kT0 + 2000);  // a's second step

    clockMs->store(kT0 + 2000);
    EXPECT_EQ(worker.run_once(next), 1);
    EXPECT_EQ(status_of("o-a"), OrderStatus::Provisioned);
    EXPECT_EQ(next, kT0 + 2400);
    const auto subscriptions = store.list_subscriptions("c1");
    ASSERT_EQ(subscriptions.size(), a.lines.size());
    for (std::size_t i = 0; i < subscriptions.size(); ++i) {
        const auto& s = subscriptions[i];
        EXPECT_EQ(s.orderId, "o-a");
        EXPECT_EQ(s.lineNumber, static_cast<int>(i));
        EXPECT_EQ(s.sku, a.lines[i].sku);
        EXPECT_EQ(s.quantity, a.lines[i].quantity);
        EXPECT_EQ(s.billingPeriod, a.lines[i].billingPeriod);
        EXPECT_EQ(s.status, core::SubscriptionStatus::Active);
        EXPECT_EQ(s.sellerId, "s1");
        EXPECT_EQ(s.createdAtMs, kT0 + 2000);
    }
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 2);

    clockMs->store(kT0 + 5000);
    EXPECT_EQ(worker.run_once(next), 1);
    EXPECT_EQ(status_of("o-b"), OrderStatus::Provisioned);
    EXPECT_EQ(store.list_subscriptions("c1").size(), a.lines.size() + b.lines.size());
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 5);
    EXPECT_EQ(worker.run_once(next), 0);
    EXPECT_EQ(next, 0);
    EXPECT_TRUE(store.orders_to_provision(10).empty());

    // Each step was one audited write by the system, and one published change.
    const auto trail = store.audit_trail("o-a");
    ASSERT_EQ(trail.size(), 4U);  // place, approve, provisioning, provisioned
    EXPECT_EQ(trail[2].action, "provisioning");
    EXPECT_EQ(trail[2].actorId, "system");
    EXPECT_EQ(trail[2].after, R"({"status":"Provisioning"})");
    EXPECT_EQ(trail[3].action, "provisioned");
    EXPECT_EQ(trail[3].after, R"({"status":"Provisioned"})");
    EXPECT_EQ(feed.current(), 4U);
}

TEST_P(ProvisioningWorkerTest, AnOrderWhoseCustomerWasSuspendedMeanwhileFails) {
    approved("o-a", kT0);
    ProvisioningWorker worker(store, test_clock(), numbered_ids("sub-"), &feed, delayed);
    std::int64_t next = 0;
    clockMs->store(kT0 + 1000);
    ASSERT_EQ(worker.run_once(next), 1);
    ASSERT_EQ(status_of("o-a"), OrderStatus::Provisioning);

    block("c1", kT0 + 1500);
    clockMs->store(kT0 + 2000);
    EXPECT_EQ(worker.run_once(next), 1);
    const auto failed = *store.find_order("o-a");
    EXPECT_EQ(failed.status, OrderStatus::Failed);
    EXPECT_EQ(failed.failureReason,
              "The customer organization is Blocked; provisioning needs an Active organization. "
              "Place the order again once it is Active.");
    EXPECT_TRUE(failed.rejectionReason.empty());
    EXPECT_TRUE(store.list_subscriptions("c1").empty());
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 0);
    EXPECT_EQ(audit_count(store, "o-a", "fail"), 1);
    EXPECT_EQ(audit_count(store, "o-a", "provisioned"), 0);
    EXPECT_TRUE(store.orders_to_provision(10).empty());  // a failed order is done with
    clockMs->store(kT0 + 9000);
    EXPECT_EQ(worker.run_once(next), 0);
    EXPECT_EQ(next, 0);
}

TEST_P(ProvisioningWorkerTest, ASuspensionThatCancelsWhileTheWorkerProvisionsLeavesNoSubscription) {
    approved("o-a", kT0);
    clockMs->store(kT0 + 1000);
    std::int64_t next = 0;
    ProvisioningWorker(store, test_clock(), numbered_ids("sub-"), &feed, delayed).run_once(next);
    ASSERT_EQ(status_of("o-a"), OrderStatus::Provisioning);

    // The customer is suspended, cancelling its subscriptions, after the worker read it Active
    // and before the worker writes: the worker's id generator runs just in between.
    bool suspended = false;
    IdGenerator suspend_then_number = [&, n = 0]() mutable {
        if (!std::exchange(suspended, true)) {
            const auto org = *store.find_organization("c1");
            OrganizationUpdate update;
            update.after = org;
            update.after.status = core::OrgStatus::Blocked;
            update.after.version = org.version + 1;
            update.expectedVersion = org.version;
            update.cancelSubscriptions = true;
            update.rejectPendingOrders = true;
            update.audit = {kT0 + 1500, "u-sam", "suspend", "organization", "c1", "", ""};
            EXPECT_TRUE(store.update_organization(update));
        }
        return "sub-" + std::to_string(++n);
    };
    ProvisioningWorker racing(store, test_clock(), suspend_then_number, &feed, delayed);
    clockMs->store(kT0 + 2000);
    racing.run_once(next);
    ASSERT_TRUE(suspended);
    clockMs->store(kT0 + 10000);
    racing.run_once(next);  // whatever is left to do

    // The suspension asked for no subscriptions: none is active, and the order failed.
    for (const auto& s : store.list_subscriptions("c1"))
        EXPECT_EQ(s.status, core::SubscriptionStatus::Cancelled) << s.id;
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, 0);
    EXPECT_EQ(status_of("o-a"), OrderStatus::Failed);
    EXPECT_TRUE(store.orders_to_provision(10).empty());
}

TEST_P(ProvisioningWorkerTest, TwoWorkersRacingTakeEveryStepExactlyOnce) {
    std::vector<core::Order> orders;
    std::size_t lines = 0;
    for (int i = 0; i < 8; ++i) {
        orders.push_back(approved("o-" + std::to_string(i), kT0, 1 + i % 3));
        lines += orders.back().lines.size();
    }
    for (int phase = 1; phase <= 2; ++phase) {
        clockMs->store(kT0 + 1000 * phase);
        // Both workers read the due orders before either writes: each one's clock, first
        // asked right after that read, waits at the gate for the other.
        Gate gate(2);
        auto gated_clock = [&gate, clock = test_clock(), first = true]() mutable {
            if (std::exchange(first, false))
                gate.arrive_and_wait();
            return clock();
        };
        ProvisioningWorker one(store, gated_clock, numbered_ids("one-"), &feed, delayed);
        ProvisioningWorker two(store, gated_clock, numbered_ids("two-"), &feed, delayed);
        int stepsOne = 0, stepsTwo = 0;
        std::thread a([&] {
            std::int64_t next = 0;
            stepsOne = one.run_once(next);
        });
        std::thread b([&] {
            std::int64_t next = 0;
            stepsTwo = two.run_once(next);
        });
        a.join();
        b.join();
        EXPECT_EQ(stepsOne + stepsTwo, 8) << "phase " << phase;
    }
    for (const auto& order : orders) {
        EXPECT_EQ(status_of(order.id), OrderStatus::Provisioned) << order.id;
        EXPECT_EQ(audit_count(store, order.id, "provisioning"), 1) << order.id;
        EXPECT_EQ(audit_count(store, order.id, "provisioned"), 1) << order.id;
        EXPECT_EQ(store.audit_trail(order.id).size(), 4U) << order.id;
    }
    EXPECT_EQ(store.list_subscriptions("c1").size(), lines);
    EXPECT_EQ(store.find_organization("c1")->subscriptionCount, static_cast<int>(lines));
    EXPECT_EQ(feed.current(), 16U);  // one change per step taken
}

TEST_P(ProvisioningWorkerTest, TheThreadProvisionsWhenWokenAndStopsPromptly) {
    // A poll interval far longer than the test: only wake() and stop() can move it in time.
    ProvisioningWorker worker(store, real_now_ms, {}, &feed, {0ms, 60000ms});
    worker.start();
    const auto wait_for_provisioned = [&](const std::string& id) {
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        while (status_of(id) != OrderStatus::Provisioned &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(2ms);
        }
        return status_of(id);
    };

    approved("o-woken", real_now_ms());
    worker.wake();
    EXPECT_EQ(wait_for_provisioned("o-woken"), OrderStatus::Provisioned);
    EXPECT_EQ(store.list_subscriptions("c1").size(), 2U);

    const auto stopping = std::chrono::steady_clock::now();
    worker.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - stopping, 1s);
    worker.stop();  // harmless twice

    // An order approved while no worker ran (a restart) is provisioned once one starts.
    approved("o-restart", real_now_ms());
    ProvisioningWorker restarted(store, real_now_ms, {}, &feed, {0ms, 60000ms});
    restarted.start();
    EXPECT_EQ(wait_for_provisioned("o-restart"), OrderStatus::Provisioned);
    const auto stoppingAgain = std::chrono::steady_clock::now();
    restarted.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - stoppingAgain, 1s);
    EXPECT_EQ(store.list_subscriptions("c1").size(), 4U);
    EXPECT_EQ(audit_count(store, "o-woken", "provisioned"), 1);
}

}  // namespace
}  // namespace orgdesk::platform
