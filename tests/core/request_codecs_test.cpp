#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

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

// Every request body Orgdesk reads, with a valid example: none accepts a field its caller may not
// set, at the top level or in a nested object, and each refusal names the field.
struct BodyCodec {
    const char* name;
    std::function<std::optional<Error>(const Json&)> decode;
    Json valid;
    std::vector<std::string> allowed;  // of the fields below, those this body may set
};

template <class T>
std::function<std::optional<Error>(const Json&)> refusal_of(Result<T> (*decode)(const Json&)) {
    return [decode](const Json& body) -> std::optional<Error> {
        auto result = decode(body);
        if (result.ok())
            return std::nullopt;
        return result.error();
    };
}

std::vector<BodyCodec> body_codecs() {
    const Organization current = create_request_from_json(create_body())->org;
    return {
        {"create", refusal_of(create_request_from_json), create_body(), {"sellerId"}},
        {"edit",
         [current](const Json& patch) -> std::optional<Error> {
             auto result = apply_organization_patch(current, patch);
             return result.ok() ? std::nullopt : std::optional<Error>(result.error());
         },
         Json{{"name", "Renamed"}, {"billing", {{"company", "Renamed AB"}}}},
         {}},
        {"reject", refusal_of(reject_reason_from_json), Json{{"reason", "Unverified"}}, {}},
        {"suspend", refusal_of(suspend_request_from_json), Json{{"subscriptions", "keep"}}, {}},
        {"delete", refusal_of(delete_request_from_json), Json{{"cancelSubscriptions", true}}, {}},
        {"ownership",
         refusal_of(ownership_change_from_json),
         Json{{"ownershipType", "Customer"},
              {"newOwner", {{"name", "Ann Owner"}, {"email", "ann@example.test"}}}},
         {}},
        {"approve, resume", refusal_of(no_fields_from_json), Json::object(), {}},
        {"place order",
         refusal_of(place_order_request_from_json),
         Json{{"customerId", "c1"}, {"lines", {{{"sku", "A"}, {"quantity", 1}}}}},
         {"customerId"}},
        {"bulk decision",
         refusal_of(bulk_decision_request_from_json),
         Json{{"action", "approve"}, {"orderIds", {"o1"}}},
         {}},
        {"sign-in",
         refusal_of(credentials_from_json),
         Json{{"username", "a@b.test"}, {"password", "secret"}},
         {}},
    };
}

// What no caller sets: the status, ids, the tenant, the version, decisions, prices, times.
const std::vector<std::string> kForbidden{
    "status",    "id",         "tenant",    "distributorId",  "sellerId",  "customerId",
    "version",   "decidedBy",  "decidedAt", "price",          "unitPrice", "createdAt",
    "updatedAt", "providerId", "actions",   "rejectionReason"};

bool names_field(const Error& error, const std::string& field) {
    return std::any_of(error.fields.begin(), error.fields.end(),
                       [&](const FieldError& e) { return e.field == field; });
}

TEST(RequestCodecs, NoBodyAcceptsAFieldItsCallerMayNotSet) {
    int tried = 0;
    for (const auto& codec : body_codecs()) {
        ASSERT_FALSE(codec.decode(codec.valid)) << codec.name << " refuses its valid example";
        // At the top level, and inside each object the body nests.
        std::vector<std::string> parents{""};
        for (const auto& [name, value] : codec.valid.items()) {
            if (value.is_object())
                parents.push_back(name);
        }
        if (codec.valid.contains("lines"))
            parents.push_back("lines[0]");
        for (const auto& parent : parents) {
            for (const auto& field : kForbidden) {
                if (parent.empty() && std::find(codec.allowed.begin(), codec.allowed.end(),
                                                field) != codec.allowed.end()) {
                    continue;
                }
                Json body = codec.valid;
                Json& target = parent.empty()         ? body
                               : parent == "lines[0]" ? body["lines"][0]
                                                      : body[parent];
                target[field] = "x";
                const auto error = codec.decode(body);
                const auto named = parent.empty() ? field : parent + "." + field;
                ++tried;
                ASSERT_TRUE(error) << codec.name << " accepts " << named;
                EXPECT_EQ(error->kind, ErrorKind::InvalidInput) << codec.name << " " << named;
                EXPECT_TRUE(names_field(*error, named))
                    << codec.name << " does not name " << named << ": " << error->message;
            }
        }
    }
    std::printf("request codecs: %d forbidden fields tried, every one refused by name\n", tried);
}

TEST(RequestCodecs, NestedObjectsHoldOnlyTheirOwnFields) {
    Json body = create_body();
    body["billing"]["status"] = "Active";
    body["owner"]["id"] = "u1";
    body["primaryContact"] = {{"name", "Ann"}, {"tenant", "t1"}};
    const auto request = create_request_from_json(body);
    ASSERT_FALSE(request.ok());
    EXPECT_EQ(request.error().fields,
              (std::vector<FieldError>{
                  {"billing.status", "is set by Orgdesk and cannot be changed in a request"},
                  {"primaryContact.tenant", "is set by Orgdesk and cannot be changed in a request"},
                  {"owner.id", "is set by Orgdesk and cannot be changed in a request"}}));
}

TEST(RequestCodecs, RequestsWithoutFieldsTakeOnlyAnEmptyObject) {
    EXPECT_TRUE(no_fields_from_json(Json::object()).ok());
    const auto refused = no_fields_from_json(Json{{"status", "Active"}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().fields,
              (std::vector<FieldError>{
                  {"status", "is set by Orgdesk and cannot be changed in a request"}}));
    EXPECT_FALSE(no_fields_from_json(Json::array()).ok());
}

}  // namespace
}  // namespace orgdesk::core
