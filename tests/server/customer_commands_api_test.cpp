// Create, edit, reject, suspend, delete, the ownership switch, members and the audit trail over
// real HTTP: each route's success and refusals, with the seed's exact messages.
#include <gtest/gtest.h>

#include "platform/demo_data.hpp"
#include "server/router.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kInvalid = "Organization is invalid.";
constexpr const char* kCancelFirst = "Cancel all active subscriptions and try again.";
constexpr const char* kKeyReused = "This Idempotency-Key was already used for a different request.";
constexpr const char* kCustomers = "/api/v1/customers";

std::string customer_path(const std::string& id) {
    return std::string(kCustomers) + "/" + id;
}

json customer_owned() {
    return {
        {"name", "Saga Robotics AB"},
        {"segment", "SMB"},
        {"ownershipType", "Customer"},
        {"owner", {{"name", "Saga Berg"}, {"email", "saga@saga.example"}}},
        {"billing",
         {{"company", "Saga Robotics AB"},
          {"address", "Sveavägen 1, Stockholm"},
          {"country", "SE"},
          {"taxId", "SE556000000001"}}},
        {"primaryContact", {{"name", "Saga Berg"}, {"role", "CEO"}, {"phone", "+46 8 555 0101"}}},
        {"customerReference", "CR-SAGA-1"},
        {"externalContract", "EC-SAGA-1"},
        {"purchasedNumbers", {"+46855599001"}},
        {"buyerTags", {"pilot"}}};
}

std::vector<std::string> fields_of(const json& problem) {
    std::vector<std::string> fields;
    for (const auto& e : problem.at("errors"))
        fields.push_back(e.at("field").get<std::string>());
    return fields;
}

bool names_field(const json& problem, const std::string& field) {
    const auto fields = fields_of(problem);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

std::string quoted(const json& version) {
    return "\"" + std::to_string(version.get<std::int64_t>()) + "\"";
}

class CustomerCommandsApi : public ServerFixture {
  protected:
    HttpResponse create(const json& body, const std::string& token,
                        std::vector<std::pair<std::string, std::string>> headers = {}) {
        return client().send_json("POST", kCustomers, body, token, std::move(headers));
    }
    HttpResponse put(const std::string& id, const std::string& action, const json& body,
                     const std::string& token,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
        return client().send_json("PUT", customer_path(id) + "/" + action, body, token,
                                  std::move(headers));
    }
    HttpResponse patch(const std::string& id, const json& body, const std::string& token,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
        return client().send_json("PATCH", customer_path(id), body, token, std::move(headers));
    }
    HttpResponse remove(const std::string& target, const std::string& token) {
        return client().send({"DELETE", target, {}, {{"Authorization", "Bearer " + token}}});
    }
    json get(const std::string& id, const std::string& token) {
        return client().get(customer_path(id), token).json();
    }
    json items(const std::string& path, const std::string& token) {
        const auto response = client().get(path, token);
        EXPECT_EQ(response.status, 200) << response.body;
        return response.json().at("items");
    }
    // A customer of the user's scope in `status` managed by `ownershipType`.
    json find_customer(const std::string& token, const std::string& status,
                       const std::string& ownershipType) {
        for (const auto& c : list_all_customers(token, "status=" + status, 50)) {
            if (c.at("ownershipType") == ownershipType)
                return c;
        }
        ADD_FAILURE() << "no " << status << " " << ownershipType << " customer";
        return {};
    }
};

// ---------------------------------------------------------------- create

TEST_F(CustomerCommandsApi, CreatesACustomerOwnedOrganizationAsNew) {
    const auto token = sign_in(kSeller);
    const auto response = create(customer_owned(), token);
    ASSERT_EQ(response.status, 201) << response.body;
    const auto created = response.json();
    EXPECT_EQ(created.at("id"), "0e000000-0000-4000-8000-000000000001");
    EXPECT_EQ(created.at("status"), "New");
    EXPECT_EQ(created.at("version"), 1);
    EXPECT_EQ(created.at("providerId"), 61);  // after the 60 demo organizations
    EXPECT_EQ(created.at("sellerId"), platform::kDemoSellerOneId);
    EXPECT_EQ(created.at("distributorId"), platform::kDemoDistributorId);
    EXPECT_EQ(created.at("billing").at("email"), "saga@saga.example");  // the owner's (seed 003)
    EXPECT_EQ(created.at("userCount"), 1);
    EXPECT_EQ(created.at("actions"), json({"approve", "reject", "delete", "edit"}));
    EXPECT_EQ(response.header("Location"), customer_path(created.at("id")));
    EXPECT_EQ(response.header("ETag"), "\"1\"");
    EXPECT_EQ(get(created.at("id"), token), created);

    const auto members = items(customer_path(created.at("id")) + "/members", token);
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0].at("role"), "Owner");
    EXPECT_EQ(members[0].at("email"), "saga@saga.example");
    EXPECT_EQ(members[0].at("id"), "0e000000-0000-4000-8000-000000000002");

    const auto audit = items(customer_path(created.at("id")) + "/audit", token);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].at("action"), "create");
    EXPECT_EQ(audit[0].at("actor").at("name"), "Sam Seller");
    EXPECT_TRUE(audit[0].at("before").is_null());
    EXPECT_EQ(audit[0].at("after").at("name"), "Saga Robotics AB");

    // Found by its search keys like any other.
    const auto found = list_all_customers(token, "q=CR-SAGA");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].at("id"), created.at("id"));
}

TEST_F(CustomerCommandsApi, ServiceProviderOrganizationNeedsNoOwnerNorBilling) {
    const json body = {{"name", "Managed Desk Oy"},
                       {"segment", "Enterprise"},
                       {"ownershipType", "ServiceProvider"}};
    const auto response = create(body, sign_in(kManager));
    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_TRUE(response.json().at("owner").is_null());
    EXPECT_EQ(response.json().at("userCount"), 0);
}

TEST_F(CustomerCommandsApi, InvalidDataIs400NamingTheFieldsAndWritesNothing) {
    const auto token = sign_in(kSeller);
    auto body = customer_owned();
    body["billing"].erase("address");
    body["owner"]["email"] = "not an email";
    const auto response = create(body, token);
    ASSERT_EQ(response.status, 400) << response.body;
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
    const auto problem = response.json();
    EXPECT_EQ(problem.at("detail"), kInvalid);
    EXPECT_TRUE(names_field(problem, "billing.address")) << response.body;
    EXPECT_TRUE(names_field(problem, "owner.email")) << response.body;
    EXPECT_FALSE(store().find_organization_by_provider_id(61).has_value());
    EXPECT_TRUE(list_all_customers(token, "q=CR-SAGA").empty());
}

TEST_F(CustomerCommandsApi, ServerOwnedFieldsAreRefused) {
    auto body = customer_owned();
    body["status"] = "Active";
    body["providerId"] = 7;
    const auto response = create(body, sign_in(kSeller));
    ASSERT_EQ(response.status, 400);
    EXPECT_TRUE(names_field(response.json(), "status"));
    EXPECT_TRUE(names_field(response.json(), "providerId"));
}

TEST_F(CustomerCommandsApi, SellersCreateOnlyUnderTheirOwnSeller) {
    auto body = customer_owned();
    body["sellerId"] = platform::kDemoSellerTwoId;
    const auto foreign = create(body, sign_in(kSeller));
    ASSERT_EQ(foreign.status, 400) << foreign.body;
    EXPECT_EQ(fields_of(foreign.json()), std::vector<std::string>{"sellerId"});

    body["sellerId"] = platform::kDemoSellerOneId;  // naming its own seller is fine
    EXPECT_EQ(create(body, sign_in(kSeller)).status, 201);
}

TEST_F(CustomerCommandsApi, DistributorAdminNamesOneOfItsSellers) {
    const auto token = sign_in(kDistributor);
    auto body = customer_owned();
    const auto without = create(body, token);
    ASSERT_EQ(without.status, 400) << without.body;
    EXPECT_EQ(fields_of(without.json()), std::vector<std::string>{"sellerId"});

    body["sellerId"] = platform::kDemoDistributorId;  // a partner, but not a seller of it
    EXPECT_EQ(create(body, token).status, 400);
    body["sellerId"] = "51000000-0000-4000-8000-00000000dead";
    EXPECT_EQ(create(body, token).status, 400);

    body["sellerId"] = platform::kDemoSellerTwoId;
    const auto created = create(body, token);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json().at("sellerId"), platform::kDemoSellerTwoId);
    // Seller two's admin sees it; seller one's does not.
    EXPECT_EQ(client().get(customer_path(created.json().at("id")), sign_in(kSellerTwo)).status,
              200);
    EXPECT_EQ(client().get(customer_path(created.json().at("id")), sign_in(kSeller)).status, 404);
}

TEST_F(CustomerCommandsApi, CustomersMayNotCreate) {
    const auto response = create(customer_owned(), sign_in(kOwner));
    EXPECT_EQ(response.status, 403) << response.body;
    EXPECT_FALSE(store().find_organization_by_provider_id(61).has_value());
}

TEST_F(CustomerCommandsApi, RepeatedIdempotencyKeyGivesTheSameAnswerAndOneOrganization) {
    const auto token = sign_in(kSeller);
    const std::vector<std::pair<std::string, std::string>> key{{"Idempotency-Key", "create-42"}};
    const auto first = create(customer_owned(), token, key);
    ASSERT_EQ(first.status, 201) << first.body;
    // The same request again, even with its keys in another order, after the org has changed.
    ASSERT_EQ(client().put(customer_path(first.json().at("id")) + "/approve", token).status, 200);
    const auto again = client().send({"POST",
                                      kCustomers,
                                      customer_owned().dump(2),
                                      {{"Content-Type", "application/json"},
                                       {"Authorization", "Bearer " + token},
                                       {"Idempotency-Key", "create-42"}}});
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Location"), first.header("Location"));
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_FALSE(store().find_organization_by_provider_id(62).has_value());
    EXPECT_EQ(list_all_customers(token, "q=CR-SAGA").size(), 1u);

    // Another user's key of the same name is another key.
    EXPECT_EQ(create(customer_owned(), sign_in(kManager), key).status, 201);
}

TEST_F(CustomerCommandsApi, ReusedIdempotencyKeyWithAnotherBodyIs409) {
    const auto token = sign_in(kSeller);
    const std::vector<std::pair<std::string, std::string>> key{{"Idempotency-Key", "k-1"}};
    ASSERT_EQ(create(customer_owned(), token, key).status, 201);
    auto other = customer_owned();
    other["name"] = "Another Name AB";
    const auto response = create(other, token, key);
    EXPECT_EQ(response.status, 409);
    EXPECT_EQ(response.json().at("detail"), kKeyReused);
    EXPECT_FALSE(store().find_organization_by_provider_id(62).has_value());
}

TEST_F(CustomerCommandsApi, IdempotencyKeysExpireAfterADay) {
    const auto token = sign_in(kSeller);
    const std::vector<std::pair<std::string, std::string>> key{{"Idempotency-Key", "k-2"}};
    ASSERT_EQ(create(customer_owned(), token, key).status, 201);
    advance_clock(std::chrono::hours(25));
    auto other = customer_owned();
    other["customerReference"] = "CR-SAGA-2";
    const auto later = create(other, sign_in(kSeller), key);
    EXPECT_EQ(later.status, 201) << later.body;
    EXPECT_EQ(later.header("Idempotent-Replayed"), "");
}

TEST_F(CustomerCommandsApi, MalformedIdempotencyKeyIs400) {
    const auto response =
        create(customer_owned(), sign_in(kSeller), {{"Idempotency-Key", std::string(300, 'k')}});
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(fields_of(response.json()), std::vector<std::string>{"Idempotency-Key"});
}

// ---------------------------------------------------------------- edit

TEST_F(CustomerCommandsApi, EditMergesThePatchAndRewritesSearchKeys) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "Active");
    const auto before = get(id, token);
    const auto response = patch(id,
                                {{"buyerTags", {"gold", "renewal"}},
                                 {"customerReference", "CR-RENAMED-9"},
                                 {"primaryContact", {{"phone", "+46 8 555 9999"}}}},
                                token, {{"If-Match", quoted(before.at("version"))}});
    ASSERT_EQ(response.status, 200) << response.body;
    const auto after = response.json();
    EXPECT_EQ(after.at("buyerTags"), json({"gold", "renewal"}));
    EXPECT_EQ(after.at("primaryContact").at("phone"), "+46 8 555 9999");
    EXPECT_EQ(after.at("primaryContact").at("name"), before.at("primaryContact").at("name"));
    EXPECT_EQ(after.at("name"), before.at("name"));
    EXPECT_EQ(after.at("version"), before.at("version").get<int>() + 1);
    EXPECT_EQ(response.header("ETag"), quoted(after.at("version")));

    ASSERT_EQ(list_all_customers(token, "q=CR-RENAMED-9").size(), 1u);
    EXPECT_TRUE(list_all_customers(token, "q=" + before.at("customerReference").get<std::string>())
                    .empty());

    const auto audit = items(customer_path(id) + "/audit", token);
    const auto& edit = audit.back();
    EXPECT_EQ(edit.at("action"), "edit");
    EXPECT_EQ(edit.at("actor").at("name"), "Sam Seller");
    EXPECT_EQ(edit.at("before").at("customerReference"), before.at("customerReference"));
    EXPECT_EQ(edit.at("after").at("customerReference"), "CR-RENAMED-9");
}

TEST_F(CustomerCommandsApi, InvalidEditIs400WithTheFieldAndChangesNothing) {
    const auto token = sign_in(kSeller);
    const auto c = find_customer(token, "Active", "Customer");
    const auto response = patch(c.at("id"), {{"billing", {{"address", ""}}}}, token);
    ASSERT_EQ(response.status, 400) << response.body;
    EXPECT_EQ(response.json().at("detail"), kInvalid);
    EXPECT_EQ(fields_of(response.json()), std::vector<std::string>{"billing.address"});
    EXPECT_EQ(get(c.at("id"), token).at("version"), c.at("version"));
}

TEST_F(CustomerCommandsApi, StaleEditIs412SayingSomeoneElseChangedIt) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "New");
    const auto seen = get(id, token).at("version");
    ASSERT_EQ(patch(id, {{"buyerTags", {"first"}}}, sign_in(kManager)).status, 200);
    const auto stale = patch(id, {{"buyerTags", {"second"}}}, token, {{"If-Match", quoted(seen)}});
    ASSERT_EQ(stale.status, 412);
    const auto detail = stale.json().at("detail").get<std::string>();
    EXPECT_NE(detail.find("changed by someone else"), std::string::npos) << detail;
    EXPECT_NE(detail.find("version " + std::to_string(seen.get<int>() + 1)), std::string::npos)
        << detail;
    EXPECT_EQ(get(id, token).at("buyerTags"), json({"first"}));  // nothing overwritten
}

TEST_F(CustomerCommandsApi, EditRefusals) {
    const auto seller = sign_in(kSeller);
    const auto id = customer_in_status(seller, "New");
    EXPECT_EQ(patch(id, {{"buyerTags", {"x"}}}, sign_in(kSellerTwo)).status, 404);
    EXPECT_EQ(patch(id, {{"status", "Active"}}, seller).status, 400);
    EXPECT_EQ(patch(id, {{"ownershipType", "ServiceProvider"}}, seller).status, 400);
    // A Customer Owner may edit its own organization, but nobody else's.
    const auto owner = sign_in(kOwner);
    const auto own = patch(std::string(platform::kDemoOwnerCustomerId),
                           {{"primaryContact", {{"phone", "+46 8 555 0199"}}}}, owner);
    EXPECT_EQ(own.status, 200) << own.body;
    EXPECT_EQ(patch(id, {{"buyerTags", {"x"}}}, owner).status, 404);
}

TEST_F(CustomerCommandsApi, ACustomerCannotChooseWhatItBuysNorWhatTaxItPays) {
    // Issue 21: an Owner set its own segment and billing country, then saw Education products
    // and was charged 0 % tax.
    const auto owner = sign_in(kOwner);
    const std::string id(platform::kDemoOwnerCustomerId);
    const auto before = get(id, owner);
    const auto products = client().get("/api/v1/products?customerId=" + id, owner).body;
    const auto attack =
        patch(id, {{"segment", "Education"}, {"billing", {{"country", "US"}}}}, owner);
    EXPECT_EQ(attack.status, 403) << attack.body;
    EXPECT_TRUE(names_field(attack.json(), "segment")) << attack.body;
    EXPECT_TRUE(names_field(attack.json(), "billing.country")) << attack.body;
    EXPECT_EQ(get(id, owner), before);
    EXPECT_EQ(client().get("/api/v1/products?customerId=" + id, owner).body, products);
}

TEST_F(CustomerCommandsApi, ABillingCountryWithoutATaxRateIsRefused) {
    const auto seller = sign_in(kSeller);
    const auto id = customer_in_status(seller, "Active");
    const auto before = get(id, seller);
    const auto unknown = patch(id, {{"billing", {{"country", "XK"}}}}, seller);
    EXPECT_EQ(unknown.status, 400) << unknown.body;
    EXPECT_TRUE(names_field(unknown.json(), "billing.country")) << unknown.body;
    EXPECT_EQ(get(id, seller), before);
    // A country Orgdesk bills, outside the EU, has its rate stated: an export, no VAT.
    EXPECT_EQ(patch(id, {{"billing", {{"country", "US"}}}}, seller).status, 200);
}

// ---------------------------------------------------------------- reject, suspend

TEST_F(CustomerCommandsApi, RejectNeedsAReasonAndStoresIt) {
    const auto token = sign_in(kManager);
    const auto id = customer_in_status(token, "New");
    const auto without = client().put(customer_path(id) + "/reject", token);
    ASSERT_EQ(without.status, 400) << without.body;
    EXPECT_EQ(fields_of(without.json()), std::vector<std::string>{"reason"});
    EXPECT_EQ(put(id, "reject", {{"reason", "  "}}, token).status, 400);

    const auto rejected = put(id, "reject", {{"reason", "Duplicate of CR-10001"}}, token);
    ASSERT_EQ(rejected.status, 200) << rejected.body;
    EXPECT_EQ(rejected.json().at("status"), "Rejected");
    EXPECT_EQ(rejected.json().at("rejectionReason"), "Duplicate of CR-10001");
    EXPECT_EQ(get(id, token).at("rejectionReason"), "Duplicate of CR-10001");
    const auto audit = items(customer_path(id) + "/audit", token);
    EXPECT_EQ(audit.back().at("action"), "reject");
    EXPECT_EQ(audit.back().at("after").at("reason"), "Duplicate of CR-10001");
    EXPECT_EQ(audit.back().at("actor").at("name"), "Max Manager");
}

TEST_F(CustomerCommandsApi, RejectRefusals) {
    const auto token = sign_in(kSeller);
    const json reason = {{"reason", "No"}};
    EXPECT_EQ(put(customer_in_status(token, "Active"), "reject", reason, token).status, 409);
    const auto id = customer_in_status(token, "New");
    EXPECT_EQ(put(id, "reject", reason, sign_in(kSellerTwo)).status, 404);
    EXPECT_EQ(put(id, "reject", reason, token, {{"If-Match", "\"99\""}}).status, 412);
    EXPECT_EQ(
        put(std::string(platform::kDemoOwnerCustomerId), "reject", reason, sign_in(kOwner)).status,
        403);
}

TEST_F(CustomerCommandsApi, SuspendAsksWhatBecomesOfTheSubscriptions) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "Active");
    const auto before = get(id, token);
    ASSERT_GT(before.at("subscriptionCount").get<int>(), 0);

    const auto without = client().put(customer_path(id) + "/suspend", token);
    ASSERT_EQ(without.status, 400) << without.body;
    EXPECT_EQ(fields_of(without.json()), std::vector<std::string>{"subscriptions"});
    EXPECT_EQ(put(id, "suspend", {{"subscriptions", "maybe"}}, token).status, 400);

    const auto cancelled = put(id, "suspend", {{"subscriptions", "cancel"}}, token);
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json().at("status"), "Blocked");
    EXPECT_EQ(cancelled.json().at("subscriptionCount"), 0);
    const auto audit = items(customer_path(id) + "/audit", token);
    EXPECT_EQ(audit.back().at("action"), "suspend");
    EXPECT_EQ(audit.back().at("after").at("subscriptions"), "cancel");
    EXPECT_EQ(audit.back().at("after").at("cancelledSubscriptions"),
              before.at("subscriptionCount"));

    // Keeping them keeps the count.
    const auto other = find_customer(token, "Active", "Customer");
    const auto kept = put(other.at("id"), "suspend", {{"subscriptions", "keep"}}, token);
    ASSERT_EQ(kept.status, 200) << kept.body;
    EXPECT_EQ(kept.json().at("subscriptionCount"), other.at("subscriptionCount"));
    // Resume is unchanged.
    EXPECT_EQ(client().put(customer_path(other.at("id")) + "/resume", token).json().at("status"),
              "Active");
}

TEST_F(CustomerCommandsApi, SuspendRefusals) {
    const auto token = sign_in(kSeller);
    const json keep = {{"subscriptions", "keep"}};
    EXPECT_EQ(put(customer_in_status(token, "New"), "suspend", keep, token).status, 409);
    const auto id = customer_in_status(token, "Active");
    EXPECT_EQ(put(id, "suspend", keep, sign_in(kManager)).status, 403);
    EXPECT_EQ(put(id, "suspend", keep, sign_in(kSellerTwo)).status, 404);
    EXPECT_EQ(put(id, "suspend", keep, token, {{"If-Match", "\"99\""}}).status, 412);
}

// ---------------------------------------------------------------- delete

TEST_F(CustomerCommandsApi, DeleteIsRefusedWhileSubscriptionsAreActive) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "Active");
    const auto refused = remove(customer_path(id), token);
    ASSERT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(refused.json().at("detail"), kCancelFirst);
    EXPECT_EQ(get(id, token).at("status"), "Active");

    // Asking for the cancellation in the same request does both at once.
    const auto deleted = remove(customer_path(id) + "?cancelSubscriptions=true", token);
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(deleted.json().at("status"), "Deleted");
    EXPECT_EQ(deleted.json().at("subscriptionCount"), 0);
    // Final: gone from the API, kept in the audit trail.
    EXPECT_EQ(client().get(customer_path(id), token).status, 404);
    EXPECT_EQ(remove(customer_path(id) + "?cancelSubscriptions=true", token).status, 404);
    EXPECT_EQ(client().get(customer_path(id) + "/audit", token).status, 404);
    const auto trail = store().audit_trail(id);
    ASSERT_FALSE(trail.empty());
    EXPECT_EQ(trail.back().action, "delete");
}

TEST_F(CustomerCommandsApi, DeleteCancellingSubscriptionsByBody) {
    const auto token = sign_in(kDistributor);
    const auto id = customer_in_status(token, "Blocked");
    ASSERT_GT(get(id, token).at("subscriptionCount").get<int>(), 0);
    const auto deleted =
        client().send_json("DELETE", customer_path(id), {{"cancelSubscriptions", true}}, token);
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(deleted.json().at("status"), "Deleted");
    EXPECT_EQ(store().audit_trail(id).back().action, "delete");
}

TEST_F(CustomerCommandsApi, DeleteRefusals) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "Active");
    EXPECT_EQ(remove(customer_path(id) + "?cancelSubscriptions=true", sign_in(kManager)).status,
              403);
    EXPECT_EQ(remove(customer_path(id) + "?cancelSubscriptions=true", sign_in(kSellerTwo)).status,
              404);
    EXPECT_EQ(remove(customer_path(id) + "?cancelSubscriptions=perhaps", token).status, 400);
    const auto stale =
        client().send({"DELETE",
                       customer_path(id) + "?cancelSubscriptions=true",
                       {},
                       {{"Authorization", "Bearer " + token}, {"If-Match", "\"99\""}}});
    EXPECT_EQ(stale.status, 412);
}

// ---------------------------------------------------------------- ownership, members

TEST_F(CustomerCommandsApi, CustomerToServiceProviderDemotesTheOwner) {
    const auto token = sign_in(kSeller);
    const auto c = find_customer(token, "Active", "Customer");
    const std::string id = c.at("id");
    const auto members = items(customer_path(id) + "/members", token);
    ASSERT_EQ(members.at(0).at("role"), "Owner");

    const auto missing = put(id, "ownership", {{"ownershipType", "ServiceProvider"}}, token);
    ASSERT_EQ(missing.status, 400) << missing.body;
    EXPECT_EQ(fields_of(missing.json()), std::vector<std::string>{"demoteTo"});

    const auto response =
        put(id, "ownership", {{"ownershipType", "ServiceProvider"}, {"demoteTo", "Admin"}}, token,
            {{"If-Match", quoted(c.at("version"))}});
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("ownershipType"), "ServiceProvider");
    EXPECT_TRUE(response.json().at("owner").is_null());
    EXPECT_EQ(response.header("ETag"), quoted(response.json().at("version")));
    const auto after = items(customer_path(id) + "/members", token);
    ASSERT_EQ(after.size(), members.size());
    EXPECT_EQ(after.at(0).at("id"), members.at(0).at("id"));
    EXPECT_EQ(after.at(0).at("role"), "Admin");

    const auto audit = items(customer_path(id) + "/audit", token);
    EXPECT_EQ(audit.back().at("action"), "ownership");
    EXPECT_EQ(audit.back().at("before").at("ownershipType"), "Customer");
    EXPECT_EQ(audit.back().at("after").at("ownershipType"), "ServiceProvider");

    // Same type again: a conflict; the old version: stale.
    EXPECT_EQ(
        put(id, "ownership", {{"ownershipType", "ServiceProvider"}, {"demoteTo", "Member"}}, token)
            .status,
        409);
    EXPECT_EQ(
        put(id, "ownership", {{"ownershipType", "Customer"}, {"newOwner", {{"memberId", "x"}}}},
            token, {{"If-Match", quoted(c.at("version"))}})
            .status,
        412);
}

TEST_F(CustomerCommandsApi, ServiceProviderToCustomerWithAnExistingMember) {
    const auto token = sign_in(kSeller);
    const auto sp = find_customer(token, "Active", "ServiceProvider");
    const std::string id = sp.at("id");
    const auto members = items(customer_path(id) + "/members", token);
    ASSERT_FALSE(members.empty());
    const json toCustomer = {{"ownershipType", "Customer"},
                             {"newOwner", {{"memberId", members.at(0).at("id")}}}};

    // A Customer-owned organization needs billing information (seed 003).
    const auto refused = put(id, "ownership", toCustomer, token);
    ASSERT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(refused.json().at("detail"), kInvalid);
    EXPECT_TRUE(names_field(refused.json(), "billing.address"));

    ASSERT_EQ(
        patch(id,
              {{"billing",
                {{"company", "Contoso"}, {"address", "1 Main St, Boston"}, {"country", "US"}}}},
              token)
            .status,
        200);
    const auto unknown =
        put(id, "ownership", {{"ownershipType", "Customer"}, {"newOwner", {{"memberId", "nope"}}}},
            token);
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(fields_of(unknown.json()), std::vector<std::string>{"newOwner.memberId"});

    const auto response = put(id, "ownership", toCustomer, token);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto org = response.json();
    EXPECT_EQ(org.at("ownershipType"), "Customer");
    EXPECT_EQ(org.at("owner").at("email"), members.at(0).at("email"));
    EXPECT_EQ(org.at("billing").at("email"), members.at(0).at("email"));
    EXPECT_EQ(org.at("userCount"), static_cast<int>(members.size()));
    const auto after = items(customer_path(id) + "/members", token);
    EXPECT_EQ(after.at(0).at("role"), "Owner");
}

TEST_F(CustomerCommandsApi, ServiceProviderToCustomerWithANewPerson) {
    const auto token = sign_in(kDistributor);
    const auto sp = find_customer(token, "Active", "ServiceProvider");
    const std::string id = sp.at("id");
    ASSERT_EQ(
        patch(id, {{"billing", {{"company", "X"}, {"address", "Y 1"}, {"country", "FI"}}}}, token)
            .status,
        200);
    const auto before = items(customer_path(id) + "/members", token);
    const auto response =
        put(id, "ownership",
            {{"ownershipType", "Customer"},
             {"newOwner", {{"name", "Noora Uusi"}, {"email", "noora@uusi.example"}}}},
            token);
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("owner").at("name"), "Noora Uusi");
    EXPECT_EQ(response.json().at("userCount"), static_cast<int>(before.size() + 1));
    const auto after = items(customer_path(id) + "/members", token);
    ASSERT_EQ(after.size(), before.size() + 1);
    EXPECT_EQ(after.back().at("name"), "Noora Uusi");
    EXPECT_EQ(after.back().at("role"), "Owner");
    EXPECT_EQ(after.back().at("id"), "0e000000-0000-4000-8000-000000000001");
}

TEST_F(CustomerCommandsApi, OwnershipRefusals) {
    const auto token = sign_in(kSeller);
    const auto c = find_customer(token, "Active", "Customer");
    const json body = {{"ownershipType", "ServiceProvider"}, {"demoteTo", "Admin"}};
    EXPECT_EQ(put(c.at("id"), "ownership", body, sign_in(kSellerTwo)).status, 404);
    EXPECT_EQ(put(c.at("id"), "ownership", {{"ownershipType", "Nobody"}}, token).status, 400);
    // The organization's own Owner may switch it (seed 003: "The owner or admins").
    const auto own =
        put(std::string(platform::kDemoOwnerCustomerId), "ownership", body, sign_in(kOwner));
    EXPECT_EQ(own.status, 200) << own.body;
}

TEST_F(CustomerCommandsApi, MembersAreScopedLikeTheCustomer) {
    const auto token = sign_in(kSeller);
    const auto id = std::string(platform::kDemoOwnerCustomerId);
    const auto members = items(customer_path(id) + "/members", token);
    ASSERT_FALSE(members.empty());
    for (const auto& m : members) {
        for (const char* field : {"id", "name", "email", "role"})
            EXPECT_TRUE(m.contains(field)) << m.dump();
    }
    EXPECT_EQ(get(id, token).at("userCount"), static_cast<int>(members.size()));
    EXPECT_EQ(client().get(customer_path(id) + "/members", sign_in(kSellerTwo)).status, 404);
    EXPECT_EQ(client().get(customer_path(id) + "/audit", sign_in(kSellerTwo)).status, 404);
    EXPECT_EQ(client().get(customer_path(id) + "/members", sign_in(kOwner)).status, 200);
}

// ---------------------------------------------------------------- audit

TEST_F(CustomerCommandsApi, AuditListsEveryChangeInOrderWithActorNames) {
    const auto seller = sign_in(kSeller);
    const auto manager = sign_in(kManager);
    const auto distributor = sign_in(kDistributor);
    const auto created = create(customer_owned(), seller).json();
    const std::string id = created.at("id");
    advance_clock(std::chrono::seconds(1));
    ASSERT_EQ(patch(id, {{"buyerTags", {"vip"}}}, manager).status, 200);
    advance_clock(std::chrono::seconds(1));
    ASSERT_EQ(client().put(customer_path(id) + "/approve", manager).status, 200);
    advance_clock(std::chrono::seconds(1));
    ASSERT_EQ(
        put(id, "ownership", {{"ownershipType", "ServiceProvider"}, {"demoteTo", "Member"}}, seller)
            .status,
        200);
    advance_clock(std::chrono::seconds(1));
    ASSERT_EQ(put(id, "suspend", {{"subscriptions", "keep"}}, distributor).status, 200);
    advance_clock(std::chrono::seconds(1));
    ASSERT_EQ(client().put(customer_path(id) + "/resume", seller).status, 200);

    const auto audit = items(customer_path(id) + "/audit", seller);
    std::vector<std::string> actions, actors;
    for (const auto& e : audit) {
        actions.push_back(e.at("action"));
        actors.push_back(e.at("actor").at("name"));
        EXPECT_TRUE(e.at("after").is_object()) << e.dump();
        EXPECT_FALSE(e.at("at").get<std::string>().empty());
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "edit", "approve", "ownership",
                                                 "suspend", "resume"}));
    EXPECT_EQ(actors, (std::vector<std::string>{"Sam Seller", "Max Manager", "Max Manager",
                                                "Sam Seller", "Dana Distributor", "Sam Seller"}));
    EXPECT_LT(audit.front().at("at").get<std::string>(), audit.back().at("at").get<std::string>());
    EXPECT_EQ(audit[1].at("before").at("buyerTags"), json({"pilot"}));
    EXPECT_EQ(audit[1].at("after").at("buyerTags"), json({"vip"}));
    EXPECT_EQ(audit[2].at("before").at("status"), "New");
    EXPECT_EQ(audit[2].at("after").at("status"), "Active");

    // The demo's own history starts with the system.
    const auto demo =
        items(customer_path(std::string(platform::kDemoOwnerCustomerId)) + "/audit", seller);
    ASSERT_FALSE(demo.empty());
    EXPECT_EQ(demo[0].at("actor").at("id"), "system");
    EXPECT_EQ(demo[0].at("actor").at("name"), "System");
}

// ---------------------------------------------------------------- the route table

TEST_F(CustomerCommandsApi, EveryChangingCustomerRouteNamesItsAction) {
    std::map<std::string, std::string> actions;
    for (const auto& route : server().router().routes()) {
        if (route.pattern.rfind("/api/v1/customers", 0) != 0)
            continue;
        const auto key = std::string(http::to_string(route.method)) + " " + route.pattern;
        actions[key] = route.action ? std::string(core::to_string(*route.action)) : "";
    }
    EXPECT_EQ(actions["PATCH /api/v1/customers/{customerId}"], "edit");
    EXPECT_EQ(actions["PUT /api/v1/customers/{customerId}/approve"], "approve");
    EXPECT_EQ(actions["PUT /api/v1/customers/{customerId}/reject"], "reject");
    EXPECT_EQ(actions["PUT /api/v1/customers/{customerId}/suspend"], "suspend");
    EXPECT_EQ(actions["PUT /api/v1/customers/{customerId}/resume"], "resume");
    EXPECT_EQ(actions["DELETE /api/v1/customers/{customerId}"], "delete");
    EXPECT_EQ(actions["PUT /api/v1/customers/{customerId}/ownership"], "edit");
    EXPECT_EQ(actions.count("POST /api/v1/customers"), 1u);
    EXPECT_EQ(actions.count("GET /api/v1/customers/{customerId}/members"), 1u);
    EXPECT_EQ(actions.count("GET /api/v1/customers/{customerId}/audit"), 1u);
}

}  // namespace
}  // namespace orgdesk::server::testing
