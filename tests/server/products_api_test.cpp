// GET /api/v1/products over real HTTP: what an organization may order — its segment's products
// while it is Active, nothing otherwise — for the customer itself or for staff naming it.
#include <gtest/gtest.h>

#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kProducts = "/api/v1/products";

std::vector<std::string> skus_of(const json& items) {
    return values_of(items, "sku");
}

class ProductsApi : public OrderApiTest {
  protected:
    json products(const std::string& token, const std::string& customerId = {}) {
        const auto target =
            customerId.empty() ? std::string(kProducts) : kProducts + ("?customerId=" + customerId);
        const auto response = client().get(target, token);
        EXPECT_EQ(response.status, 200) << target << ": " << response.body;
        return response.status == 200 ? response.json().at("items") : json::array();
    }
};

TEST_F(ProductsApi, TheOwnerSeesItsSegmentsProductsByName) {
    const auto items = products(sign_in(kOwner));
    // Northwind is SMB: no Enterprise-only Salesforce or M365 E3, no Education-only A3.
    EXPECT_EQ(skus_of(items),
              (std::vector<std::string>{"ACR-CYBER", "ADOBE-CC", "AZ-BACKUP", "DROPBOX-BIZ",
                                        "GWS-BSTD", "M365-BSTD", "ZOOM-PRO"}));
    for (std::size_t i = 1; i < items.size(); ++i)
        EXPECT_LT(items[i - 1].at("name"), items[i].at("name"));
    for (const auto& item : items) {
        const auto segments = item.at("segments").get<std::vector<std::string>>();
        EXPECT_NE(std::find(segments.begin(), segments.end(), "SMB"), segments.end()) << item;
        EXPECT_EQ(item.at("currency"), "EUR");
    }
    EXPECT_EQ(items.back(),
              json({{"sku", "ZOOM-PRO"},
                    {"name", "Zoom Workplace Pro"},
                    {"unitPrice", "13.33"},
                    {"currency", "EUR"},
                    {"billingPeriod", "Monthly"},
                    {"segments", {"SMB", "Enterprise", "Education", "Public Sector"}}}));
    // Naming its own organization is the same.
    EXPECT_EQ(products(sign_in(kOwner), kNorthwind), items);
}

TEST_F(ProductsApi, StaffNameTheCustomerTheyOrderFor) {
    const auto seller = sign_in(kSeller);
    EXPECT_EQ(products(seller, kNorthwind), products(sign_in(kOwner)));
    const std::string enterprise = other_active_customer("Enterprise").value("id", "");
    const auto skus = skus_of(products(seller, enterprise));
    EXPECT_NE(std::find(skus.begin(), skus.end(), "SF-SALES"), skus.end());
    EXPECT_NE(std::find(skus.begin(), skus.end(), "M365-E3"), skus.end());
    EXPECT_EQ(std::find(skus.begin(), skus.end(), "GWS-BSTD"), skus.end());  // SMB only
    EXPECT_EQ(skus_of(products(sign_in(kDistributor), enterprise)), skus);
}

TEST_F(ProductsApi, AnOrganizationThatIsNotActiveHasNothingToOrder) {
    const auto seller = sign_in(kSeller);
    for (const char* status : {"Blocked", "New"})
        EXPECT_EQ(products(seller, customer_in_status(seller, status)), json::array()) << status;
}

TEST_F(ProductsApi, AnotherTenantsCustomerIs404LikeAMissingOne) {
    const auto sellerTwo = sign_in(kSellerTwo);
    const auto foreign =
        client().get(std::string(kProducts) + "?customerId=" + kNorthwind, sellerTwo);
    const auto missing = client().get(
        std::string(kProducts) + "?customerId=c0000000-0000-4000-8000-00000000dead", sellerTwo);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.body_without_request_id(), missing.body_without_request_id());
    const std::string other = other_active_customer().value("id", "");
    const auto owner =
        client().get(std::string(kProducts) + "?customerId=" + other, sign_in(kOwner));
    EXPECT_EQ(owner.status, 404);
    EXPECT_EQ(owner.body_without_request_id(), missing.body_without_request_id());
}

TEST_F(ProductsApi, StaffWithoutACustomerIs400) {
    for (const char* user : {kSeller, kDistributor, kManager}) {
        const auto response = client().get(kProducts, sign_in(user));
        EXPECT_EQ(response.status, 400) << user;
        EXPECT_EQ(fields_of(response.json()), std::vector<std::string>{"customerId"}) << user;
    }
    EXPECT_EQ(client().get(kProducts).status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing
