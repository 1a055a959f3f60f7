#include <gtest/gtest.h>

#include "core/access_policy.hpp"

namespace orgdesk::core {
namespace {

Organization org(std::string id, std::string seller, std::string distributor) {
    Organization o;
    o.id = std::move(id);
    o.sellerId = std::move(seller);
    o.distributorId = std::move(distributor);
    return o;
}

TEST(AccessPolicy, EachRoleSeesItsOwnTenantOnly) {
    Principal distributor{"u", "d", "D", Role::DistributorAdmin, "dist", "", ""};
    Principal seller{"u", "s", "S", Role::SellerAdmin, "dist", "s1", ""};
    Principal owner{"u", "o", "O", Role::CustomerOwner, "dist", "s1", "c1"};

    const auto mine = org("c1", "s1", "dist");
    const auto sibling = org("c2", "s2", "dist");
    const auto foreign = org("c3", "s9", "dist9");

    EXPECT_TRUE(in_scope(scope_of(distributor), mine));
    EXPECT_TRUE(in_scope(scope_of(distributor), sibling));
    EXPECT_FALSE(in_scope(scope_of(distributor), foreign));

    EXPECT_TRUE(in_scope(scope_of(seller), mine));
    EXPECT_FALSE(in_scope(scope_of(seller), sibling));

    EXPECT_TRUE(in_scope(scope_of(owner), mine));
    EXPECT_FALSE(in_scope(scope_of(owner), org("c9", "s1", "dist")));
}

TEST(AccessPolicy, APrincipalWithoutTenantSeesNothing) {
    Principal nobody{"u", "x", "X", Role::SellerAdmin, "", "", ""};
    EXPECT_FALSE(in_scope(scope_of(nobody), org("c1", "", "")));
}

TEST(AccessPolicy, TenantIsTheUsersOwnLevel) {
    EXPECT_EQ(tenant_of({"u", "d", "D", Role::DistributorAdmin, "dist", "", ""}), "dist");
    EXPECT_EQ(tenant_of({"u", "m", "M", Role::AccountManager, "dist", "s1", ""}), "s1");
    EXPECT_EQ(tenant_of({"u", "o", "O", Role::CustomerMember, "dist", "s1", "c1"}), "c1");
}

TEST(AccessPolicy, AnObjectIsInScopeByItsTenantPath) {
    Principal distributor{"u", "d", "D", Role::DistributorAdmin, "dist", "", ""};
    Principal manager{"u", "m", "M", Role::AccountManager, "dist", "s1", ""};
    Principal member{"u", "o", "O", Role::CustomerMember, "dist", "s1", "c1"};
    const TenantPath mine{"dist", "s1", "c1"};
    const TenantPath sibling{"dist", "s1", "c2"};
    const TenantPath other_seller{"dist", "s2", "c3"};
    const TenantPath foreign{"dist9", "s9", "c9"};

    EXPECT_TRUE(in_scope(scope_of(distributor), mine));
    EXPECT_TRUE(in_scope(scope_of(distributor), other_seller));
    EXPECT_FALSE(in_scope(scope_of(distributor), foreign));
    EXPECT_TRUE(in_scope(scope_of(manager), sibling));
    EXPECT_FALSE(in_scope(scope_of(manager), other_seller));
    EXPECT_TRUE(in_scope(scope_of(member), mine));
    EXPECT_FALSE(in_scope(scope_of(member), sibling));
    // An organization's path is its own id under its seller and distributor.
    EXPECT_EQ(in_scope(scope_of(member), org("c1", "s1", "dist")),
              in_scope(scope_of(member), mine));
    // An empty tenant never matches an object with empty ids.
    EXPECT_FALSE(in_scope(TenantScope{TenantLevel::Seller, ""}, TenantPath{"", "", ""}));
}

TEST(AccessPolicy, StaffAreTheResellersPeople) {
    EXPECT_TRUE(is_staff(Role::DistributorAdmin));
    EXPECT_TRUE(is_staff(Role::SellerAdmin));
    EXPECT_TRUE(is_staff(Role::AccountManager));
    EXPECT_FALSE(is_staff(Role::CustomerOwner));
    EXPECT_FALSE(is_staff(Role::CustomerAdmin));
    EXPECT_FALSE(is_staff(Role::CustomerMember));
    for (const Role role : kAllRoles)
        EXPECT_EQ(may_create_organizations(role), is_staff(role)) << to_string(role);
}

TEST(AccessPolicy, RoleNamesRoundTrip) {
    for (const Role role : kAllRoles)
        EXPECT_EQ(parse_role(to_string(role)), role);
    EXPECT_EQ(display_name(Role::SellerAdmin), "Seller Admin");
    EXPECT_FALSE(parse_role("Admin").has_value());
}

TEST(AccessPolicy, WhatACustomerBuysAndPaysIsTheSellersToChange) {
    Organization before = org("c1", "s1", "dist");
    before.segment = "SMB";
    before.billing.country = "SE";
    Organization after = before;
    after.segment = "Education";
    after.billing.country = "US";
    after.name = "Renamed";
    EXPECT_EQ(fields_role_may_not_change(Role::CustomerOwner, before, after),
              (std::vector<std::string_view>{"segment", "billing.country"}));
    EXPECT_EQ(fields_role_may_not_change(Role::CustomerAdmin, before, after).size(), 2U);
    EXPECT_TRUE(fields_role_may_not_change(Role::SellerAdmin, before, after).empty());
    EXPECT_TRUE(fields_role_may_not_change(Role::AccountManager, before, after).empty());
    // A Member edits nothing, its own fields included.
    EXPECT_EQ(fields_role_may_not_change(Role::CustomerMember, before, after).size(), 3U);
}

TEST(AccessPolicy, TheCustomersOwnFieldsAreItsToChange) {
    for (const auto field :
         {"name", "billing.company", "billing.address", "billing.email", "primaryContact.name",
          "primaryContact.role", "primaryContact.phone"}) {
        EXPECT_TRUE(role_may_edit_field(Role::CustomerOwner, field)) << field;
        EXPECT_TRUE(role_may_edit_field(Role::CustomerAdmin, field)) << field;
        EXPECT_FALSE(role_may_edit_field(Role::CustomerMember, field)) << field;
    }
    for (const auto field : {"segment", "billing.country", "billing.taxId", "customerReference",
                             "externalContract", "purchasedNumbers", "buyerTags"}) {
        EXPECT_FALSE(role_may_edit_field(Role::CustomerOwner, field)) << field;
        EXPECT_TRUE(role_may_edit_field(Role::SellerAdmin, field)) << field;
    }
}

TEST(AccessPolicy, ACustomerPersonsRoleIsTheirMemberships) {
    EXPECT_EQ(customer_role(MemberRole::Owner), Role::CustomerOwner);
    EXPECT_EQ(customer_role(MemberRole::Admin), Role::CustomerAdmin);
    EXPECT_EQ(customer_role(MemberRole::Member), Role::CustomerMember);
}

}  // namespace
}  // namespace orgdesk::core
