// Orders, products and subscriptions on the wire, and the order request bodies.
#include <gtest/gtest.h>

#include "core/order_codecs.hpp"
#include "core/request_codecs.hpp"
#include "order_test_support.hpp"

namespace orgdesk::core {
namespace {

OrderView sample_view(OrderStatus status = OrderStatus::PendingApproval) {
    OrderView v;
    v.order = test::order_in(status);
    v.customer = order_customer_of(test::customer_org());
    v.links.self = "https://orgdesk.test/api/v1/orders/order-1";
    if (status == OrderStatus::PendingApproval) {
        v.actions = {OrderAction::Approve, OrderAction::Reject};
        v.links.approve = v.links.self + "/approve";
        v.links.reject = v.links.self + "/reject";
    }
    return v;
}

void expect_same_view(const OrderView& decoded, const OrderView& view) {
    EXPECT_EQ(decoded.order, view.order);
    EXPECT_EQ(decoded.customer, view.customer);
    EXPECT_EQ(decoded.actions, view.actions);
    EXPECT_EQ(decoded.links, view.links);
}

// The field names of an InvalidInput error, in order.
template <class T>
std::vector<std::string> refused_fields(const Result<T>& result) {
    EXPECT_FALSE(result.ok());
    if (result.ok())
        return {};
    EXPECT_EQ(result.error().kind, ErrorKind::InvalidInput);
    std::vector<std::string> fields;
    for (const auto& f : result.error().fields)
        fields.push_back(f.field);
    return fields;
}

using Fields = std::vector<std::string>;

TEST(OrderCodecs, OrderUsesTheWireNamesAndDecimalAmounts) {
    const Json json = to_json(sample_view());
    EXPECT_EQ(json["customerId"], test::kCustomer);
    EXPECT_EQ(json["customer"]["name"], "Nordvik AB");
    EXPECT_EQ(json["customer"]["status"], "Active");
    EXPECT_EQ(json["customer"]["billingCountry"], "SE");
    EXPECT_EQ(json["status"], "PendingApproval");
    EXPECT_EQ(json["statusText"], "Pending approval");
    EXPECT_EQ(json["lines"][0]["sku"], "MAIL-BASIC");
    EXPECT_EQ(json["lines"][0]["unitPrice"], "12.50");
    EXPECT_EQ(json["lines"][0]["lineTotal"], "37.50");
    EXPECT_EQ(json["lines"][1]["billingPeriod"], "Annual");
    EXPECT_EQ(json["price"]["net"], "107.43");
    EXPECT_EQ(json["price"]["tax"], "26.86");
    EXPECT_EQ(json["price"]["total"], "134.29");
    EXPECT_EQ(json["price"]["currency"], "EUR");
    EXPECT_EQ(json["price"]["taxRate"], "25.00");
    EXPECT_EQ(json["placedBy"], (Json{{"id", "owner-1"}, {"name", "Olle Owner"}}));
    EXPECT_TRUE(json["decidedBy"].is_null());
    EXPECT_TRUE(json["decidedAt"].is_null());
    EXPECT_EQ(json["actions"], Json::array({"approve", "reject"}));
    EXPECT_EQ(json["links"]["approve"], "https://orgdesk.test/api/v1/orders/order-1/approve");
    EXPECT_EQ(json["createdAt"], "2025-11-13T02:13:20.123Z");
}

TEST(OrderCodecs, OrderRoundTrips) {
    for (const OrderStatus status : kAllOrderStatuses) {
        SCOPED_TRACE(std::string(to_string(status)));
        auto view = sample_view(status);
        if (status == OrderStatus::Rejected)
            view.order.rejectionReason = "Över budget — «нет»";
        if (status == OrderStatus::Failed)
            view.order.failureReason = "The provider was unreachable.";
        const auto decoded = order_view_from_json(to_json(view));
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        expect_same_view(decoded.value(), view);
    }
}

TEST(OrderCodecs, LinksForDecisionsAreAbsentWhenNotAllowed) {
    const auto view = sample_view(OrderStatus::Approved);
    const Json json = to_json(view);
    EXPECT_FALSE(json["links"].contains("approve"));
    EXPECT_FALSE(json["links"].contains("reject"));
    EXPECT_EQ(json["links"]["self"], view.links.self);
    EXPECT_EQ(json["actions"], Json::array());
    EXPECT_EQ(json["decidedBy"], (Json{{"id", "staff-1"}, {"name", "Ann Lee"}}));
    const auto decoded = order_view_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_FALSE(decoded->links.approve.has_value());
    EXPECT_FALSE(decoded->links.reject.has_value());
}

TEST(OrderCodecs, ZeroDigitCurrenciesHaveNoDecimalPoint) {
    auto view = sample_view();
    view.order.price = {980, 245, 1225, "JPY", 2500};
    view.order.lines = {{"JP-SEAT", "Seat", 2, 490, BillingPeriod::Monthly}};
    const Json json = to_json(view);
    EXPECT_EQ(json["price"]["total"], "1225");
    EXPECT_EQ(json["lines"][0]["unitPrice"], "490");
    const auto decoded = order_view_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->order, view.order);
}

TEST(OrderCodecs, BadAmountsAndMissingFieldsAreNamed) {
    Json json = to_json(sample_view());
    json["price"]["net"] = "107.4";
    json["price"]["tax"] = 26.86;
    json.erase("createdAt");
    json["status"] = "Pending";
    const auto fields = refused_fields(order_view_from_json(json));
    EXPECT_EQ(fields, (Fields{"price.net", "price.tax", "status", "createdAt"}));
    EXPECT_FALSE(order_view_from_json(Json::array()).ok());
}

TEST(OrderCodecs, UnknownActionsAreIgnored) {
    Json json = to_json(sample_view());
    json["actions"] = {"approve", "escalate"};
    const auto decoded = order_view_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->actions, std::vector<OrderAction>{OrderAction::Approve});
}

TEST(OrderCodecs, PageRoundTripsWithCountsAndCursor) {
    OrderPage page;
    page.items = {sample_view(), sample_view(OrderStatus::Rejected)};
    page.nextCursor = "b3JkZXItMQ";
    page.counts = {{OrderStatus::PendingApproval, 4}, {OrderStatus::Rejected, 1}};
    const Json json = to_json(page);
    EXPECT_EQ(json["counts"]["PendingApproval"], 4);
    EXPECT_EQ(json["nextCursor"], "b3JkZXItMQ");
    const auto decoded = order_page_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    ASSERT_EQ(decoded->items.size(), 2U);
    expect_same_view(decoded->items[0], page.items[0]);
    expect_same_view(decoded->items[1], page.items[1]);
    EXPECT_EQ(decoded->nextCursor, page.nextCursor);
    EXPECT_EQ(decoded->counts, page.counts);

    const auto last = order_page_from_json(to_json(OrderPage{}));
    ASSERT_TRUE(last.ok()) << last.error().message;
    EXPECT_TRUE(to_json(OrderPage{})["nextCursor"].is_null());
    EXPECT_FALSE(last->nextCursor.has_value());
    EXPECT_TRUE(last->items.empty());
    EXPECT_FALSE(order_page_from_json(Json{{"items", 5}}).ok());
}

TEST(OrderCodecs, ProductsRoundTrip) {
    // The distributor is implied by the caller and not written.
    std::vector<Product> products = test::catalog();
    for (auto& p : products)
        p.distributorId.clear();
    const Json json = products_to_json(products);
    EXPECT_EQ(json["items"][0]["unitPrice"], "12.50");
    EXPECT_EQ(json["items"][1]["billingPeriod"], "Annual");
    EXPECT_EQ(json["items"][2]["segments"], Json::array({"Enterprise"}));
    EXPECT_FALSE(json["items"][0].contains("distributorId"));
    const auto decoded = products_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value(), products);

    Json bad = to_json(products[0]);
    bad["unitPrice"] = "12.5";
    EXPECT_EQ(refused_fields(product_from_json(bad)), Fields{"unitPrice"});
}

TEST(OrderCodecs, SubscriptionsRoundTrip) {
    const auto subscriptions = subscriptions_for(test::order_in(OrderStatus::Provisioned),
                                                 {"sub-1", "sub-2"}, 1'763'000'300'000);
    std::vector<SubscriptionView> views;
    for (auto s : subscriptions) {
        // The tenant ids and the line number stay on the server.
        s.sellerId.clear();
        s.distributorId.clear();
        s.lineNumber = 0;
        views.push_back({s, {SubscriptionAction::Suspend}});
    }
    views[1].subscription.status = SubscriptionStatus::Suspended;
    views[1].actions = {SubscriptionAction::Resume};
    const Json json = subscriptions_to_json(views);
    EXPECT_EQ(json["items"][1]["status"], "Suspended");
    EXPECT_EQ(json["items"][1]["actions"], Json::array({"resume"}));
    const auto decoded = subscriptions_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    ASSERT_EQ(decoded->size(), 2U);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(decoded.value()[i].subscription, views[i].subscription);
        EXPECT_EQ(decoded.value()[i].actions, views[i].actions);
    }
}

TEST(OrderCodecs, BulkResultsRoundTrip) {
    std::vector<BulkDecisionResult> results(2);
    results[0].orderId = "order-1";
    results[0].order = sample_view(OrderStatus::Approved);
    results[1].orderId = "order-2";
    results[1].error = make_error(ErrorKind::Conflict, "already-decided",
                                  "This order was already rejected by Ann Lee.");
    const Json json = to_json(results);
    EXPECT_EQ(json["results"][0]["ok"], true);
    EXPECT_EQ(json["results"][1]["ok"], false);
    EXPECT_EQ(json["results"][1]["error"]["status"], 409);

    const auto decoded = bulk_results_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    ASSERT_EQ(decoded->size(), 2U);
    const auto& ok = decoded.value()[0];
    EXPECT_EQ(ok.orderId, "order-1");
    ASSERT_TRUE(ok.order.has_value());
    expect_same_view(*ok.order, *results[0].order);
    EXPECT_FALSE(ok.error.has_value());
    const auto& failed = decoded.value()[1];
    EXPECT_EQ(failed.orderId, "order-2");
    EXPECT_FALSE(failed.order.has_value());
    ASSERT_TRUE(failed.error.has_value());
    EXPECT_EQ(failed.error->kind, ErrorKind::Conflict);
    EXPECT_EQ(failed.error->code, "already-decided");
    EXPECT_EQ(failed.error->message, "This order was already rejected by Ann Lee.");

    EXPECT_FALSE(bulk_results_from_json(Json::parse(R"({"results": [{"ok": true}]})")).ok());
}

Json place_body() {
    return Json::parse(R"({"customerId": "cust-1",
        "lines": [{"sku": "MAIL-BASIC", "quantity": 3}, {"sku": "BACKUP-1TB", "quantity": 7}]})");
}

TEST(PlaceOrderRequest, ReadsCustomerAndLines) {
    const auto request = place_order_request_from_json(place_body());
    ASSERT_TRUE(request.ok()) << request.error().message;
    EXPECT_EQ(request->customerId, "cust-1");
    EXPECT_EQ(request->lines,
              (std::vector<OrderLineRequest>{{"MAIL-BASIC", 3}, {"BACKUP-1TB", 7}}));
    EXPECT_EQ(to_json(request.value()), place_body());
}

TEST(PlaceOrderRequest, QuantitiesAreCheckedByPlaceOrderNotHere) {
    Json body = place_body();
    body["lines"][0]["quantity"] = 0;
    body["lines"][1]["quantity"] = 10001;
    const auto request = place_order_request_from_json(body);
    ASSERT_TRUE(request.ok()) << request.error().message;
    EXPECT_EQ(request->lines[1].quantity, 10001);
    // A number too large for an int must not wrap into an allowed quantity.
    body["lines"][0]["quantity"] = 4'294'967'297LL;
    EXPECT_EQ(refused_fields(place_order_request_from_json(body)), Fields{"lines[0].quantity"});
}

TEST(PlaceOrderRequest, PricesAreSetByOrgdesk) {
    Json body = place_body();
    body["price"] = {{"total", "0.00"}};
    body["lines"][1]["unitPrice"] = "0.01";
    body["colour"] = "red";
    const auto request = place_order_request_from_json(body);
    EXPECT_EQ(refused_fields(request), (Fields{"colour", "price", "lines[1].unitPrice"}));
    EXPECT_EQ(request.error().fields[0].message, "is not a field of this request");
    EXPECT_EQ(request.error().fields[1].message,
              "is set by Orgdesk and cannot be changed in a request");
    EXPECT_EQ(request.error().fields[2].message,
              "is set by Orgdesk and cannot be changed in a request");
}

TEST(PlaceOrderRequest, LinesMustBeObjects) {
    Json body = place_body();
    body["lines"][1] = "BACKUP-1TB";
    EXPECT_EQ(refused_fields(place_order_request_from_json(body)), Fields{"lines[1]"});
    body["lines"] = {{"sku", "MAIL-BASIC"}};  // an object, not a list
    EXPECT_EQ(refused_fields(place_order_request_from_json(body)), Fields{"lines"});
}

TEST(PlaceOrderRequest, WrongTypesAreNamed) {
    Json body = place_body();
    body["customerId"] = 7;
    body["lines"][0]["sku"] = nullptr;
    body["lines"][1]["quantity"] = "7";
    EXPECT_EQ(refused_fields(place_order_request_from_json(body)),
              (Fields{"customerId", "lines[0].sku", "lines[1].quantity"}));
    body = place_body();
    body["lines"][0]["quantity"] = 2.5;
    EXPECT_EQ(refused_fields(place_order_request_from_json(body)), Fields{"lines[0].quantity"});
    EXPECT_EQ(refused_fields(place_order_request_from_json(Json::object())),
              (Fields{"customerId", "lines"}));
    EXPECT_FALSE(place_order_request_from_json(Json::array()).ok());
}

Json decision_body(const char* action) {
    return {{"action", action}, {"orderIds", {"order-1", "order-2"}}, {"reason", "Over budget"}};
}

TEST(BulkDecisionRequest, ReadsActionOrdersAndReason) {
    const auto request = bulk_decision_request_from_json(decision_body("reject"));
    ASSERT_TRUE(request.ok()) << request.error().message;
    EXPECT_EQ(request->action, OrderAction::Reject);
    EXPECT_EQ(request->orderIds, (std::vector<std::string>{"order-1", "order-2"}));
    EXPECT_EQ(request->reason, "Over budget");
    EXPECT_EQ(to_json(request.value()), decision_body("reject"));

    Json approve = decision_body("approve");
    approve.erase("reason");
    const auto approved = bulk_decision_request_from_json(approve);
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(approved->action, OrderAction::Approve);
    EXPECT_EQ(to_json(approved.value()), approve);
}

TEST(BulkDecisionRequest, RejectingNeedsAReason) {
    for (const Json& reason : {Json(nullptr), Json(""), Json("   ")}) {
        Json body = decision_body("reject");
        body["reason"] = reason;
        const auto request = bulk_decision_request_from_json(body);
        EXPECT_EQ(refused_fields(request), Fields{"reason"});
        EXPECT_EQ(request.error().fields[0].message, "Enter the reason for the rejection.");
    }
    Json body = decision_body("reject");
    body.erase("reason");
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"reason"});
    body["reason"] = std::string(1001, 'x');
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"reason"});
}

TEST(BulkDecisionRequest, OrderIdsRunFromOneToTwoHundred) {
    Json body = decision_body("approve");
    body["orderIds"] = Json::array();
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"orderIds"});
    body.erase("orderIds");
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"orderIds"});

    std::vector<std::string> ids;
    for (int i = 0; i < kMaxBulkDecisions; ++i)
        ids.push_back("order-" + std::to_string(i));
    body["orderIds"] = ids;
    EXPECT_TRUE(bulk_decision_request_from_json(body).ok());
    ids.push_back("order-200");
    body["orderIds"] = ids;
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"orderIds"});

    body["orderIds"] = {"order-1", 2};
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"orderIds"});
}

TEST(BulkDecisionRequest, UnknownActionsAndFieldsAreRefused) {
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(decision_body("suspend"))),
              Fields{"action"});
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(decision_body("Approve"))),
              Fields{"action"});
    Json body = decision_body("approve");
    body.erase("action");
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"action"});
    body = decision_body("approve");
    body["status"] = "Approved";
    EXPECT_EQ(refused_fields(bulk_decision_request_from_json(body)), Fields{"status"});
    EXPECT_FALSE(bulk_decision_request_from_json(Json("approve")).ok());
}

}  // namespace
}  // namespace orgdesk::core
