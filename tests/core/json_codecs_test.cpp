#include <gtest/gtest.h>

#include "core/json_codecs.hpp"
#include "core/json_limits.hpp"

namespace orgdesk::core {
namespace {

CustomerView sample_view() {
    CustomerView v;
    v.org.id = "c0000000-0000-4000-8000-000000000001";
    v.org.providerId = 42;
    v.org.name = "Bäckerei Müller GmbH";
    v.org.segment = "SMB";
    v.org.status = OrgStatus::New;
    v.org.owner = Person{"Anna Lindqvist", "anna@example.com"};
    v.org.billing = {"Bäckerei Müller GmbH", "Hauptstraße 1", "DE", "DE123", "anna@example.com"};
    v.org.primaryContact = {"Anna Lindqvist", "CFO", "+49 89 1234"};
    v.org.customerReference = "CR-1";
    v.org.externalContract = "EC-1";
    v.org.purchasedNumbers = {"+4989555"};
    v.org.buyerTags = {"priority"};
    v.org.distributorId = "d";
    v.org.sellerId = "s";
    v.org.subscriptionCount = 2;
    v.org.userCount = 3;
    v.org.version = 7;
    v.org.createdAtMs = 1'763'000'000'123;
    v.org.updatedAtMs = 1'763'000'100'000;
    v.actions = {OrgAction::Approve, OrgAction::Reject};
    return v;
}

TEST(JsonCodecs, CustomerUsesTheWireNames) {
    const Json json = to_json(sample_view());
    EXPECT_EQ(json["status"], "New");
    EXPECT_EQ(json["ownershipType"], "Customer");
    EXPECT_EQ(json["billing"]["taxId"], "DE123");
    EXPECT_EQ(json["primaryContact"]["phone"], "+49 89 1234");
    EXPECT_EQ(json["actions"], Json::array({"approve", "reject"}));
    EXPECT_EQ(json["createdAt"], "2025-11-13T02:13:20.123Z");
}

TEST(JsonCodecs, CustomerRoundTrips) {
    const auto view = sample_view();
    const auto decoded = customer_view_from_json(to_json(view));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->org, view.org);
    EXPECT_EQ(decoded->actions, view.actions);
}

TEST(JsonCodecs, ProviderIdAndRejectionReasonAreOptionalOnRead) {
    auto view = sample_view();
    view.org.rejectionReason = "Duplicate of CR-0";
    Json json = to_json(view);
    EXPECT_EQ(json["providerId"], 42);
    EXPECT_EQ(json["rejectionReason"], "Duplicate of CR-0");
    EXPECT_EQ(customer_view_from_json(json)->org.rejectionReason, "Duplicate of CR-0");
    json.erase("providerId");
    json.erase("rejectionReason");
    const auto decoded = customer_view_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->org.providerId, 0);
    EXPECT_EQ(decoded->org.rejectionReason, "");
}

TEST(JsonCodecs, ServiceProviderWithoutOwnerRoundTrips) {
    auto view = sample_view();
    view.org.ownershipType = OwnershipType::ServiceProvider;
    view.org.owner.reset();
    const auto json = to_json(view);
    EXPECT_TRUE(json["owner"].is_null());
    EXPECT_EQ(customer_view_from_json(json)->org.owner, std::nullopt);
}

TEST(JsonCodecs, WrongTypesNameTheFieldsAtFault) {
    Json json = to_json(sample_view());
    json["version"] = "seven";
    json["status"] = "Sleeping";
    json["billing"] = 3;
    const auto decoded = customer_view_from_json(json);
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().kind, ErrorKind::InvalidInput);
    std::vector<std::string> fields;
    for (const auto& f : decoded.error().fields)
        fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"status", "billing", "version"}));
}

TEST(JsonCodecs, MalformedJsonIsAnErrorNotAThrow) {
    const auto parsed = parse_json("{\"username\": ");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, "malformed-json");
    EXPECT_FALSE(credentials_from_json(Json::array()).ok());
}

TEST(JsonCodecs, DocumentsNestedBeyondTheLimitAreRefused) {
    const auto nested = [](int depth) {
        return std::string(static_cast<std::size_t>(depth), '[') +
               std::string(static_cast<std::size_t>(depth), ']');
    };
    EXPECT_TRUE(parse_json(nested(kMaxJsonDepth)).ok());
    EXPECT_TRUE(parse_json(R"({"a": )" + nested(kMaxJsonDepth - 1) + "}").ok());
    for (const auto& text :
         {nested(kMaxJsonDepth + 1), R"({"a": )" + nested(kMaxJsonDepth) + "}", nested(500'000)}) {
        const auto parsed = parse_json(text);
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.error().code, "json-too-deep");
        EXPECT_EQ(parsed.error().kind, ErrorKind::InvalidInput);
    }
}

TEST(JsonCodecs, CredentialsNeedBothStrings) {
    EXPECT_TRUE(credentials_from_json(Json{{"username", "a"}, {"password", "b"}}).ok());
    const auto bad = credentials_from_json(Json{{"username", 1}});
    ASSERT_FALSE(bad.ok());
    ASSERT_EQ(bad.error().fields.size(), 2U);
    EXPECT_EQ(bad.error().fields[0].field, "username");
    EXPECT_EQ(bad.error().fields[1].field, "password");
}

TEST(JsonCodecs, LoginResultRoundTrips) {
    LoginResult login{"abc.def", 1'763'000'000'000, {}};
    login.user = {"u1", "seller@demo.test", "Sam Seller", Role::SellerAdmin, "d", "s1", ""};
    const Json json = to_json(login);
    EXPECT_EQ(json["user"]["roles"], Json::array({"SellerAdmin"}));
    EXPECT_EQ(json["user"]["tenant"], "s1");
    const auto decoded = login_result_from_json(json);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->token, "abc.def");
    EXPECT_EQ(decoded->expiresAtMs, login.expiresAtMs);
    EXPECT_EQ(decoded->user.role, Role::SellerAdmin);
    EXPECT_EQ(decoded->user.sellerId, "s1");
}

TEST(JsonCodecs, ProblemRoundTripsWithFields) {
    const Error error = make_error(ErrorKind::Conflict, "invalid-status",
                                   "Cannot activate the customer organization in its current "
                                   "status.",
                                   {{"status", "is Active"}});
    const Json json = problem_to_json(error);
    EXPECT_EQ(json["status"], 409);
    EXPECT_EQ(json["errors"][0]["field"], "status");
    const Error back = problem_from_json(409, json);
    EXPECT_EQ(back.kind, ErrorKind::Conflict);
    EXPECT_EQ(back.message, error.message);
    EXPECT_EQ(back.fields, error.fields);
}

TEST(JsonCodecs, ProblemFromAnythingStillSpeaksToAPerson) {
    const Error e = problem_from_json(502, Json("Bad gateway"));
    EXPECT_EQ(e.kind, ErrorKind::Internal);
    EXPECT_EQ(e.message, "The server answered 502. Try again.");
}

TEST(JsonCodecs, PageCarriesTheCursor) {
    CustomerPage page{{sample_view()}, "c1.5.abc", {{OrgStatus::New, 3}, {OrgStatus::Active, 9}}};
    const auto decoded = customer_page_from_json(to_json(page));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->items.size(), 1U);
    EXPECT_EQ(decoded->nextCursor, "c1.5.abc");
    EXPECT_EQ(decoded->counts, page.counts);
    page.nextCursor.reset();
    EXPECT_TRUE(to_json(page)["nextCursor"].is_null());
}

}  // namespace
}  // namespace orgdesk::core
