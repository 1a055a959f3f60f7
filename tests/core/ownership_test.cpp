// Seed 003's managed-type switch with its owner hand-over.
#include <gtest/gtest.h>

#include "core/ownership.hpp"

namespace orgdesk::core {
namespace {

Organization provider_managed() {
    Organization o;
    o.id = "c1";
    o.name = "Fjord Analytics AS";
    o.segment = "SMB";
    o.ownershipType = OwnershipType::ServiceProvider;
    o.billing = {"Fjord Analytics AS", "Bryggen 1, Bergen", "NO", "", ""};
    return o;
}

const std::vector<Member> kMembers{
    {"m1", "Ingrid Solberg", "ingrid@fjord.example", MemberRole::Admin},
    {"m2", "Ola Nordmann", "ola@fjord.example", MemberRole::Member}};

TEST(Ownership, ToCustomerWithAnExistingMember) {
    OwnershipChange change{OwnershipType::Customer, "m2", std::nullopt, std::nullopt};
    const auto plan = plan_ownership_change(provider_managed(), kMembers, change);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(plan->org.ownershipType, OwnershipType::Customer);
    EXPECT_EQ(plan->org.owner, (Person{"Ola Nordmann", "ola@fjord.example"}));
    EXPECT_EQ(plan->org.billing.email, "ola@fjord.example");  // the owner's email bills
    EXPECT_EQ(plan->members[1].role, MemberRole::Owner);
}

TEST(Ownership, ToCustomerWithANewPerson) {
    OwnershipChange change{OwnershipType::Customer, std::nullopt,
                           Person{"Kari Hansen", "kari@fjord.example"}, std::nullopt};
    const auto plan = plan_ownership_change(provider_managed(), kMembers, change);
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->members.size(), 3U);
    EXPECT_EQ(plan->members[2].role, MemberRole::Owner);
    EXPECT_TRUE(plan->members[2].id.empty());
}

TEST(Ownership, ToCustomerNeedsExactlyOneOwnerChoice) {
    OwnershipChange neither{OwnershipType::Customer, std::nullopt, std::nullopt, std::nullopt};
    EXPECT_EQ(plan_ownership_change(provider_managed(), kMembers, neither).error().fields[0].field,
              "newOwner");
    OwnershipChange unknown{OwnershipType::Customer, "m9", std::nullopt, std::nullopt};
    EXPECT_EQ(plan_ownership_change(provider_managed(), kMembers, unknown).error().fields[0].field,
              "newOwner.memberId");
}

TEST(Ownership, ToCustomerNeedsBillingInformation) {
    auto org = provider_managed();
    org.billing = {};
    OwnershipChange change{OwnershipType::Customer, "m1", std::nullopt, std::nullopt};
    const auto plan = plan_ownership_change(org, kMembers, change);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().message, "Organization is invalid.");
}

TEST(Ownership, ToServiceProviderDemotesTheOwner) {
    auto org = provider_managed();
    org.ownershipType = OwnershipType::Customer;
    org.owner = Person{"Ingrid Solberg", "ingrid@fjord.example"};
    auto members = kMembers;
    members[0].role = MemberRole::Owner;
    OwnershipChange change{OwnershipType::ServiceProvider, std::nullopt, std::nullopt,
                           MemberRole::Admin};
    const auto plan = plan_ownership_change(org, members, change);
    ASSERT_TRUE(plan.ok());
    EXPECT_FALSE(plan->org.owner.has_value());
    EXPECT_EQ(plan->members[0].role, MemberRole::Admin);

    change.demoteTo.reset();
    EXPECT_EQ(plan_ownership_change(org, members, change).error().fields[0].field, "demoteTo");
}

TEST(Ownership, SwitchingToTheSameTypeIsAConflict) {
    OwnershipChange change{OwnershipType::ServiceProvider, std::nullopt, std::nullopt,
                           MemberRole::Admin};
    EXPECT_EQ(plan_ownership_change(provider_managed(), kMembers, change).error().kind,
              ErrorKind::Conflict);
}

Principal customer(Role role, std::string memberId, std::string username) {
    Principal p;
    p.role = role;
    p.customerId = "c1";
    p.memberId = std::move(memberId);
    p.username = std::move(username);
    return p;
}

TEST(OwnershipPermission, NobodyMakesThemselvesTheOwner) {
    const auto ingrid = customer(Role::CustomerAdmin, "m1", "ingrid@fjord.example");
    const OwnershipChange asMember{OwnershipType::Customer, "m1", std::nullopt, std::nullopt};
    EXPECT_EQ(may_change_ownership(ingrid, kMembers, asMember).error().kind, ErrorKind::Forbidden);
    const OwnershipChange asNewPerson{OwnershipType::Customer, std::nullopt,
                                      Person{"Ingrid", "INGRID@fjord.example"}, std::nullopt};
    EXPECT_EQ(may_change_ownership(ingrid, kMembers, asNewPerson).error().kind,
              ErrorKind::Forbidden);
    // Another member, or someone new, is a hand-over.
    const OwnershipChange toOla{OwnershipType::Customer, "m2", std::nullopt, std::nullopt};
    EXPECT_TRUE(may_change_ownership(ingrid, kMembers, toOla).ok());
}

TEST(OwnershipPermission, StaffMayNameAnyOwner) {
    Principal seller;
    seller.role = Role::SellerAdmin;
    const OwnershipChange toIngrid{OwnershipType::Customer, "m1", std::nullopt, std::nullopt};
    EXPECT_TRUE(may_change_ownership(seller, kMembers, toIngrid).ok());
}

}  // namespace
}  // namespace orgdesk::core
