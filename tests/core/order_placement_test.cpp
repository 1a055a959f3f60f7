// Placing an order: the price, the tax of the billing country, the customer's segment, and who
// may order for which organization.
#include <gtest/gtest.h>

#include "core/order_placement.hpp"
#include "core/tax_rates.hpp"
#include "order_test_support.hpp"

namespace orgdesk::core {
namespace {

using test::catalog;
using test::customer_org;
using test::principal_with;

const NewOrderFacts kFacts{"order-9", 1'763'000'000'000};

Result<Order> place(const std::vector<OrderLineRequest>& lines,
                    const Organization& org = customer_org(),
                    const Principal& principal = principal_with(Role::CustomerOwner)) {
    return place_order(principal, org, catalog(), lines, kFacts);
}

// 3 × 12.50 + 7 × 9.99 = 107.43 net.
const std::vector<OrderLineRequest> kTwoLines{{"MAIL-BASIC", 3}, {"BACKUP-1TB", 7}};

Price price_in(const std::string& country) {
    const auto order = place(kTwoLines, customer_org(OrgStatus::Active, country));
    EXPECT_TRUE(order.ok()) << order.error().message;
    return order.ok() ? order->price : Price{};
}

// The one invalid-order error of `lines`, with its fields.
std::vector<FieldError> refused_fields(const std::vector<OrderLineRequest>& lines,
                                       const std::vector<Product>& products = catalog()) {
    const auto order =
        place_order(principal_with(Role::CustomerOwner), customer_org(), products, lines, kFacts);
    EXPECT_FALSE(order.ok());
    if (order.ok())
        return {};
    EXPECT_EQ(order.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(order.error().code, "invalid-order");
    return order.error().fields;
}

bool names_field(const std::vector<FieldError>& fields, const std::string& field) {
    for (const auto& f : fields) {
        if (f.field == field)
            return true;
    }
    return false;
}

TEST(TaxRates, StandardRatesByBillingCountry) {
    EXPECT_EQ(tax_rate_basis_points("SE"), 2500);
    EXPECT_EQ(tax_rate_basis_points("DE"), 1900);
    EXPECT_EQ(tax_rate_basis_points("CH"), 810);
    EXPECT_EQ(tax_rate_basis_points("US"), 0);  // an export: explicitly no VAT
    EXPECT_EQ(tax_rate_basis_points(""), 0);    // a Service Provider without billing
}

TEST(TaxRates, ACountryWithoutARateHasNoneRatherThanZero) {
    EXPECT_EQ(tax_rate_basis_points("XK"), std::nullopt);
    EXPECT_EQ(tax_rate_basis_points("QQ"), std::nullopt);
}

TEST(OrderPlacement, NetIsQuantitiesTimesUnitPrices) {
    const Price price = price_in("US");
    EXPECT_EQ(price.net, 3 * 1250 + 7 * 999);
    EXPECT_EQ(price.tax, 0);
    EXPECT_EQ(price.total, 10743);
    EXPECT_EQ(price.currency, "EUR");
    EXPECT_EQ(price.taxRateBasisPoints, 0);
}

TEST(OrderPlacement, TaxFollowsTheBillingCountryRoundedToCents) {
    const Price se = price_in("SE");  // 25 % of 107.43 = 26.8575
    EXPECT_EQ(se.taxRateBasisPoints, 2500);
    EXPECT_EQ(se.tax, 2686);
    EXPECT_EQ(se.total, 13429);
    const Price de = price_in("DE");  // 19 % of 107.43 = 20.4117
    EXPECT_EQ(de.taxRateBasisPoints, 1900);
    EXPECT_EQ(de.tax, 2041);
    EXPECT_EQ(de.total, 12784);
}

TEST(OrderPlacement, PriceOfRoundsHalfACentUp) {
    const PricedLines two_cents{{{"X", "X", 2, 1, BillingPeriod::Monthly}}, "EUR"};
    const Price price = price_of(two_cents, "SE");
    EXPECT_EQ(price.net, 2);
    EXPECT_EQ(price.tax, 1);  // 0.5 cent
    EXPECT_EQ(price.total, 3);
    const PricedLines one_cent{{{"X", "X", 1, 1, BillingPeriod::Monthly}}, "EUR"};
    EXPECT_EQ(price_of(one_cent, "SE").tax, 0);  // 0.25 cent
}

TEST(OrderPlacement, ZeroDigitCurrenciesRoundToWholeUnits) {
    const std::vector<Product> yen{test::product("JP-SEAT", 333, "JPY")};
    const auto order = place_order(principal_with(Role::CustomerOwner), customer_org(), yen,
                                   {{"JP-SEAT", 1}}, kFacts);
    ASSERT_TRUE(order.ok()) << order.error().message;
    EXPECT_EQ(order->price.tax, 83);  // 25 % of 333 = 83.25
    EXPECT_EQ(order->price.total, 416);
}

TEST(OrderPlacement, LinesCarryTheCatalogsNamePriceAndPeriod) {
    const auto order = place(kTwoLines);
    ASSERT_TRUE(order.ok()) << order.error().message;
    ASSERT_EQ(order->lines.size(), 2U);
    EXPECT_EQ(order->lines[0],
              (OrderLine{"MAIL-BASIC", "Product MAIL-BASIC", 3, 1250, BillingPeriod::Monthly}));
    EXPECT_EQ(order->lines[1],
              (OrderLine{"BACKUP-1TB", "Product BACKUP-1TB", 7, 999, BillingPeriod::Annual}));
}

TEST(OrderPlacement, AProductOutsideTheSegmentIsRefused) {
    const auto fields = refused_fields({{"ENT-SUITE", 1}});
    ASSERT_EQ(fields.size(), 1U);
    EXPECT_EQ(fields[0].field, "lines[0].sku");
    EXPECT_EQ(fields[0].message, "is not a product this organization may order");
}

TEST(OrderPlacement, AnotherDistributorsProductIsRefused) {
    const auto fields = refused_fields({{"MAIL-BASIC", 1}, {"FOREIGN", 1}});
    ASSERT_EQ(fields.size(), 1U);
    EXPECT_EQ(fields[0].field, "lines[1].sku");
}

TEST(OrderPlacement, OnlyAnActiveOrganizationHasOrderableProducts) {
    for (const OrgStatus status : kAllOrgStatuses) {
        SCOPED_TRACE(std::string(to_string(status)));
        const auto products = orderable_products(catalog(), customer_org(status));
        if (status != OrgStatus::Active) {
            EXPECT_TRUE(products.empty());
            continue;
        }
        std::vector<std::string> skus;
        for (const auto& p : products)
            skus.push_back(p.sku);
        EXPECT_EQ(skus, (std::vector<std::string>{"MAIL-BASIC", "BACKUP-1TB", "US-SUPPORT"}));
    }
}

TEST(OrderPlacement, SegmentsCompareExactly) {
    const auto p = test::product("X", 1, "EUR", {"SMB", "Enterprise"});
    EXPECT_TRUE(available_to(p, "SMB"));
    EXPECT_TRUE(available_to(p, "Enterprise"));
    EXPECT_FALSE(available_to(p, "smb"));
    EXPECT_FALSE(available_to(p, ""));
}

TEST(OrderPlacement, AnotherTenantsOrganizationIsNotFound) {
    Organization other = customer_org();
    other.id = "cust-2";
    EXPECT_EQ(place(kTwoLines, other).error().kind, ErrorKind::NotFound);
    other.sellerId = test::kSellerTwo;
    EXPECT_EQ(place(kTwoLines, other, principal_with(Role::SellerAdmin)).error().kind,
              ErrorKind::NotFound);
    EXPECT_EQ(place(kTwoLines, customer_org(), test::seller_two_admin()).error().kind,
              ErrorKind::NotFound);
    EXPECT_EQ(place(kTwoLines, customer_org(OrgStatus::Deleted)).error().kind, ErrorKind::NotFound);
}

TEST(OrderPlacement, ACustomerMemberIsForbidden) {
    const auto order = place(kTwoLines, customer_org(), principal_with(Role::CustomerMember));
    ASSERT_FALSE(order.ok());
    EXPECT_EQ(order.error().kind, ErrorKind::Forbidden);
    EXPECT_EQ(order.error().code, "forbidden");
}

TEST(OrderPlacement, EveryOtherRoleMayOrderForAnActiveOrganization) {
    for (const Role role : kAllRoles) {
        SCOPED_TRACE(std::string(to_string(role)));
        EXPECT_EQ(may_place_order(principal_with(role), customer_org()).ok(),
                  role != Role::CustomerMember);
    }
}

TEST(OrderPlacement, OnlyAnActiveOrganizationMayOrder) {
    for (const OrgStatus status : {OrgStatus::New, OrgStatus::Blocked, OrgStatus::Rejected}) {
        SCOPED_TRACE(std::string(to_string(status)));
        const auto order = place(kTwoLines, customer_org(status));
        ASSERT_FALSE(order.ok());
        EXPECT_EQ(order.error().kind, ErrorKind::Conflict);
        EXPECT_EQ(order.error().code, "organization-not-active");
        EXPECT_EQ(order.error().message,
                  "Only an Active organization can place orders. This one is " +
                      std::string(to_string(status)) + ".");
    }
}

TEST(OrderPlacement, AnOrderNeedsLines) {
    const auto fields = refused_fields({});
    ASSERT_EQ(fields.size(), 1U);
    EXPECT_EQ(fields[0].field, "lines");
}

TEST(OrderPlacement, AProductAppearsOnce) {
    const auto fields = refused_fields({{"MAIL-BASIC", 1}, {"MAIL-BASIC", 2}});
    ASSERT_EQ(fields.size(), 1U);
    EXPECT_EQ(fields[0].field, "lines[1].sku");
    EXPECT_EQ(fields[0].message, "is already on the order; raise its quantity");
}

TEST(OrderPlacement, QuantitiesRunFromOneToTenThousand) {
    for (const int quantity : {0, -1, kMaxLineQuantity + 1}) {
        SCOPED_TRACE(quantity);
        const auto fields = refused_fields({{"MAIL-BASIC", 1}, {"BACKUP-1TB", quantity}});
        ASSERT_EQ(fields.size(), 1U);
        EXPECT_EQ(fields[0].field, "lines[1].quantity");
        EXPECT_EQ(fields[0].message, "must be from 1 to 10000");
    }
    EXPECT_TRUE(place({{"MAIL-BASIC", 1}, {"BACKUP-1TB", kMaxLineQuantity}}).ok());
}

TEST(OrderPlacement, AllLinesShareOneCurrency) {
    const auto fields = refused_fields({{"MAIL-BASIC", 1}, {"US-SUPPORT", 1}});
    ASSERT_EQ(fields.size(), 1U);
    EXPECT_EQ(fields[0].field, "lines[1].sku");
    EXPECT_EQ(fields[0].message,
              "is priced in USD, the order in EUR; place a separate order for it");
}

TEST(OrderPlacement, AtMostTwentyLines) {
    std::vector<Product> many;
    std::vector<OrderLineRequest> lines;
    for (int i = 0; i <= kMaxOrderLines; ++i) {
        many.push_back(test::product("SKU-" + std::to_string(i), 100));
        lines.push_back({"SKU-" + std::to_string(i), 1});
    }
    const auto fields = refused_fields(lines, many);
    ASSERT_EQ(fields.size(), 1U);
    EXPECT_EQ(fields[0].field, "lines");
    lines.pop_back();
    EXPECT_TRUE(
        place_order(principal_with(Role::CustomerOwner), customer_org(), many, lines, kFacts).ok());
}

TEST(OrderPlacement, EveryFaultyLineIsNamed) {
    const auto fields = refused_fields({{"NOPE", 1}, {"MAIL-BASIC", 0}, {"ENT-SUITE", 2}});
    EXPECT_EQ(fields.size(), 3U);
    EXPECT_TRUE(names_field(fields, "lines[0].sku"));
    EXPECT_TRUE(names_field(fields, "lines[1].quantity"));
    EXPECT_TRUE(names_field(fields, "lines[2].sku"));
}

TEST(OrderPlacement, ANewOrderAwaitsApproval) {
    const auto order = place(kTwoLines);
    ASSERT_TRUE(order.ok()) << order.error().message;
    EXPECT_EQ(order->id, "order-9");
    EXPECT_EQ(order->status, OrderStatus::PendingApproval);
    EXPECT_EQ(order->customerId, test::kCustomer);
    EXPECT_EQ(order->sellerId, test::kSellerOne);
    EXPECT_EQ(order->distributorId, test::kDistributor);
    EXPECT_EQ(order->placedById, "user-CustomerOwner");
    EXPECT_EQ(order->placedByName, "Ann Lee");
    EXPECT_EQ(order->price, (Price{10743, 2686, 13429, "EUR", 2500}));
    EXPECT_TRUE(order->decidedById.empty());
    EXPECT_EQ(order->decidedAtMs, 0);
    EXPECT_EQ(order->version, 1);
    EXPECT_EQ(order->createdAtMs, kFacts.atMs);
    EXPECT_EQ(order->updatedAtMs, kFacts.atMs);
}

TEST(OrderPlacement, StaffMayOrderForTheirCustomer) {
    const auto order = place(kTwoLines, customer_org(), principal_with(Role::AccountManager));
    ASSERT_TRUE(order.ok()) << order.error().message;
    EXPECT_EQ(order->placedById, "user-AccountManager");
}

}  // namespace
}  // namespace orgdesk::core
