// The background loop the provisioning worker and the sandbox sweeper share: a pass at once (or
// after the first delay), then one after every wait the pass asked for; a wake cuts the wait
// short; stop ends a long wait at once but lets a pass under way finish.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "platform/periodic_thread.hpp"

namespace orgdesk::platform {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Waits (up to 5 s, for a loaded machine) until `done` holds; true if it did.
template <class Done>
bool eventually(Done done) {
    const auto deadline = Clock::now() + 5s;
    while (!done()) {
        if (Clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

// A thread whose passes count themselves, then ask to sleep `wait`.
struct CountingThread {
    std::atomic<int> passes = 0;
    PeriodicThread thread;

    explicit CountingThread(std::chrono::milliseconds wait,
                            std::chrono::milliseconds firstDelay = {})
        : thread(
              [this, wait] {
                  ++passes;
                  return wait;
              },
              firstDelay) {}

    // Starts the thread and waits for its first pass.
    bool started() {
        thread.start();
        return eventually([&] { return passes == 1; });
    }
};

TEST(PeriodicThread, RunsAPassAtOnceThenOneAfterEveryWait) {
    CountingThread counting(10ms);
    counting.thread.start();
    EXPECT_TRUE(eventually([&] { return counting.passes >= 3; }));
}

TEST(PeriodicThread, ThePassesWaitWhatThePassAskedFor) {
    CountingThread counting(1h);
    ASSERT_TRUE(counting.started());
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(counting.passes, 1);
    const auto stopping = Clock::now();
    counting.thread.stop();  // ends the hour's wait at once
    EXPECT_LT(Clock::now() - stopping, 2s);
}

TEST(PeriodicThread, TheFirstPassWaitsTheFirstDelay) {
    CountingThread counting(1h, 1h);
    counting.thread.start();
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(counting.passes, 0);
    counting.thread.wake();
    EXPECT_TRUE(eventually([&] { return counting.passes == 1; }));
}

TEST(PeriodicThread, AWakeRunsTheNextPassNow) {
    CountingThread counting(1h);
    ASSERT_TRUE(counting.started());
    counting.thread.wake();
    EXPECT_TRUE(eventually([&] { return counting.passes == 2; }));
}

TEST(PeriodicThread, StopLetsThePassUnderWayFinishAndRunsNoMore) {
    std::atomic<bool> started = false, finished = false;
    std::atomic<int> passes = 0;
    PeriodicThread thread([&] {
        ++passes;
        started = true;
        std::this_thread::sleep_for(200ms);
        finished = true;
        return 0ms;  // at once again, were it not stopped
    });
    thread.start();
    ASSERT_TRUE(eventually([&] { return started.load(); }));
    thread.stop();
    EXPECT_TRUE(finished);
    const int after = passes;
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(passes, after);
}

TEST(PeriodicThread, StartsAgainAfterAStop) {
    CountingThread counting(1h);
    ASSERT_TRUE(counting.started());
    counting.thread.stop();
    counting.thread.start();
    EXPECT_TRUE(eventually([&] { return counting.passes == 2; }));
}

}  // namespace
}  // namespace orgdesk::platform
