// The change feed: sequences, scoped waiters woken once and only by changes they may hear of,
// catching up from a cursor, and wakers that run outside the feed's lock.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "platform/change_feed.hpp"

namespace orgdesk::platform {
namespace {

using core::TenantLevel;
using core::TenantPath;
using core::TenantScope;
using Sequence = ChangeFeed::Sequence;

// Distributor d1 with sellers s1 (customers c1, c2) and s2 (customer c3); distributor d2.
const TenantPath kC1{"d1", "s1", "c1"};
const TenantPath kC2{"d1", "s1", "c2"};
const TenantPath kC3{"d1", "s2", "c3"};
const TenantPath kElsewhere{"d2", "s9", "c9"};

const TenantScope kDistributor{TenantLevel::Distributor, "d1"};
const TenantScope kSellerOne{TenantLevel::Seller, "s1"};
const TenantScope kSellerTwo{TenantLevel::Seller, "s2"};
const TenantScope kCustomerOne{TenantLevel::Customer, "c1"};

// Records every wake a waiter gets.
struct Wakes {
    std::vector<Sequence> seen;
    ChangeFeed::Wake waker() {
        return [this](Sequence s) { seen.push_back(s); };
    }
};

TEST(ChangeFeed, PublishNumbersEveryChangeFromOne) {
    ChangeFeed feed;
    EXPECT_EQ(feed.current(), 0U);
    EXPECT_EQ(feed.publish(kC1), 1U);
    EXPECT_EQ(feed.publish(kElsewhere), 2U);
    EXPECT_EQ(feed.publish(kC3), 3U);
    EXPECT_EQ(feed.current(), 3U);
}

TEST(ChangeFeed, WaitReturnsAtOnceWhenAChangeInScopeAlreadyHappened) {
    ChangeFeed feed;
    const auto s1 = feed.publish(kC2);  // seller one's customer c2
    feed.publish(kElsewhere);
    Wakes wakes;
    // Seller one and the distributor missed c2's change: nothing to wait for.
    EXPECT_EQ(feed.wait(0, kSellerOne, wakes.waker()), 0U);
    EXPECT_EQ(feed.wait(0, kDistributor, wakes.waker()), 0U);
    // After it, or in a scope it does not concern, the waiter is registered.
    EXPECT_NE(feed.wait(s1, kSellerOne, wakes.waker()), 0U);
    EXPECT_NE(feed.wait(0, kSellerTwo, wakes.waker()), 0U);
    EXPECT_NE(feed.wait(0, kCustomerOne, wakes.waker()), 0U);
    EXPECT_TRUE(wakes.seen.empty());  // an immediate answer never calls the waker
}

TEST(ChangeFeed, AWaiterIsWokenOnceWithTheNewSequenceByAChangeInItsScope) {
    ChangeFeed feed;
    Wakes distributor, sellerOne, sellerTwo, customerOne;
    ASSERT_NE(feed.wait(0, kDistributor, distributor.waker()), 0U);
    ASSERT_NE(feed.wait(0, kSellerOne, sellerOne.waker()), 0U);
    ASSERT_NE(feed.wait(0, kSellerTwo, sellerTwo.waker()), 0U);
    ASSERT_NE(feed.wait(0, kCustomerOne, customerOne.waker()), 0U);

    // A change at c2: the distributor and seller one hear of it; seller two and c1 do not.
    const auto first = feed.publish(kC2);
    EXPECT_EQ(distributor.seen, (std::vector<Sequence>{first}));
    EXPECT_EQ(sellerOne.seen, (std::vector<Sequence>{first}));
    EXPECT_TRUE(sellerTwo.seen.empty());
    EXPECT_TRUE(customerOne.seen.empty());

    // Woken once: later changes reach only those still waiting.
    const auto second = feed.publish(kC1);
    EXPECT_EQ(distributor.seen.size(), 1U);
    EXPECT_EQ(sellerOne.seen.size(), 1U);
    EXPECT_TRUE(sellerTwo.seen.empty());
    EXPECT_EQ(customerOne.seen, (std::vector<Sequence>{second}));

    const auto third = feed.publish(kC3);
    EXPECT_EQ(sellerTwo.seen, (std::vector<Sequence>{third}));
    EXPECT_EQ(customerOne.seen.size(), 1U);
}

TEST(ChangeFeed, AChangeElsewhereWakesNobody) {
    ChangeFeed feed;
    Wakes distributor, sellerOne, customerOne;
    ASSERT_NE(feed.wait(0, kDistributor, distributor.waker()), 0U);
    ASSERT_NE(feed.wait(0, kSellerOne, sellerOne.waker()), 0U);
    ASSERT_NE(feed.wait(0, kCustomerOne, customerOne.waker()), 0U);
    feed.publish(kElsewhere);  // another distributor
    feed.publish(kC3);         // seller two's customer: the distributor hears of it
    EXPECT_EQ(distributor.seen.size(), 1U);
    feed.publish(kC2);  // seller one's other customer: c1 still hears nothing
    EXPECT_EQ(sellerOne.seen, (std::vector<Sequence>{3}));
    EXPECT_TRUE(customerOne.seen.empty());
    // The distributor was woken by kC3 only, never by the other distributor's change.
    EXPECT_EQ(distributor.seen, (std::vector<Sequence>{2}));
}

TEST(ChangeFeed, ACancelledWaiterIsNotWoken) {
    ChangeFeed feed;
    Wakes cancelled, kept;
    const auto id = feed.wait(0, kSellerOne, cancelled.waker());
    ASSERT_NE(id, 0U);
    ASSERT_NE(feed.wait(0, kSellerOne, kept.waker()), 0U);
    feed.cancel(id);
    feed.publish(kC1);
    EXPECT_TRUE(cancelled.seen.empty());
    EXPECT_EQ(kept.seen.size(), 1U);
    feed.cancel(id);  // harmless again, and once woken
    feed.cancel(12345);
}

TEST(ChangeFeed, ACursorAheadOfTheFeedIsFromAnotherRunAndAnswersAtOnce) {
    ChangeFeed feed;
    Wakes wakes;
    EXPECT_EQ(feed.wait(7, kSellerOne, wakes.waker()), 0U);  // nothing published yet
    feed.publish(kElsewhere);
    EXPECT_EQ(feed.wait(2, kSellerOne, wakes.waker()), 0U);
    EXPECT_NE(feed.wait(1, kSellerOne, wakes.waker()), 0U);  // exactly current: waits
    EXPECT_TRUE(wakes.seen.empty());
}

TEST(ChangeFeed, ACursorOlderThanTheHistoryKeptAnswersAtOnce) {
    ChangeFeed feed;
    // 1030 changes that do not concern seller one; the feed keeps the last 1024 (7..1030).
    for (int i = 0; i < 1030; ++i)
        feed.publish(kC3);
    Wakes wakes;
    EXPECT_EQ(feed.wait(0, kSellerOne, wakes.waker()), 0U);
    EXPECT_EQ(feed.wait(5, kSellerOne, wakes.waker()), 0U);  // change 6 is forgotten
    // From 6 on every change is still known, and none concerns seller one: it waits.
    EXPECT_NE(feed.wait(6, kSellerOne, wakes.waker()), 0U);
    EXPECT_NE(feed.wait(1000, kSellerOne, wakes.waker()), 0U);
    EXPECT_TRUE(wakes.seen.empty());
}

TEST(ChangeFeed, WakersRunOutsideTheLockAndMayPublishAndWaitAgain) {
    ChangeFeed feed;
    Wakes later;
    std::uint64_t rewaitId = 0;
    Sequence seenInWake = 0, currentInWake = 0, publishedInWake = 0;
    ASSERT_NE(feed.wait(0, kSellerOne,
                        [&](Sequence s) {
                            seenInWake = s;
                            currentInWake = feed.current();
                            rewaitId = feed.wait(s, kSellerOne, later.waker());
                            publishedInWake = feed.publish(kC3);  // not seller one's
                        }),
              0U);
    // Were the waker called under the feed's lock, this would deadlock: give it a bound.
    std::promise<Sequence> published;
    auto done = published.get_future();
    std::thread publisher([&] { published.set_value(feed.publish(kC1)); });
    if (done.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
        publisher.detach();  // stuck for good; the test has failed
        FAIL() << "publish deadlocked calling a waker";
    }
    publisher.join();
    const auto first = done.get();
    EXPECT_EQ(seenInWake, first);
    EXPECT_EQ(currentInWake, first);
    EXPECT_NE(rewaitId, 0U);
    EXPECT_EQ(publishedInWake, first + 1);
    EXPECT_TRUE(later.seen.empty());  // the change the waker published was not seller one's

    const auto next = feed.publish(kC2);
    EXPECT_EQ(later.seen, (std::vector<Sequence>{next}));
}

}  // namespace
}  // namespace orgdesk::platform
