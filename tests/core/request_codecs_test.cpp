#include <gtest/gtest.h>

#include "core/request_codecs.hpp"

namespace orgdesk::core {
namespace {

Json create_body() {
    return Json::parse(R"({
        "name": "Ωmega Logistics ООО", "segment": "SMB", "ownershipType": "Customer",
        "owner": {"name": "Elena Petrova", "email": "elena@omega.example"},
        "billing": {"company": "Ωmega", "address": "Kazan 1", "country": "RU"},
        "customerReference": "CR-9", "buyerTags": ["vip"]
    })");
}

TEST(RequestCodecs, CreateReadsEveryEditableField) {
    const auto request = create_request_from_json(create_body());
    ASSERT_TRUE(request.ok()) << request.error().message;
    EXPECT_EQ(request->org.name, "Ωmega Logistics ООО");
    EXPECT_EQ(request->org.owner->email, "elena@omega.example");
    EXPECT_EQ(request->org.billing.country, "RU");
    EXPECT_EQ(request->org.buyerTags, std::vector<std::string>{"vip"});
    EXPECT_FALSE(request->sellerId.has_value());
}

TEST(RequestCodecs, ServerOwnedFieldsAreRefusedByName) {
    Json body = create_body();
    body["status"] = "Active";
    body["version"] = 9;
    body["colour"] = "red";
    const auto request = create_request_from_json(body);
    ASSERT_FALSE(request.ok());
    ASSERT_EQ(request.error().fields.size(), 3U);
    EXPECT_EQ(request.error().fields[0].field, "colour");
    EXPECT_EQ(request.error().fields[0].message, "is not a field of this request");
    EXPECT_EQ(request.error().fields[1].field, "status");
    EXPECT_EQ(request.error().fields[1].message,
              "is set by Orgdesk and cannot be changed in a request");
}

TEST(RequestCodecs, WrongTypesAreNamed) {
    Json body = create_body();
    body["buyerTags"] = "vip";
    body["billing"] = 5;
    const auto request = create_request_from_json(body);
    ASSERT_FALSE(request.ok());
    EXPECT_EQ(request.error().fields.size(), 2U);
}

TEST(RequestCodecs, PatchChangesOnlyWhatItNames) {
    Organization current = create_request_from_json(create_body())->org;
    current.id = "c1";
    current.version = 4;
    const auto patched = apply_organization_patch(
        current, Json::parse(R"({"buyerTags": ["vip", "north"], "billing": {"taxId": "RU77"}})"));
    ASSERT_TRUE(patched.ok()) << patched.error().message;
    EXPECT_EQ(patched->buyerTags, (std::vector<std::string>{"vip", "north"}));
    EXPECT_EQ(patched->billing.taxId, "RU77");
    EXPECT_EQ(patched->billing.company, "Ωmega");  // merge patch keeps what it does not name
    EXPECT_EQ(patched->name, current.name);
    EXPECT_EQ(patched->id, "c1");
    EXPECT_EQ(patched->version, 4);
}

TEST(RequestCodecs, PatchRefusesOwnershipAndServerFields) {
    const Organization current = create_request_from_json(create_body())->org;
    const auto patched =
        apply_organization_patch(current, Json::parse(R"({"owner": null, "id": "x"})"));
    ASSERT_FALSE(patched.ok());
    ASSERT_EQ(patched.error().fields.size(), 2U);
    EXPECT_EQ(patched.error().fields[0].field, "id");
    EXPECT_EQ(patched.error().fields[1].field, "owner");
}

TEST(RequestCodecs, RejectNeedsAReason) {
    EXPECT_EQ(reject_reason_from_json(Json{{"reason", "Unverified tax id"}}).value(),
              "Unverified tax id");
    EXPECT_FALSE(reject_reason_from_json(Json{{"reason", "  "}}).ok());
    EXPECT_FALSE(reject_reason_from_json(Json::object()).ok());
    EXPECT_FALSE(reject_reason_from_json(Json{{"reason", 4}}).ok());
}

TEST(RequestCodecs, SuspendSaysWhatHappensToSubscriptions) {
    EXPECT_EQ(suspend_request_from_json(Json{{"subscriptions", "keep"}}).value(),
              SubscriptionsOnSuspend::Keep);
    EXPECT_EQ(suspend_request_from_json(Json{{"subscriptions", "cancel"}}).value(),
              SubscriptionsOnSuspend::Cancel);
    EXPECT_FALSE(suspend_request_from_json(Json{{"subscriptions", "pause"}}).ok());
    EXPECT_FALSE(suspend_request_from_json(Json::object()).ok());
}

TEST(RequestCodecs, OwnershipChangeReadsBothForms) {
    const auto toCustomer = ownership_change_from_json(
        Json::parse(R"({"ownershipType": "Customer", "newOwner": {"memberId": "m1"}})"));
    ASSERT_TRUE(toCustomer.ok());
    EXPECT_EQ(toCustomer->newOwnerMemberId, "m1");
    const auto toProvider = ownership_change_from_json(
        Json::parse(R"({"ownershipType": "ServiceProvider", "demoteTo": "Admin"})"));
    ASSERT_TRUE(toProvider.ok());
    EXPECT_EQ(toProvider->demoteTo, MemberRole::Admin);
    EXPECT_FALSE(ownership_change_from_json(
                     Json::parse(R"({"ownershipType": "ServiceProvider", "demoteTo": "Boss"})"))
                     .ok());
}

}  // namespace
}  // namespace orgdesk::core
