#include <gtest/gtest.h>

#include "core/organization_creation.hpp"
#include "core/organization_lifecycle.hpp"
#include "core/organization_validation.hpp"
#include "core/uuid.hpp"

namespace orgdesk::core {
namespace {

Principal staff(Role role) {
    Principal p;
    p.userId = "u";
    p.role = role;
    p.distributorId = "d1";
    if (role != Role::DistributorAdmin)
        p.sellerId = "s1";
    return p;
}

CreateOrganizationRequest customer_owned() {
    CreateOrganizationRequest r;
    r.org.name = "  Saga Robotics AB ";
    r.org.segment = "SMB";
    r.org.ownershipType = OwnershipType::Customer;
    r.org.owner = Person{"Saga Berg", "saga@saga.example"};
    r.org.billing.company = "Saga Robotics AB";
    r.org.billing.address = "Sveavägen 1";
    r.org.billing.country = "SE";
    return r;
}

TEST(Uuid, FormatsVersionFourWithTheVariantBits) {
    UuidBytes bytes;
    bytes.fill(0xFF);
    const auto text = format_uuid_v4(bytes);
    EXPECT_EQ(text, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    bytes.fill(0);
    EXPECT_EQ(format_uuid_v4(bytes), "00000000-0000-4000-8000-000000000000");
    EXPECT_TRUE(is_uuid(text));
    EXPECT_FALSE(is_uuid("ffffffff-ffff-4fff-bfff-fffffffffff"));
    EXPECT_FALSE(is_uuid("ffffffffxffff-4fff-bfff-ffffffffffff"));
}

TEST(OrganizationCreation, SellerStaffCreateUnderTheirOwnSeller) {
    for (const auto role : {Role::SellerAdmin, Role::AccountManager}) {
        const auto placed = place_new_organization(staff(role), std::nullopt, std::nullopt);
        ASSERT_TRUE(placed.ok());
        EXPECT_EQ(placed->sellerId, "s1");
        EXPECT_EQ(placed->distributorId, "d1");
        EXPECT_TRUE(place_new_organization(staff(role), std::string("s1"), std::string("d1")).ok());
        const auto other =
            place_new_organization(staff(role), std::string("s2"), std::string("d1"));
        ASSERT_FALSE(other.ok());
        EXPECT_EQ(other.error().kind, ErrorKind::InvalidInput);
        EXPECT_EQ(other.error().fields.at(0).field, "sellerId");
    }
}

TEST(OrganizationCreation, DistributorAdminNamesOneOfItsSellers) {
    const auto admin = staff(Role::DistributorAdmin);
    EXPECT_EQ(place_new_organization(admin, std::nullopt, std::nullopt).error().fields.at(0).field,
              "sellerId");
    EXPECT_FALSE(place_new_organization(admin, std::string("s9"), std::nullopt).ok());
    EXPECT_FALSE(place_new_organization(admin, std::string("s9"), std::string("d2")).ok());
    const auto placed = place_new_organization(admin, std::string("s2"), std::string("d1"));
    ASSERT_TRUE(placed.ok());
    EXPECT_EQ(placed->sellerId, "s2");
}

TEST(OrganizationCreation, CustomersMayNotCreate) {
    for (const auto role : {Role::CustomerOwner, Role::CustomerAdmin, Role::CustomerMember}) {
        const auto placed = place_new_organization(staff(role), std::nullopt, std::nullopt);
        ASSERT_FALSE(placed.ok());
        EXPECT_EQ(placed.error().kind, ErrorKind::Forbidden);
    }
}

TEST(OrganizationCreation, ANewOrganizationIsNewWithItsOwnerAsOwnerMember) {
    const auto created = new_organization(customer_owned(), {"d1", "s1"}, "org-1", "m-1", 1000);
    ASSERT_TRUE(created.ok()) << created.error().message;
    const auto& o = created->org;
    EXPECT_EQ(o.id, "org-1");
    EXPECT_EQ(o.name, "Saga Robotics AB");  // normalized
    EXPECT_EQ(o.status, OrgStatus::New);
    EXPECT_EQ(o.version, 1);
    EXPECT_EQ(o.createdAtMs, 1000);
    EXPECT_EQ(o.updatedAtMs, 1000);
    EXPECT_EQ(o.sellerId, "s1");
    EXPECT_EQ(o.billing.email, "saga@saga.example");
    EXPECT_EQ(o.userCount, 1);
    ASSERT_EQ(created->members.size(), 1u);
    EXPECT_EQ(created->members[0],
              (Member{"m-1", "Saga Berg", "saga@saga.example", MemberRole::Owner}));
}

TEST(OrganizationCreation, ServiceProviderOrganizationsHaveNoOwner) {
    auto request = customer_owned();
    request.org.ownershipType = OwnershipType::ServiceProvider;
    request.org.billing = {};
    const auto created = new_organization(request, {"d1", "s1"}, "org-1", "m-1", 1000);
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_FALSE(created->org.owner.has_value());
    EXPECT_TRUE(created->members.empty());
    EXPECT_EQ(created->org.userCount, 0);
}

TEST(OrganizationCreation, InvalidDataNamesTheFields) {
    auto request = customer_owned();
    request.org.billing.address = "";
    const auto created = new_organization(request, {"d1", "s1"}, "org-1", "m-1", 1000);
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().message, kOrganizationInvalidMessage);
    EXPECT_EQ(created.error().fields.at(0).field, "billing.address");
}

TEST(OrganizationLifecycle, DeleteMayCancelSubscriptionsInTheSameStep) {
    Organization org;
    org.id = "o";
    org.sellerId = "s1";
    org.distributorId = "d1";
    org.status = OrgStatus::Active;
    org.subscriptionCount = 2;
    const auto admin = staff(Role::SellerAdmin);
    EXPECT_EQ(decide_delete(admin, org, false).error().message, kCancelSubscriptionsMessage);
    EXPECT_EQ(*decide_delete(admin, org, true), OrgStatus::Deleted);
    // Cancelling does not lift the other rules.
    EXPECT_EQ(decide_delete(staff(Role::AccountManager), org, true).error().kind,
              ErrorKind::Forbidden);
    org.status = OrgStatus::Deleted;
    EXPECT_EQ(decide_delete(admin, org, true).error().kind, ErrorKind::NotFound);
}

TEST(RequestCodecs, DeleteRequestReadsCancelSubscriptions) {
    EXPECT_FALSE(delete_request_from_json(Json::object())->cancelSubscriptions);
    EXPECT_TRUE(delete_request_from_json({{"cancelSubscriptions", true}})->cancelSubscriptions);
    EXPECT_EQ(delete_request_from_json({{"cancelSubscriptions", "yes"}}).error().fields.at(0).field,
              "cancelSubscriptions");
    EXPECT_FALSE(delete_request_from_json({{"force", true}}).ok());
}

}  // namespace
}  // namespace orgdesk::core
