// GET /api/v1/sellers: what a create form offers, scoped like everything else.
#include <gtest/gtest.h>

#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

constexpr const char* kSellers = "/api/v1/sellers";

class SellersApi : public ServerFixture {};

TEST_F(SellersApi, ADistributorAdminSeesItsSellersByName) {
    const auto response = client().get(kSellers, sign_in(kDistributor));
    ASSERT_EQ(response.status, 200) << response.body;
    const auto items = response.json().at("items");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].at("name"), "Aurora IT Partners");
    EXPECT_EQ(items[0].at("id"), platform::kDemoSellerOneId);
    EXPECT_EQ(items[1].at("id"), platform::kDemoSellerTwoId);
}

TEST_F(SellersApi, SellerStaffSeeOnlyTheirOwnSeller) {
    for (const char* user : {kSeller, kManager}) {
        const auto response = client().get(kSellers, sign_in(user));
        ASSERT_EQ(response.status, 200) << user;
        ASSERT_EQ(response.json().at("items").size(), 1u) << user;
        EXPECT_EQ(response.json().at("items")[0].at("id"), platform::kDemoSellerOneId);
    }
    const auto other = client().get(kSellers, sign_in(kSellerTwo));
    EXPECT_EQ(other.json().at("items")[0].at("id"), platform::kDemoSellerTwoId);
}

TEST_F(SellersApi, CustomersAndStrangersAreRefused) {
    EXPECT_EQ(client().get(kSellers, sign_in(kOwner)).status, 403);
    EXPECT_EQ(client().get(kSellers, "").status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing
