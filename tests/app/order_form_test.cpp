// A customer's order form: what it loads, the price preview the core computes as quantities are
// typed, what it refuses before sending, and what the server's answers show.
#include <gtest/gtest.h>

#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::Json;
using core::OrderStatus;

std::vector<core::Product> catalog() {
    return {{"M365-BP",
             "Microsoft 365 Business Premium",
             2200,
             "EUR",
             core::BillingPeriod::Monthly,
             {"SMB"},
             "d"},
            {"BACKUP-1TB",
             "Cloud Backup 1 TB",
             12000,
             "EUR",
             core::BillingPeriod::Annual,
             {"SMB"},
             "d"}};
}

struct OpenForm {
    State state;
    HttpRequest customer;
    HttpRequest products;
};

OpenForm open_form() {
    const State s = signed_in_with_orders({}, std::nullopt, kCustomerOwner);
    const auto t = update(s, NewOrderClicked{});
    return {t.state, request_for(t, Purpose::LoadOrderingCustomer),
            request_for(t, Purpose::LoadProducts)};
}

// The form with the organization (billed in Sweden: 25 % VAT) and its products loaded.
State loaded_form() {
    auto form = open_form();
    State s =
        update(form.state,
               HttpAnswered{form.customer.id, Purpose::LoadOrderingCustomer, 200,
                            core::to_json(customer("c1", core::OrgStatus::Active, {})).dump()})
            .state;
    return update(s, HttpAnswered{form.products.id, Purpose::LoadProducts, 200,
                                  core::products_to_json(catalog()).dump()})
        .state;
}

TEST(AppOrderForm, OpensWithTheOrganizationAndTheProductsItMayOrder) {
    const auto form = open_form();
    EXPECT_EQ(form.state.screen, Screen::NewOrder);
    EXPECT_EQ(form.customer.path, "/api/v1/customers/c1");
    EXPECT_EQ(form.products.path, "/api/v1/products?customerId=c1");
    const State s = loaded_form();
    ASSERT_EQ(s.orderForm.products.size(), 2U);
    EXPECT_EQ(s.orderForm.customer->org.billing.country, "SE");
    EXPECT_FALSE(s.orderForm.preview.has_value());  // nothing typed yet
}

TEST(AppOrderForm, StaffHaveNoOrderForm) {
    const State s = signed_in_with_orders({});
    EXPECT_FALSE(may_open_order_form(s));
    const auto t = update(s, NewOrderClicked{});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_NE(t.state.screen, Screen::NewOrder);
}

TEST(AppOrderForm, AMemberHasNoOrderFormAnOwnerOfABlockedOrganizationDoes) {
    auto member = kCustomerOwner;
    member.role = core::Role::CustomerMember;
    const State s = signed_in_with_orders({}, std::nullopt, member);
    EXPECT_FALSE(may_open_order_form(s));
    EXPECT_TRUE(update(s, NewOrderClicked{}).effects.empty());

    State owner = signed_in_with_orders({}, std::nullopt, kCustomerOwner);
    EXPECT_TRUE(may_open_order_form(owner));
    // Not Active: the form opens, and placing the order gets the server's reason.
    owner.list.items[0].org.status = core::OrgStatus::Blocked;
    EXPECT_TRUE(may_open_order_form(owner));
}

TEST(AppOrderForm, ThePreviewFollowsEveryQuantityWithTheOrganizationsTax) {
    State s = update(loaded_form(), OrderQuantityEdited{"M365-BP", "3"}).state;
    ASSERT_TRUE(s.orderForm.preview.has_value());
    EXPECT_EQ(s.orderForm.preview->net, 6600);
    EXPECT_EQ(s.orderForm.preview->taxRateBasisPoints, 2500);
    EXPECT_EQ(s.orderForm.preview->tax, 1650);
    EXPECT_EQ(s.orderForm.preview->total, 8250);
    EXPECT_EQ(s.orderForm.preview->currency, "EUR");

    s = update(s, OrderQuantityEdited{"BACKUP-1TB", " 2 "}).state;
    EXPECT_EQ(s.orderForm.preview->net, 6600 + 24000);
    EXPECT_EQ(s.orderForm.preview->total, 38250);
    // The same figures the server will charge: the core's own functions.
    const auto priced = core::priced_lines({{"M365-BP", 3}, {"BACKUP-1TB", 2}}, catalog());
    EXPECT_EQ(*s.orderForm.preview, core::price_of(priced.value(), "SE"));

    s = update(s, OrderQuantityEdited{"BACKUP-1TB", "0"}).state;  // 0: not ordered
    EXPECT_EQ(s.orderForm.preview->net, 6600);
    s = update(s, OrderQuantityEdited{"M365-BP", ""}).state;
    EXPECT_FALSE(s.orderForm.preview.has_value());
}

TEST(AppOrderForm, ThePreviewWaitsForTheBillingCountry) {
    auto form = open_form();
    State s = update(form.state, HttpAnswered{form.products.id, Purpose::LoadProducts, 200,
                                              core::products_to_json(catalog()).dump()})
                  .state;
    s = update(s, OrderQuantityEdited{"M365-BP", "1"}).state;
    EXPECT_FALSE(s.orderForm.preview.has_value());  // the tax is not known yet
    auto org = customer("c1", core::OrgStatus::Active, {});
    org.org.billing.country = "US";  // no VAT
    s = update(s, HttpAnswered{form.customer.id, Purpose::LoadOrderingCustomer, 200,
                               core::to_json(org).dump()})
            .state;
    ASSERT_TRUE(s.orderForm.preview.has_value());
    EXPECT_EQ(s.orderForm.preview->tax, 0);
    EXPECT_EQ(s.orderForm.preview->total, 2200);
}

TEST(AppOrderForm, QuantitiesTheCoreRefusesAreMarkedAsTyped) {
    State s = update(loaded_form(), OrderQuantityEdited{"M365-BP", "abc"}).state;
    EXPECT_EQ(s.orderForm.lineErrors.at("M365-BP"),
              "Enter the quantity as a whole number, such as 5.");
    EXPECT_FALSE(s.orderForm.preview.has_value());
    s = update(s, OrderQuantityEdited{"M365-BP", "20000"}).state;
    EXPECT_EQ(s.orderForm.lineErrors.at("M365-BP"), "Quantity must be from 1 to 10000.");
    EXPECT_FALSE(s.orderForm.preview.has_value());
    auto t = update(s, PlaceOrderClicked{});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.orderForm.error, "Correct the quantities marked and place the order again.");
    s = update(t.state, OrderQuantityEdited{"M365-BP", "5"}).state;
    EXPECT_TRUE(s.orderForm.lineErrors.empty());
    EXPECT_TRUE(s.orderForm.error.empty());
}

TEST(AppOrderForm, AnEmptyOrderIsRefusedWithoutAsking) {
    const auto t = update(loaded_form(), PlaceOrderClicked{});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.orderForm.error, "Enter a quantity for at least one product.");
}

TEST(AppOrderForm, PlacingSendsTheLinesWithAKeyPerAttemptAndOpensTheOrder) {
    State s = apply(loaded_form(),
                    {OrderQuantityEdited{"BACKUP-1TB", "1"}, OrderQuantityEdited{"M365-BP", "3"}});
    auto t = update(s, PlaceOrderClicked{});
    const auto place = only_request(t);
    EXPECT_EQ(place.method, "POST");
    EXPECT_EQ(place.path, "/api/v1/orders");
    EXPECT_EQ(place.idempotencyKey, "tok-order-1");
    // In catalog order, whatever order they were typed in.
    EXPECT_EQ(Json::parse(place.body), (Json{{"customerId", "c1"},
                                             {"lines",
                                              {{{"sku", "M365-BP"}, {"quantity", 3}},
                                               {{"sku", "BACKUP-1TB"}, {"quantity", 1}}}}}));
    EXPECT_TRUE(update(t.state, PlaceOrderClicked{}).effects.empty());  // one at a time
    EXPECT_TRUE(update(t.state, OrderQuantityEdited{"M365-BP", "4"})
                    .state.orderForm.quantities.at("M365-BP") ==
                "3");  // frozen while it is on its way

    // A lost answer: the next attempt is a new key.
    t = update(t.state, HttpAnswered{place.id, Purpose::PlaceOrder, 0, ""});
    EXPECT_EQ(t.state.orderForm.error,
              "Cannot reach the Orgdesk server. Check your connection and try again.");
    t = update(t.state, PlaceOrderClicked{});
    const auto again = only_request(t);
    EXPECT_EQ(again.idempotencyKey, "tok-order-2");

    t = update(t.state,
               HttpAnswered{again.id, Purpose::PlaceOrder, 201,
                            core::to_json(order("o9", OrderStatus::PendingApproval, {})).dump()});
    EXPECT_EQ(t.state.screen, Screen::OrderDetail);
    EXPECT_EQ(t.state.order.view->order.id, "o9");
    EXPECT_EQ(t.state.toast->text, "Your order was placed. It waits for your reseller's approval.");
    EXPECT_TRUE(t.state.orderForm.quantities.empty());
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path, "/api/v1/orders?limit=50");
}

TEST(AppOrderForm, TheServersFieldErrorsLandUnderTheirProducts) {
    State s = apply(loaded_form(),
                    {OrderQuantityEdited{"M365-BP", "3"}, OrderQuantityEdited{"BACKUP-1TB", "1"}});
    auto t = update(s, PlaceOrderClicked{});
    t = update(t.state,
               HttpAnswered{only_request(t).id, Purpose::PlaceOrder, 400,
                            problem(core::ErrorKind::InvalidInput,
                                    "The order is not valid. Correct the lines marked and place "
                                    "it again.",
                                    {{"lines[1].sku",
                                      "is not a product this organization may "
                                      "order"},
                                     {"lines[0].quantity", "must be from 1 to 10000"}})});
    const auto& form = t.state.orderForm;
    EXPECT_EQ(form.error, "The order is not valid. Correct the lines marked and place it again.");
    EXPECT_EQ(form.lineErrors.at("BACKUP-1TB"),
              "This product is not a product this organization may order.");
    EXPECT_EQ(form.lineErrors.at("M365-BP"), "Quantity must be from 1 to 10000.");
}

TEST(AppOrderForm, AnOrganizationThatIsNotActiveGetsTheServersMessage) {
    State s = update(loaded_form(), OrderQuantityEdited{"M365-BP", "1"}).state;
    auto t = update(s, PlaceOrderClicked{});
    const std::string message =
        "Only an Active organization can place orders. This one is Blocked.";
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::PlaceOrder, 409,
                                     problem(core::ErrorKind::Conflict, message)});
    EXPECT_EQ(t.state.orderForm.error, message);
    EXPECT_EQ(t.state.screen, Screen::NewOrder);

    // The same when the products themselves are refused.
    auto form = open_form();
    t = update(form.state, HttpAnswered{form.products.id, Purpose::LoadProducts, 409,
                                        problem(core::ErrorKind::Conflict, message)});
    EXPECT_EQ(t.state.orderForm.error, message);
}

TEST(AppOrderForm, AMemberIsRefusedByTheServer) {
    auto form = open_form();
    const std::string message =
        "Only the organization's Owner or Admin may place orders. Ask one "
        "of them to order for you.";
    const auto t = update(form.state, HttpAnswered{form.products.id, Purpose::LoadProducts, 403,
                                                   problem(core::ErrorKind::Forbidden, message)});
    EXPECT_EQ(t.state.orderForm.error, message);
}

}  // namespace
}  // namespace orgdesk::app
