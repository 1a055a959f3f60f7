#include <gtest/gtest.h>

#include <set>

#include "core/search.hpp"
#include "platform/demo_data.hpp"

namespace orgdesk::platform {
namespace {

TEST(DemoData, SixtyCustomersAcrossEveryStatusAndBothSellers) {
    const auto orgs = demo_organizations(1'795'369'342'000);
    EXPECT_EQ(orgs.size(), 60U);
    std::set<core::OrgStatus> statuses;
    std::set<std::string> ids, sellers;
    for (const auto& o : orgs) {
        statuses.insert(o.status);
        ids.insert(o.id);
        sellers.insert(o.sellerId);
        EXPECT_FALSE(o.customerReference.empty());
        EXPECT_FALSE(o.externalContract.empty());
        EXPECT_FALSE(o.purchasedNumbers.empty());
        EXPECT_FALSE(o.primaryContact.name.empty());
        if (o.ownershipType == core::OwnershipType::Customer) {
            ASSERT_TRUE(o.owner.has_value());
            EXPECT_EQ(o.billing.email, o.owner->email);  // seed 003: owner email bills
        }
    }
    EXPECT_EQ(statuses.size(), 5U);
    EXPECT_EQ(ids.size(), 60U);
    EXPECT_EQ(sellers.size(), 2U);
}

TEST(DemoData, SearchKeysAreUniquePerCustomer) {
    std::map<std::string, int> owners;
    for (const auto& o : demo_organizations(0)) {
        for (const auto& key : {o.customerReference, o.externalContract, o.purchasedNumbers[0]}) {
            ++owners[core::normalize_search_text(key)];
        }
    }
    for (const auto& [key, n] : owners)
        EXPECT_EQ(n, 1) << key;
}

}  // namespace
}  // namespace orgdesk::platform
