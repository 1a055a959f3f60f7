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

TEST(DemoData, MembersMatchOwnersAndUserCounts) {
    std::set<std::string> ids;
    for (const auto& o : demo_organizations(0)) {
        const auto members = demo_members(o);
        EXPECT_EQ(o.userCount, static_cast<int>(members.size())) << o.name;
        int owners = 0;
        for (const auto& m : members) {
            EXPECT_TRUE(ids.insert(m.id).second) << m.id;
            EXPECT_FALSE(m.name.empty());
            EXPECT_NE(m.email.find('@'), std::string::npos);
            if (m.role == core::MemberRole::Owner) {
                ++owners;
                ASSERT_TRUE(o.owner.has_value());
                EXPECT_EQ(m.name, o.owner->name);
                EXPECT_EQ(m.email, o.owner->email);
            }
        }
        EXPECT_EQ(owners, o.owner ? 1 : 0) << o.name;
        EXPECT_LE(members.size() - static_cast<std::size_t>(owners), 3u);
        if (!o.owner) {
            EXPECT_GE(members.size(), 1u) << "a Service Provider org keeps an Admin: " << o.name;
        }
    }
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
