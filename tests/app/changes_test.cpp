// Live updates: the long-poll of GET /api/v1/changes that runs while signed in, what a change
// reloads, the backoff after failures, and the stop at sign-out.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

#include "app/request_batch.hpp"
#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::OrderAction;
using core::OrderStatus;
using core::OrgAction;
using core::OrgStatus;

std::vector<std::string> paths_of(const Transition& t) {
    std::vector<std::string> paths;
    for (const auto& request : requests_of(t))
        paths.push_back(request.path);
    return paths;
}

Transition feed_answers(const State& s, int status, std::string body) {
    return update(
        s, HttpAnswered{s.changes.pending.value(), Purpose::WatchChanges, status, std::move(body)});
}

const StartTimer& only_timer(const Transition& t) {
    EXPECT_EQ(t.effects.size(), 1U);
    return std::get<StartTimer>(t.effects.at(0));
}

TEST(AppChanges, SigningInStartsTheFeedAndOnlyItIsALongPoll) {
    State s;
    s.signIn.username = "seller@demo.test";
    s.signIn.password = "orgdesk-demo";
    auto t = update(s, SignInSubmitted{});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body()});
    const auto feed = request_for(t, Purpose::WatchChanges);
    EXPECT_EQ(feed.path, "/api/v1/changes");  // answered at once with the current cursor
    EXPECT_EQ(feed.token, "tok.secret");
    EXPECT_TRUE(feed.longPoll);  // so the idle frame loop may sleep while it waits
    EXPECT_FALSE(request_for(t, Purpose::ListOrders).longPoll);
    EXPECT_FALSE(request_for(t, Purpose::ListCustomers).longPoll);

    t = update(t.state, HttpAnswered{feed.id, Purpose::WatchChanges, 200,
                                     R"({"cursor":"7.3","changed":false})"});
    const auto wait = only_request(t);  // nothing reloaded: nothing changed yet
    EXPECT_EQ(wait.path, "/api/v1/changes?after=7.3");
    EXPECT_TRUE(wait.longPoll);
}

// One's own Approve is answered, and the feed reports the same change, before the next frame:
// both reload the list, and the frame sends one request for it (app/request_batch.hpp).
TEST(AppChanges, AnApprovalAndTheFeedReportingItReloadTheListOnce) {
    State s = profile_of(customer("c1", OrgStatus::New, {OrgAction::Approve, OrgAction::Reject}));
    s = feed_answers(s, 200, R"({"cursor":"1.1","changed":false})").state;
    const auto clicked = update(s, OrganizationActionClicked{OrgAction::Approve});
    const auto approve = request_for(clicked, Purpose::CustomerAction);

    std::vector<HttpRequest> batch;
    const auto take = [&batch](const Transition& t) {
        const auto requests = requests_of(t);
        batch.insert(batch.end(), requests.begin(), requests.end());
        return t.state;
    };
    s = take(update(clicked.state,
                    HttpAnswered{approve.id, Purpose::CustomerAction, 200,
                                 core::to_json(customer("c1", OrgStatus::Active, {})).dump()}));
    s = take(feed_answers(s, 200, R"({"cursor":"1.2","changed":true})"));
    const auto lists = [](const std::vector<HttpRequest>& requests) {
        std::vector<HttpRequest> found;
        std::copy_if(requests.begin(), requests.end(), std::back_inserter(found),
                     [](const HttpRequest& r) { return r.purpose == Purpose::ListCustomers; });
        return found;
    };
    ASSERT_EQ(lists(batch).size(), 2U);

    const auto sent = without_repeated_reads(batch);
    ASSERT_EQ(lists(sent).size(), 1U);
    EXPECT_EQ(sent.size(), batch.size() - 1);  // the orders, the organization, the next wait
    // The one sent is the one the list waits for: its answer shows the approval.
    const auto list = lists(sent).front();
    EXPECT_EQ(s.list.pending, list.id);
    s = update(s, HttpAnswered{list.id, Purpose::ListCustomers, 200,
                               page_body({customer("c1", OrgStatus::Active, {})}, std::nullopt)})
            .state;
    EXPECT_EQ(s.list.items.at(0).org.status, OrgStatus::Active);
}

TEST(AppChanges, RequestsThatChangeSomethingOrReadOtherThingsAllLeave) {
    const auto request = [](RequestId id, Purpose purpose, std::string method, std::string path) {
        HttpRequest r;
        r.id = id;
        r.purpose = purpose;
        r.method = std::move(method);
        r.path = std::move(path);
        r.token = "tok.secret";
        return r;
    };
    const auto approve = request(1, Purpose::CustomerAction, "PUT", "/api/v1/customers/c1/approve");
    auto again = approve;
    again.id = 2;
    EXPECT_EQ(without_repeated_reads({approve, again}).size(), 2U);
    EXPECT_EQ(
        without_repeated_reads(
            {request(3, Purpose::ListCustomers, "GET", "/api/v1/customers?limit=50"),
             request(4, Purpose::ListCustomers, "GET", "/api/v1/customers?limit=50&status=New")})
            .size(),
        2U);
}

TEST(AppChanges, AChangeReloadsTheOrdersTheCountsAndTheOpenOrder) {
    State s = signed_in_with_orders(
        {order("o1", OrderStatus::PendingApproval, {OrderAction::Approve, OrderAction::Reject})});
    auto opened = update(s, OrderOpened{"o1"});
    s = update(opened.state, HttpAnswered{only_request(opened).id, Purpose::LoadOrder, 200,
                                          core::to_json(order("o1", OrderStatus::PendingApproval,
                                                              {OrderAction::Approve}))
                                              .dump()})
            .state;
    const auto t = feed_answers(s, 200, R"({"cursor":"1.11","changed":true})");
    EXPECT_EQ(paths_of(t),
              (std::vector<std::string>{"/api/v1/orders?limit=50&status=PendingApproval",
                                        "/api/v1/customers?limit=50", "/api/v1/orders/o1",
                                        "/api/v1/changes?after=1.11"}));

    // The reloaded queue brings the new count for the badge.
    State after =
        update(t.state,
               HttpAnswered{request_for(t, Purpose::ListOrders).id, Purpose::ListOrders, 200,
                            order_page_body({}, std::nullopt, {{OrderStatus::PendingApproval, 3}})})
            .state;
    EXPECT_EQ(after.orders.counts.at(OrderStatus::PendingApproval), 3);
    after = update(after,
                   HttpAnswered{request_for(t, Purpose::LoadOrder).id, Purpose::LoadOrder, 200,
                                core::to_json(order("o1", OrderStatus::Provisioning, {})).dump()})
                .state;
    EXPECT_EQ(after.order.view->order.status, OrderStatus::Provisioning);
}

TEST(AppChanges, ATimeoutOnlyAsksAgain) {
    const State s = signed_in_with_orders({});
    const auto t = feed_answers(s, 200, R"({"cursor":"1.10","changed":false})");
    EXPECT_EQ(paths_of(t), (std::vector<std::string>{"/api/v1/changes?after=1.10"}));
}

TEST(AppChanges, AFailureWaitsTwoSecondsThenFiveAndStartsOverAfterASuccess) {
    State s = signed_in_with_orders({});
    auto t = feed_answers(s, 0, "");  // the server could not be reached
    const auto first = only_timer(t);
    EXPECT_EQ(first.delayMs, 2000);
    EXPECT_FALSE(t.state.changes.pending);
    EXPECT_TRUE(update(t.state, TimerFired{first.id + 100}).effects.empty());  // not ours

    t = update(t.state, TimerFired{first.id});
    // Asked without the cursor: answered at once, so the app knows the server is back.
    EXPECT_EQ(only_request(t).path, "/api/v1/changes");
    t = feed_answers(t.state, 503, "");
    const auto second = only_timer(t);
    EXPECT_EQ(second.delayMs, 5000);
    t = feed_answers(update(t.state, TimerFired{second.id}).state, 200, "not json");
    EXPECT_EQ(only_timer(t).delayMs, 5000);

    t = update(t.state, TimerFired{only_timer(t).id});
    t = feed_answers(t.state, 200, R"({"cursor":"1.12","changed":true})");
    EXPECT_EQ(t.state.changes.failures, 0);
    // Changes made while it was away are caught up with at once.
    EXPECT_EQ(paths_of(t).back(), "/api/v1/changes?after=1.12");
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path,
              "/api/v1/orders?limit=50&status=PendingApproval");
    t = feed_answers(t.state, 0, "");
    EXPECT_EQ(only_timer(t).delayMs, 2000);
}

TEST(AppChanges, AnUnreachableServerIsSaidUntilItAnswersAgainAndThenCaughtUpWith) {
    State s = signed_in_with_orders({});
    auto t = feed_answers(s, 503, "");
    EXPECT_FALSE(t.state.changes.unreachable) << "a server that answers is reachable";
    t = feed_answers(update(t.state, TimerFired{only_timer(t).id}).state, 0, "");
    EXPECT_TRUE(t.state.changes.unreachable);
    t = update(t.state, TimerFired{only_timer(t).id});
    EXPECT_TRUE(t.state.changes.unreachable) << "still said while the retry is on its way";
    // Back, with nothing reported as changed: what is shown is reloaded all the same.
    t = feed_answers(t.state, 200, R"({"cursor":"1.10","changed":false})");
    EXPECT_FALSE(t.state.changes.unreachable);
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path,
              "/api/v1/orders?limit=50&status=PendingApproval");
}

TEST(AppChanges, SignOutStopsTheFeed) {
    State s = signed_in_with_orders({});
    const RequestId poll = s.changes.pending.value();
    auto t = update(s, SignOutClicked{});
    EXPECT_EQ(only_request(t).path, "/api/v1/auth/logout");
    EXPECT_FALSE(t.state.changes.pending);
    // The poll's late answer starts nothing.
    t = update(t.state, HttpAnswered{poll, Purpose::WatchChanges, 200,
                                     R"({"cursor":"1.11","changed":true})"});
    EXPECT_TRUE(t.effects.empty());

    // Nor does a retry timer that fires after sign-out.
    s = signed_in_with_orders({});
    t = feed_answers(s, 0, "");
    const auto timer = only_timer(t);
    t = update(update(t.state, SignOutClicked{}).state, TimerFired{timer.id});
    EXPECT_TRUE(t.effects.empty());
}

TEST(AppChanges, TheLastSessionsPollCannotEndTheNextSession) {
    State s = signed_in_with_orders({});
    const RequestId oldPoll = s.changes.pending.value();
    s = update(s, SignOutClicked{}).state;
    s.signIn.password = "orgdesk-demo";
    auto t = update(s, SignInSubmitted{});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body()});
    // The server answers the revoked token's poll only now.
    t = update(t.state, HttpAnswered{oldPoll, Purpose::WatchChanges, 401, "{}"});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_TRUE(t.state.session.has_value());
    EXPECT_NE(t.state.screen, Screen::SignIn);
}

TEST(AppChanges, AnExpiredSessionEndsTheFeedWithTheSession) {
    const State s = signed_in_with_orders({});
    const auto t = feed_answers(s, 401, "{}");
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.screen, Screen::SignIn);
    EXPECT_EQ(t.state.signIn.error,
              "Signed out: your session expired. Sign in again to return to where you were.");
}

TEST(AppChanges, AToastOutlivesTheFeedsAnswersAndTimers) {
    State s = signed_in_with_orders({});
    s.toast = Toast{"2 approved.", false};
    auto t = feed_answers(s, 0, "");
    EXPECT_TRUE(t.state.toast.has_value());
    t = update(t.state, TimerFired{only_timer(t).id});
    EXPECT_TRUE(t.state.toast.has_value());
}

TEST(AppChanges, AChangeReloadsTheOpenProfilesSubscriptions) {
    State s = signed_in_with_orders({});
    auto t = update(s, OrganizationOpened{"c1"});
    s = update(t.state,
               HttpAnswered{only_request(t).id, Purpose::LoadCustomer, 200,
                            core::to_json(customer("c1", core::OrgStatus::Active, {})).dump()})
            .state;
    s = update(s, ProfileTabChosen{ProfileTab::Subscriptions}).state;
    s = update(s, HttpAnswered{s.profile.pendingSubscriptions.value(), Purpose::LoadSubscriptions,
                               200, R"({"items":[]})"})
            .state;
    t = feed_answers(s, 200, R"({"cursor":"1.11","changed":true})");
    const auto paths = paths_of(t);
    EXPECT_NE(std::find(paths.begin(), paths.end(), "/api/v1/customers/c1"), paths.end());
    EXPECT_NE(std::find(paths.begin(), paths.end(), "/api/v1/customers/c1/subscriptions"),
              paths.end());
}

}  // namespace
}  // namespace orgdesk::app
