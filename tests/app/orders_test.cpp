// The orders screens: the approval queue and its counts, filters and pages, one order's
// decisions, and decisions on a selection.
#include <gtest/gtest.h>

#include "app/bulk_summary.hpp"
#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::Json;
using core::OrderAction;
using core::OrderStatus;

const std::vector<OrderAction> kDecidable = {OrderAction::Approve, OrderAction::Reject};

TEST(AppOrders, StaffGetThePendingQueueAndItsCountsAtSignIn) {
    State s;
    s.signIn.username = "seller@demo.test";
    s.signIn.password = "orgdesk-demo";
    auto t = update(s, SignInSubmitted{});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body()});
    const auto list = request_for(t, Purpose::ListOrders);
    EXPECT_EQ(list.method, "GET");
    EXPECT_EQ(list.path, "/api/v1/orders?limit=50&status=PendingApproval");
    EXPECT_EQ(list.token, "tok.secret");

    t = update(
        t.state,
        HttpAnswered{
            list.id, Purpose::ListOrders, 200,
            order_page_body({order("o1", OrderStatus::PendingApproval, kDecidable)}, "o1.c",
                            {{OrderStatus::PendingApproval, 7}, {OrderStatus::Provisioned, 3}})});
    const auto& orders = t.state.orders;
    ASSERT_EQ(orders.items.size(), 1U);
    EXPECT_EQ(orders.items[0].customer.name, "Northwind Traders");
    EXPECT_EQ(orders.counts.at(OrderStatus::PendingApproval), 7);  // the rail's badge
    EXPECT_EQ(orders.nextCursor, "o1.c");
    EXPECT_TRUE(orders.loaded);
    EXPECT_FALSE(orders.pending);
}

TEST(AppOrders, ACustomerSeesAllTheirOrders) {
    State s;
    s.signIn.username = "owner@demo.test";
    s.signIn.password = "orgdesk-demo";
    auto t = update(s, SignInSubmitted{});
    t = update(t.state,
               HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body(kCustomerOwner)});
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path, "/api/v1/orders?limit=50");
}

TEST(AppOrders, OpeningOrdersReloadsTheList) {
    State s = signed_in_with_orders({});
    const auto t = update(s, OrdersClicked{});
    EXPECT_EQ(t.state.screen, Screen::Orders);
    EXPECT_EQ(only_request(t).path, "/api/v1/orders?limit=50&status=PendingApproval");
}

TEST(AppOrders, AFilterAsksForItsOrdersAndOutdatedAnswersChangeNothing) {
    State s = signed_in_with_orders({order("o1", OrderStatus::PendingApproval, kDecidable)});
    auto first = update(s, OrderStatusFilterChosen{OrderStatus::Provisioned});
    const auto stale = only_request(first);
    EXPECT_EQ(stale.path, "/api/v1/orders?limit=50&status=Provisioned");
    auto second = update(first.state, OrderStatusFilterChosen{std::nullopt});
    const auto fresh = only_request(second);
    EXPECT_EQ(fresh.path, "/api/v1/orders?limit=50");
    // Choosing the filter already shown asks for nothing.
    EXPECT_TRUE(update(second.state, OrderStatusFilterChosen{std::nullopt}).effects.empty());

    auto t =
        update(second.state, HttpAnswered{stale.id, Purpose::ListOrders, 200, order_page_body({})});
    EXPECT_EQ(t.state.orders.items.size(), 1U);
    t = update(t.state, HttpAnswered{fresh.id, Purpose::ListOrders, 200,
                                     order_page_body({order("o2", OrderStatus::Provisioned, {}),
                                                      order("o3", OrderStatus::Rejected, {})})});
    ASSERT_EQ(t.state.orders.items.size(), 2U);
    EXPECT_EQ(t.state.orders.items[1].order.id, "o3");
}

TEST(AppOrders, LoadMoreAppendsTheNextPageOnce) {
    State s =
        signed_in_with_orders({order("o1", OrderStatus::PendingApproval, kDecidable)}, "o1.cursor");
    auto t = update(s, MoreOrdersClicked{});
    const auto more = only_request(t);
    EXPECT_EQ(more.path, "/api/v1/orders?limit=50&status=PendingApproval&cursor=o1.cursor");
    EXPECT_TRUE(update(t.state, MoreOrdersClicked{}).effects.empty());
    t = update(t.state,
               HttpAnswered{more.id, Purpose::MoreOrders, 200,
                            order_page_body({order("o0", OrderStatus::PendingApproval, {})})});
    ASSERT_EQ(t.state.orders.items.size(), 2U);
    EXPECT_EQ(t.state.orders.items[1].order.id, "o0");
    EXPECT_TRUE(update(t.state, MoreOrdersClicked{}).effects.empty());  // no next page
}

TEST(AppOrders, ApprovingFromTheDetailShowsTheNewStatusAndSaysSo) {
    State s = signed_in_with_orders({order("o1", OrderStatus::PendingApproval, kDecidable)});
    auto t = update(s, OrderOpened{"o1"});
    EXPECT_EQ(t.state.screen, Screen::OrderDetail);
    ASSERT_TRUE(t.state.order.view.has_value());  // shown at once from the list
    const auto load = only_request(t);
    EXPECT_EQ(load.path, "/api/v1/orders/o1");

    t = update(t.state, OrderDecisionClicked{OrderAction::Approve});
    const auto approve = only_request(t);
    EXPECT_EQ(approve.method, "POST");
    EXPECT_EQ(approve.path, "/api/v1/orders/o1/approve");
    EXPECT_TRUE(approve.body.empty());
    EXPECT_TRUE(update(t.state, OrderDecisionClicked{OrderAction::Approve}).effects.empty());

    auto approved = order("o1", OrderStatus::Approved, {});
    approved.order.decidedById = "u1";
    approved.order.decidedByName = "Sam Seller";
    t = update(t.state,
               HttpAnswered{approve.id, Purpose::DecideOrder, 200, core::to_json(approved).dump()});
    EXPECT_EQ(t.state.order.view->order.status, OrderStatus::Approved);
    EXPECT_EQ(t.state.order.view->order.decidedByName, "Sam Seller");
    EXPECT_EQ(t.state.orders.items[0].order.status, OrderStatus::Approved);
    ASSERT_TRUE(t.state.toast.has_value());
    EXPECT_EQ(t.state.toast->text,
              "The order of Northwind Traders was approved; provisioning starts now.");
    EXPECT_FALSE(t.state.toast->isError);
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path,
              "/api/v1/orders?limit=50&status=PendingApproval");  // the counts changed
    // The earlier load's answer arrives late with the old status: it must not undo the approval.
    t = update(
        t.state,
        HttpAnswered{load.id, Purpose::LoadOrder, 200,
                     core::to_json(order("o1", OrderStatus::PendingApproval, kDecidable)).dump()});
    EXPECT_EQ(t.state.order.view->order.status, OrderStatus::Approved);
}

TEST(AppOrders, ADecisionTheOrderDoesNotOfferIsNotSent) {
    State s = signed_in_with_orders({order("o1", OrderStatus::Provisioned, {})});
    auto t = update(s, OrderOpened{"o1"});
    EXPECT_TRUE(update(t.state, OrderDecisionClicked{OrderAction::Approve}).effects.empty());
    EXPECT_TRUE(update(t.state, OrderDecisionClicked{OrderAction::Reject}).effects.empty());
    EXPECT_FALSE(update(t.state, OrderDecisionClicked{OrderAction::Reject}).state.orderReject.open);
}

TEST(AppOrders, AConflictNamesWhoDecidedAndShowsTheOrderAsItIs) {
    State s = signed_in_with_orders({order("o1", OrderStatus::PendingApproval, kDecidable)});
    auto t = update(update(s, OrderOpened{"o1"}).state, OrderDecisionClicked{OrderAction::Approve});
    const auto approve = only_request(t);
    auto conflict = core::Json::parse(
        problem(core::ErrorKind::Conflict, "This order was already rejected by Ann Lee."));
    conflict["requestId"] = "req-9";
    t = update(t.state, HttpAnswered{approve.id, Purpose::DecideOrder, 409, conflict.dump()});
    EXPECT_EQ(t.state.order.error,
              (Notice{"This order was already rejected by Ann Lee.", "req-9"}));
    ASSERT_TRUE(t.state.toast.has_value());
    EXPECT_TRUE(t.state.toast->isError);
    EXPECT_EQ(t.state.toast->reference, "req-9");
    EXPECT_FALSE(t.state.order.pendingDecision);
    EXPECT_EQ(only_request(t).path, "/api/v1/orders/o1");
}

TEST(AppOrders, RejectingAsksForAReasonBeforeSending) {
    State s = signed_in_with_orders({order("o1", OrderStatus::PendingApproval, kDecidable)});
    s = apply(s, {OrderOpened{"o1"}, OrderDecisionClicked{OrderAction::Reject}});
    EXPECT_TRUE(s.orderReject.open);
    EXPECT_FALSE(s.orderReject.forSelection);
    auto t = update(s, OrderRejectConfirmed{});
    EXPECT_TRUE(t.effects.empty());
    ASSERT_EQ(t.state.orderReject.errors.size(), 1U);
    EXPECT_EQ(t.state.orderReject.errors[0].field, "reason");
    // Spaces only are no reason either.
    t = update(update(t.state, OrderRejectReasonEdited{"   "}).state, OrderRejectConfirmed{});
    EXPECT_TRUE(t.effects.empty());

    t = update(update(t.state, OrderRejectReasonEdited{"No payment received"}).state,
               OrderRejectConfirmed{});
    const auto reject = only_request(t);
    EXPECT_EQ(reject.method, "POST");
    EXPECT_EQ(reject.path, "/api/v1/orders/o1/reject");
    EXPECT_EQ(Json::parse(reject.body), (Json{{"reason", "No payment received"}}));
    // While it is on its way, the dialog stays (it cannot be cancelled half-sent).
    EXPECT_TRUE(update(t.state, OrderRejectCancelled{}).state.orderReject.open);

    auto rejected = order("o1", OrderStatus::Rejected, {});
    rejected.order.rejectionReason = "No payment received";
    t = update(t.state,
               HttpAnswered{reject.id, Purpose::DecideOrder, 200, core::to_json(rejected).dump()});
    EXPECT_FALSE(t.state.orderReject.open);
    EXPECT_EQ(t.state.order.view->order.rejectionReason, "No payment received");
    EXPECT_EQ(t.state.toast->text, "The order of Northwind Traders was rejected.");
}

TEST(AppOrders, CancellingTheReasonDialogSendsNothing) {
    State s = signed_in_with_orders({order("o1", OrderStatus::PendingApproval, kDecidable)});
    s = apply(s, {OrderOpened{"o1"}, OrderDecisionClicked{OrderAction::Reject},
                  OrderRejectReasonEdited{"x"}});
    const auto t = update(s, OrderRejectCancelled{});
    EXPECT_FALSE(t.state.orderReject.open);
    EXPECT_TRUE(t.effects.empty());
}

// Three rows: two can be decided, one is already provisioned.
State queue_of_three() {
    return signed_in_with_orders({order("o3", OrderStatus::PendingApproval, kDecidable),
                                  order("o2", OrderStatus::PendingApproval, kDecidable),
                                  order("o1", OrderStatus::Provisioned, {})});
}

TEST(AppOrders, OnlyDecidableRowsCanBeSelected) {
    State s = queue_of_three();
    s = apply(s, {OrderSelectionToggled{"o3"}, OrderSelectionToggled{"o1"}});
    EXPECT_EQ(s.orders.selected, (std::set<std::string>{"o3"}));
    s = update(s, PageSelectionToggled{}).state;
    EXPECT_EQ(s.orders.selected, (std::set<std::string>{"o2", "o3"}));
    s = update(s, PageSelectionToggled{}).state;  // everything was selected: clear
    EXPECT_TRUE(s.orders.selected.empty());
    s = update(s, OrderSelectionToggled{"o2"}).state;
    s = update(s, OrderSelectionToggled{"o2"}).state;
    EXPECT_TRUE(s.orders.selected.empty());
    EXPECT_TRUE(update(s, SelectionDecisionClicked{OrderAction::Approve}).effects.empty());
}

TEST(AppOrders, ApprovingTheSelectionSendsOneRequestAndSummarizesTheResults) {
    State s = apply(queue_of_three(), {PageSelectionToggled{}});
    auto t = update(s, SelectionDecisionClicked{OrderAction::Approve});
    const auto bulk = only_request(t);
    EXPECT_EQ(bulk.method, "POST");
    EXPECT_EQ(bulk.path, "/api/v1/orders/decisions");
    const auto sent = core::bulk_decision_request_from_json(Json::parse(bulk.body));
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->action, OrderAction::Approve);
    EXPECT_EQ(sent->orderIds, (std::vector<std::string>{"o3", "o2"}));  // as the queue shows them
    EXPECT_TRUE(update(t.state, SelectionDecisionClicked{OrderAction::Approve}).effects.empty());

    std::vector<core::BulkDecisionResult> results(2);
    results[0].orderId = "o3";
    results[0].order = order("o3", OrderStatus::Approved, {});
    results[1].orderId = "o2";
    results[1].error = core::make_error(core::ErrorKind::Conflict, "already-decided",
                                        "This order was already rejected by Ann Lee.");
    t = update(t.state,
               HttpAnswered{bulk.id, Purpose::DecideOrders, 200, core::to_json(results).dump()});
    ASSERT_TRUE(t.state.toast.has_value());
    EXPECT_EQ(t.state.toast->text,
              "1 approved, 1 failed: This order was already rejected by Ann Lee.");
    EXPECT_TRUE(t.state.toast->isError);
    EXPECT_EQ(t.state.orders.items[0].order.status, OrderStatus::Approved);
    EXPECT_TRUE(t.state.orders.selected.empty());
    EXPECT_FALSE(t.state.orders.pendingBulk);
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path,
              "/api/v1/orders?limit=50&status=PendingApproval");
}

TEST(AppOrders, RejectingTheSelectionAsksForOneReason) {
    State s = apply(queue_of_three(), {PageSelectionToggled{}});
    auto t = update(s, SelectionDecisionClicked{OrderAction::Reject});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_TRUE(t.state.orderReject.open);
    EXPECT_TRUE(t.state.orderReject.forSelection);
    t = update(t.state, OrderRejectConfirmed{});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.orderReject.errors.at(0).field, "reason");

    t = update(update(t.state, OrderRejectReasonEdited{"Duplicate orders"}).state,
               OrderRejectConfirmed{});
    const auto sent =
        core::bulk_decision_request_from_json(Json::parse(only_request(t).body)).value();
    EXPECT_EQ(sent.action, OrderAction::Reject);
    EXPECT_EQ(sent.reason, "Duplicate orders");
    EXPECT_EQ(sent.orderIds.size(), 2U);

    std::vector<core::BulkDecisionResult> results(2);
    for (std::size_t i = 0; i < 2; ++i) {
        results[i].orderId = sent.orderIds[i];
        results[i].order = order(sent.orderIds[i], OrderStatus::Rejected, {});
    }
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::DecideOrders, 200,
                                     core::to_json(results).dump()});
    EXPECT_EQ(t.state.toast->text, "2 rejected.");
    EXPECT_FALSE(t.state.toast->isError);
    EXPECT_FALSE(t.state.orderReject.open);
}

TEST(AppOrders, TheBulkSummarySaysEachReasonOnce) {
    std::vector<core::BulkDecisionResult> results;
    for (int i = 0; i < 12; ++i) {
        results.push_back({"ok" + std::to_string(i), order("x", OrderStatus::Approved, {}), {}});
    }
    const auto conflict = core::make_error(core::ErrorKind::Conflict, "already-decided",
                                           "This order was already rejected by Ann Lee.");
    results.push_back({"bad", std::nullopt, conflict});
    EXPECT_EQ(bulk_summary(OrderAction::Approve, results),
              "12 approved, 1 failed: This order was already rejected by Ann Lee.");

    results.push_back({"bad2", std::nullopt, conflict});
    results.push_back({"gone", std::nullopt,
                       core::make_error(core::ErrorKind::NotFound, "not-found",
                                        "This order does not exist or is not yours to see.")});
    EXPECT_EQ(bulk_summary(OrderAction::Approve, results),
              "12 approved, 3 failed: This order was already rejected by Ann Lee. This order "
              "does not exist or is not yours to see.");
    EXPECT_EQ(bulk_summary(OrderAction::Reject, {}), "0 rejected.");
}

TEST(AppOrders, AFailedBulkRequestSaysWhy) {
    State s = apply(queue_of_three(), {PageSelectionToggled{}});
    auto t = update(s, SelectionDecisionClicked{OrderAction::Approve});
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::DecideOrders, 0, ""});
    EXPECT_EQ(t.state.toast->text,
              "Cannot reach the Orgdesk server. Check your connection and try again.");
    EXPECT_TRUE(t.state.toast->isError);
    EXPECT_EQ(t.state.orders.selected.size(), 2U);  // kept, to try again
}

TEST(AppOrders, ACustomerCannotSelectOrDecide) {
    State s = signed_in_with_orders({order("o1", OrderStatus::PendingApproval, {})}, std::nullopt,
                                    kCustomerOwner);
    s = apply(s, {OrderSelectionToggled{"o1"}, PageSelectionToggled{}});
    EXPECT_TRUE(s.orders.selected.empty());
    auto t = update(s, OrderOpened{"o1"});
    EXPECT_TRUE(update(t.state, OrderDecisionClicked{OrderAction::Approve}).effects.empty());
}

}  // namespace
}  // namespace orgdesk::app
