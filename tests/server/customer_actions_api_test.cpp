// Approve and the other status changes: roles, tenants, conflicts, If-Match, and two admins
// approving at once.
#include <gtest/gtest.h>

#include <future>

#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

constexpr const char* kCannotActivate =
    "Cannot activate the customer organization in its current status.";

std::string customer_path(const std::string& id) {
    return "/api/v1/customers/" + id;
}
std::string approve_path(const std::string& id) {
    return customer_path(id) + "/approve";
}

class CustomerActionsApi : public ServerFixture {};

TEST_F(CustomerActionsApi, ApprovingANewCustomerMakesItActive) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "New");
    const auto before = client().get(customer_path(id), token).json();

    const auto response = client().put(approve_path(id), token);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto after = response.json();
    EXPECT_EQ(after.at("status"), "Active");
    EXPECT_EQ(after.at("version").get<int>(), before.at("version").get<int>() + 1);
    EXPECT_EQ(response.header("ETag"),
              "\"" + std::to_string(after.at("version").get<int>()) + "\"");
    EXPECT_EQ(client().get(customer_path(id), token).json().at("status"), "Active");
    EXPECT_EQ(store().audit_trail(id).back().action, "approve");
}

TEST_F(CustomerActionsApi, ApprovingTwiceIs409WithTheSeedMessage) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "New");
    ASSERT_EQ(client().put(approve_path(id), token).status, 200);
    const auto again = client().put(approve_path(id), token);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json().at("detail"), kCannotActivate);
}

TEST_F(CustomerActionsApi, ApprovingABlockedOrRejectedCustomerIs409WithTheSeedMessage) {
    const auto token = sign_in(kSeller);
    for (const char* status : {"Blocked", "Rejected", "Active"}) {
        const auto response = client().put(approve_path(customer_in_status(token, status)), token);
        EXPECT_EQ(response.status, 409) << status;
        EXPECT_EQ(response.json().at("detail"), kCannotActivate) << status;
    }
}

TEST_F(CustomerActionsApi, AccountManagerMayApprove) {
    const auto token = sign_in(kManager);
    const auto response = client().put(approve_path(customer_in_status(token, "New")), token);
    EXPECT_EQ(response.status, 200) << response.body;
}

TEST_F(CustomerActionsApi, CustomerOwnerMayNotApprove) {
    const auto response =
        client().put(approve_path(std::string(platform::kDemoOwnerCustomerId)), sign_in(kOwner));
    EXPECT_EQ(response.status, 403);
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
}

TEST_F(CustomerActionsApi, AnotherSellersCustomerIs404AndStaysUnchanged) {
    const auto sellerOne = sign_in(kSeller);
    const auto id = customer_in_status(sellerOne, "New");
    const auto response = client().put(approve_path(id), sign_in(kSellerTwo));
    EXPECT_EQ(response.status, 404);
    // Exactly the answer for an id that does not exist: nothing to probe.
    const auto missing =
        client().put(approve_path("00000000-0000-4000-8000-000000000000"), sign_in(kSellerTwo));
    EXPECT_EQ(response.body_without_request_id(), missing.body_without_request_id());
    EXPECT_EQ(client().get(customer_path(id), sellerOne).json().at("status"), "New");
}

TEST_F(CustomerActionsApi, StaleIfMatchIs412) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "Active");
    const auto seen = client().get(customer_path(id), token).json().at("version").get<int>();
    // Someone else suspends it meanwhile...
    ASSERT_EQ(client()
                  .send_json("PUT", customer_path(id) + "/suspend", {{"subscriptions", "keep"}},
                             sign_in(kDistributor))
                  .status,
              200);
    // ...so resuming on the strength of the old version is refused,
    const auto stale = client().put(customer_path(id) + "/resume", token,
                                    {{"If-Match", "\"" + std::to_string(seen) + "\""}});
    EXPECT_EQ(stale.status, 412);
    EXPECT_EQ(stale.json().at("status"), 412);
    // while the current version (quoted or not) is accepted.
    const auto current = client().put(customer_path(id) + "/resume", token,
                                      {{"If-Match", std::to_string(seen + 1)}});
    EXPECT_EQ(current.status, 200) << current.body;
}

TEST_F(CustomerActionsApi, IfMatchThatIsNotAVersionIs400) {
    const auto token = sign_in(kSeller);
    const auto response = client().put(approve_path(customer_in_status(token, "New")), token,
                                       {{"If-Match", "\"abc\""}});
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.json().at("errors").at(0).at("field"), "If-Match");
}

// Approve takes no fields: an empty JSON object is fine, malformed JSON or any field is a 400
// (so a client that thinks it sets something, a status say, learns that it does not).
TEST_F(CustomerActionsApi, EmptyJsonBodyIsAcceptedButMalformedJsonOrAnyFieldIs400) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "New");
    const auto send = [&](const std::string& body) {
        return client().send(
            {"PUT",
             approve_path(id),
             body,
             {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}});
    };
    EXPECT_EQ(send("{\"note\": ").status, 400);
    const auto note = send("{\"note\": \"looks fine\"}");
    EXPECT_EQ(note.status, 400);
    EXPECT_EQ(note.json().at("errors").at(0).at("field"), "note");
    EXPECT_EQ(send("{\"status\": \"Active\"}").status, 400);
    EXPECT_EQ(client().get(customer_path(id), token).json().at("status"), "New");
    EXPECT_EQ(send("{}").status, 200);
}

TEST_F(CustomerActionsApi, SellerAdminCanRejectSuspendResumeAndDelete) {
    const auto token = sign_in(kSeller);
    const auto rejected =
        client().send_json("PUT", customer_path(customer_in_status(token, "New")) + "/reject",
                           {{"reason", "Unknown company"}}, token);
    EXPECT_EQ(rejected.status, 200) << rejected.body;
    EXPECT_EQ(rejected.json().at("status"), "Rejected");

    const auto id = customer_in_status(token, "Active");
    const auto suspended = client().send_json("PUT", customer_path(id) + "/suspend",
                                              {{"subscriptions", "keep"}}, token);
    EXPECT_EQ(suspended.status, 200) << suspended.body;
    EXPECT_EQ(suspended.json().at("status"), "Blocked");
    const auto resumed = client().put(customer_path(id) + "/resume", token);
    EXPECT_EQ(resumed.status, 200) << resumed.body;
    EXPECT_EQ(resumed.json().at("status"), "Active");

    const auto deleted = client().send({"DELETE",
                                        customer_path(rejected.json().at("id")),
                                        {},
                                        {{"Authorization", "Bearer " + token}}});
    EXPECT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(client().get(customer_path(rejected.json().at("id")), token).status, 404);
}

TEST_F(CustomerActionsApi, AccountManagerMayNotSuspend) {
    const auto token = sign_in(kManager);
    const auto response =
        client().send_json("PUT", customer_path(customer_in_status(token, "Active")) + "/suspend",
                           {{"subscriptions", "keep"}}, token);
    EXPECT_EQ(response.status, 403);
}

TEST_F(CustomerActionsApi, TwoApprovalsAtOnceGiveExactlyOneSuccess) {
    const auto first = sign_in(kSeller);
    const auto second = sign_in(kManager);
    const auto id = customer_in_status(first, "New");
    // Each attempt waits at the gate, so both requests are in flight together.
    std::promise<void> gate;
    const auto shared = gate.get_future().share();
    const auto approve = [&](const std::string& token) {
        shared.wait();
        return client().put(approve_path(id), token).status;
    };
    auto a = std::async(std::launch::async, approve, first);
    auto b = std::async(std::launch::async, approve, second);
    gate.set_value();
    std::multiset<int> statuses{a.get(), b.get()};
    EXPECT_EQ(statuses, (std::multiset<int>{200, 409}));
    EXPECT_EQ(store().audit_trail(id).back().action, "approve");
    EXPECT_EQ(store().audit_trail(id).size(), 2u);  // created, approved once
}

}  // namespace
}  // namespace orgdesk::server::testing
