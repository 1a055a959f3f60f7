// The password work queue: on worker threads of its own on the server, and, without any (the
// offline sandbox in a web page), done at once by the caller.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <optional>
#include <thread>
#include <variant>

#include "server/password_work_queue.hpp"

namespace orgdesk::server {
namespace {

StringResponse done_on_this_thread(std::thread::id& ranOn) {
    ranOn = std::this_thread::get_id();
    StringResponse response{http::status::ok, 11};
    response.body() = "hashed";
    return response;
}

TEST(PasswordWorkQueue, WithoutWorkersTheCallerDoesTheWorkBeforeStartReturns) {
    PasswordWorkQueue queue(0, 4);
    std::thread::id ranOn;
    auto answer = queue.answer([&ranOn] { return done_on_this_thread(ranOn); });
    ASSERT_TRUE(std::holds_alternative<DeferredResponse>(answer));
    std::optional<StringResponse> sent;
    std::get<DeferredResponse>(answer).start([&sent](StringResponse r) { sent = std::move(r); });
    ASSERT_TRUE(sent.has_value());
    EXPECT_EQ(sent->body(), "hashed");
    EXPECT_EQ(ranOn, std::this_thread::get_id());
}

TEST(PasswordWorkQueue, WithoutWorkersAStoppedQueueRefusesWork) {
    PasswordWorkQueue queue(0, 4);
    queue.stop();
    bool ran = false;
    EXPECT_FALSE(queue.try_submit([&ran] { ran = true; }));
    EXPECT_FALSE(ran);
}

TEST(PasswordWorkQueue, WithWorkersTheWorkRunsOnAnotherThread) {
    PasswordWorkQueue queue(1, 4);
    std::thread::id ranOn;
    std::promise<StringResponse> sent;
    auto answer = queue.answer([&ranOn] { return done_on_this_thread(ranOn); });
    std::get<DeferredResponse>(answer).start([&sent](StringResponse r) { sent.set_value(r); });
    auto future = sent.get_future();
    ASSERT_EQ(future.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_EQ(future.get().body(), "hashed");
    EXPECT_NE(ranOn, std::this_thread::get_id());
}

}  // namespace
}  // namespace orgdesk::server
