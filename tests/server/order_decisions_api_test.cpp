// Approving and rejecting orders over real HTTP: who may, what the order says afterwards, the
// conflicts that name who decided first, If-Match, the links that come and go with the decision,
// bulk decisions with partial failure. (Many approvals at once: race_api_test.cpp.)
#include <gtest/gtest.h>

#include "core/time_format.hpp"
#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kReason = "Payment for the last invoice is overdue.";

class OrderDecisionsApi : public OrderApiTest {
  protected:
    std::string absolute(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(client().port()) + path;
    }
};

TEST_F(OrderDecisionsApi, SellerApprovesAPendingOrder) {
    const auto id = place_northwind_order();
    const auto response = approve(id, sign_in(kSeller));
    ASSERT_EQ(response.status, 200) << response.body;
    const auto order = response.json();
    EXPECT_EQ(order.at("status"), "Approved");
    EXPECT_EQ(order.at("decidedBy"), json({{"id", kSamSellerId}, {"name", "Sam Seller"}}));
    EXPECT_EQ(order.at("decidedAt"), core::format_iso8601(now_ms()));
    EXPECT_EQ(order.at("rejectionReason"), "");
    EXPECT_EQ(order.at("version"), 2);
    EXPECT_EQ(response.header("ETag"), "\"2\"");
    EXPECT_EQ(order.at("actions"), json::array());
    // The customer sees the decision too.
    const auto seen = get_order(id, sign_in(kOwner));
    EXPECT_EQ(seen.at("status"), "Approved");
    EXPECT_EQ(seen.at("decidedBy").at("name"), "Sam Seller");
    EXPECT_EQ(audit_actions(id), (std::vector<std::string>{"place", "approve"}));
}

TEST_F(OrderDecisionsApi, ADecidedOrderCannotBeDecidedAgainAndSaysWhoDecided) {
    const auto id = place_northwind_order();
    const auto seller = sign_in(kSeller);
    ASSERT_EQ(approve(id, seller).status, 200);

    const auto again = approve(id, sign_in(kManager));
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(again.json().at("code"), "already-decided");
    EXPECT_EQ(again.json().at("detail"), "This order was already approved by Sam Seller.");
    const auto rejecting = reject(id, seller, kReason);
    EXPECT_EQ(rejecting.status, 409) << rejecting.body;
    EXPECT_EQ(rejecting.json().at("detail"), "This order was already approved by Sam Seller.");

    const auto other = place_northwind_order();
    ASSERT_EQ(reject(other, sign_in(kManager), kReason).status, 200);
    const auto approving = approve(other, seller);
    EXPECT_EQ(approving.status, 409);
    EXPECT_EQ(approving.json().at("detail"), "This order was already rejected by Max Manager.");
    EXPECT_EQ(audit_actions(id), (std::vector<std::string>{"place", "approve"}));
    EXPECT_EQ(audit_actions(other), (std::vector<std::string>{"place", "reject"}));
}

TEST_F(OrderDecisionsApi, RejectingNeedsAReason) {
    const auto id = place_northwind_order();
    const auto token = sign_in(kSeller);
    const auto empty = client().send({"POST", order_path(id) + "/reject", {}, bearer(token)});
    EXPECT_EQ(empty.status, 400) << empty.body;
    EXPECT_EQ(fields_of(empty.json()), std::vector<std::string>{"reason"});
    for (const json& body : {json::object(), json{{"reason", "   "}}, json{{"reason", nullptr}}}) {
        const auto response = client().send_json("POST", order_path(id) + "/reject", body, token);
        EXPECT_EQ(response.status, 400) << body.dump() << " → " << response.body;
        EXPECT_EQ(fields_of(response.json()), std::vector<std::string>{"reason"}) << body.dump();
    }
    const auto tooLong = reject(id, token, std::string(1001, 'x'));
    EXPECT_EQ(tooLong.status, 400) << tooLong.body;
    EXPECT_EQ(fields_of(tooLong.json()), std::vector<std::string>{"reason"});
    EXPECT_EQ(get_order(id, token).at("status"), "PendingApproval");
    EXPECT_EQ(audit_actions(id), std::vector<std::string>{"place"});
    EXPECT_EQ(reject(id, token, std::string(1000, 'x')).status, 200);
}

TEST_F(OrderDecisionsApi, ARejectedOrderShowsTheReasonToTheCustomer) {
    const auto id = place_northwind_order();
    const auto response = reject(id, sign_in(kSeller), kReason);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto order = response.json();
    EXPECT_EQ(order.at("status"), "Rejected");
    EXPECT_EQ(order.at("statusText"), "Rejected by reseller");
    EXPECT_EQ(order.at("rejectionReason"), kReason);
    EXPECT_EQ(order.at("decidedBy").at("name"), "Sam Seller");

    const auto seen = get_order(id, sign_in(kOwner));
    EXPECT_EQ(seen.at("status"), "Rejected");
    EXPECT_EQ(seen.at("statusText"), "Rejected by reseller");
    EXPECT_EQ(seen.at("rejectionReason"), kReason);
    const auto trail = store().audit_trail(id);
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[1].action, "reject");
    EXPECT_EQ(json::parse(trail[1].after).at("reason"), kReason);
}

TEST_F(OrderDecisionsApi, CustomersNeverDecide) {
    const auto id = place_northwind_order();
    const auto owner = sign_in(kOwner);
    const auto approving = approve(id, owner);
    EXPECT_EQ(approving.status, 403) << approving.body;
    EXPECT_EQ(approving.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(reject(id, owner, kReason).status, 403);
    EXPECT_EQ(approve(id, sign_in_member()).status, 403);
    EXPECT_EQ(get_order(id, owner).at("status"), "PendingApproval");
}

TEST_F(OrderDecisionsApi, AnotherTenantsOrderIs404AndStaysPending) {
    const auto id = place_northwind_order();
    const auto sellerTwo = sign_in(kSellerTwo);
    const auto approving = approve(id, sellerTwo);
    EXPECT_EQ(approving.status, 404);
    const auto missing = approve("00000000-0000-4000-8000-000000000000", sellerTwo);
    EXPECT_EQ(approving.body_without_request_id(), missing.body_without_request_id());
    EXPECT_EQ(reject(id, sellerTwo, kReason).status, 404);
    EXPECT_EQ(get_order(id, sign_in(kSeller)).at("status"), "PendingApproval");
}

TEST_F(OrderDecisionsApi, StaleIfMatchIs412AndTheCurrentVersionIsAccepted) {
    const auto id = place_northwind_order();
    const auto token = sign_in(kSeller);
    const auto stale = approve(id, token, {{"If-Match", "\"7\""}});
    EXPECT_EQ(stale.status, 412) << stale.body;
    EXPECT_EQ(stale.json().at("code"), "stale-version");
    const auto staleReject = reject(id, token, kReason, {{"If-Match", "\"0\""}});
    EXPECT_EQ(staleReject.status, 412) << staleReject.body;
    EXPECT_EQ(get_order(id, token).at("status"), "PendingApproval");
    const auto current = approve(id, token, {{"If-Match", "\"1\""}});
    EXPECT_EQ(current.status, 200) << current.body;
    const auto malformed = approve(place_northwind_order(), token, {{"If-Match", "\"one\""}});
    EXPECT_EQ(malformed.status, 400);
}

TEST_F(OrderDecisionsApi, DecisionLinksComeWithThePendingOrderAndGoWithTheDecision) {
    const auto id = place_northwind_order();
    const auto self = absolute(order_path(id));
    for (const char* user : {kDistributor, kSeller, kManager}) {
        const auto links = get_order(id, sign_in(user)).at("links");
        EXPECT_EQ(
            links,
            json({{"self", self}, {"approve", self + "/approve"}, {"reject", self + "/reject"}}))
            << user;
    }
    EXPECT_EQ(get_order(id, sign_in(kOwner)).at("links"), json({{"self", self}}));

    // The approve link works as given: its path, POSTed.
    const auto seller = sign_in(kSeller);
    const std::string approveLink = get_order(id, seller).at("links").at("approve");
    const auto approved = approve(id, seller);
    ASSERT_EQ(approved.status, 200);
    EXPECT_EQ(approveLink, absolute(order_path(id) + "/approve"));
    EXPECT_EQ(approved.json().at("links"), json({{"self", self}}));
    EXPECT_EQ(get_order(id, seller).at("links"), json({{"self", self}}));

    const auto rejected = place_northwind_order();
    ASSERT_EQ(reject(rejected, seller, kReason).status, 200);
    EXPECT_EQ(get_order(rejected, sign_in(kManager)).at("links"),
              json({{"self", absolute(order_path(rejected))}}));

    // In lists too.
    for (const auto& item : list_all_orders(seller)) {
        const bool pending = item.at("status") == "PendingApproval";
        EXPECT_EQ(item.at("links").contains("approve"), pending) << item.at("id");
        EXPECT_EQ(item.at("links").contains("reject"), pending) << item.at("id");
        EXPECT_EQ(item.at("links").at("self"), absolute(order_path(item.at("id"))));
    }
}

TEST_F(OrderDecisionsApi, BulkApprovalReportsEachOrder) {
    const auto seller = sign_in(kSeller);
    const auto ids = pending_orders(seller, 3);
    ASSERT_EQ(ids.size(), 3u);
    ASSERT_EQ(reject(ids[1], sign_in(kManager), kReason).status, 200);

    const auto response = decide_many({{"action", "approve"}, {"orderIds", ids}}, seller);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto results = response.json().at("results");
    ASSERT_EQ(results.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(results[i].at("orderId"), ids[i]);
    EXPECT_EQ(results[0].at("ok"), true);
    EXPECT_EQ(results[0].at("order").at("status"), "Approved");
    EXPECT_EQ(results[0].at("order").at("links"), json({{"self", absolute(order_path(ids[0]))}}));
    EXPECT_EQ(results[1].at("ok"), false);
    EXPECT_FALSE(results[1].contains("order"));
    EXPECT_EQ(results[1].at("error").at("status"), 409);
    EXPECT_EQ(results[1].at("error").at("detail"),
              "This order was already rejected by Max Manager.");
    EXPECT_EQ(results[2].at("ok"), true);

    EXPECT_EQ(get_order(ids[0], seller).at("status"), "Approved");
    EXPECT_EQ(get_order(ids[1], seller).at("status"), "Rejected");
    EXPECT_EQ(get_order(ids[2], seller).at("status"), "Approved");
    EXPECT_EQ(get_order(ids[2], seller).at("decidedBy").at("name"), "Sam Seller");
}

TEST_F(OrderDecisionsApi, BulkRejectionGivesEveryOrderTheReason) {
    const auto seller = sign_in(kSeller);
    const auto ids = pending_orders(seller, 2);
    const auto response =
        decide_many({{"action", "reject"}, {"orderIds", ids}, {"reason", kReason}}, seller);
    ASSERT_EQ(response.status, 200) << response.body;
    for (const auto& id : ids) {
        const auto order = get_order(id, seller);
        EXPECT_EQ(order.at("status"), "Rejected");
        EXPECT_EQ(order.at("rejectionReason"), kReason);
    }
}

TEST_F(OrderDecisionsApi, BulkRefusalsDecideNothing) {
    const auto seller = sign_in(kSeller);
    const auto ids = pending_orders(seller, 2);
    const auto pendingBefore = list_all_orders(seller, "status=PendingApproval").size();

    const auto noReason = decide_many({{"action", "reject"}, {"orderIds", ids}}, seller);
    EXPECT_EQ(noReason.status, 400) << noReason.body;
    EXPECT_EQ(fields_of(noReason.json()), std::vector<std::string>{"reason"});

    std::vector<std::string> tooMany(201, ids[0]);
    const auto many = decide_many({{"action", "approve"}, {"orderIds", tooMany}}, seller);
    EXPECT_EQ(many.status, 400) << many.body;
    EXPECT_EQ(fields_of(many.json()), std::vector<std::string>{"orderIds"});

    const auto none = decide_many({{"action", "approve"}, {"orderIds", json::array()}}, seller);
    EXPECT_EQ(none.status, 400);
    EXPECT_EQ(fields_of(none.json()), std::vector<std::string>{"orderIds"});

    const auto unknownAction = decide_many({{"action", "cancel"}, {"orderIds", ids}}, seller);
    EXPECT_EQ(unknownAction.status, 400);
    EXPECT_EQ(fields_of(unknownAction.json()), std::vector<std::string>{"action"});

    EXPECT_EQ(list_all_orders(seller, "status=PendingApproval").size(), pendingBefore);
}

TEST_F(OrderDecisionsApi, BulkResultForAnotherTenantsOrderIs404) {
    const auto seller = sign_in(kSeller);
    const auto own = pending_orders(seller, 1);
    const auto foreign = pending_orders(sign_in(kSellerTwo), 1);
    ASSERT_EQ(own.size(), 1u);
    ASSERT_EQ(foreign.size(), 1u);
    const auto response =
        decide_many({{"action", "approve"},
                     {"orderIds", {foreign[0], own[0], "00000000-0000-4000-8000-000000000000"}}},
                    seller);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto results = response.json().at("results");
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].at("ok"), false);
    EXPECT_EQ(results[0].at("error").at("status"), 404);
    EXPECT_EQ(results[0].at("error").at("code"), "not-found");
    // Exactly what a missing order gets.
    EXPECT_EQ(results[0].at("error"), results[2].at("error"));
    EXPECT_EQ(results[1].at("ok"), true);
    EXPECT_EQ(get_order(foreign[0], sign_in(kSellerTwo)).at("status"), "PendingApproval");
}

TEST_F(OrderDecisionsApi, BulkDecisionsByACustomerAreRefusedOneByOne) {
    const auto id = place_northwind_order();
    const auto response = decide_many({{"action", "approve"}, {"orderIds", {id}}}, sign_in(kOwner));
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("results")[0].at("error").at("status"), 403);
    EXPECT_EQ(get_order(id, sign_in(kOwner)).at("status"), "PendingApproval");
}

}  // namespace
}  // namespace orgdesk::server::testing
