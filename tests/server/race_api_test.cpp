// Races over real HTTP: 100 approvals of one organization and 100 of one order, all in flight at
// once, give exactly one success, a clear conflict for every other attempt, and one audit event.
#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <map>

#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr int kAttempts = 100;

class RaceApi : public OrderApiTest {
  protected:
    // Three staff users of seller one share the attempts, each its own connection (HttpClient
    // opens one per request and keeps no state, so threads may share it). Every attempt waits
    // at a gate, so all of them are in flight together.
    std::vector<HttpResponse> all_at_once(
        const std::function<HttpResponse(const std::string& token)>& attempt) {
        const std::vector<std::string> tokens{sign_in(kSeller), sign_in(kManager),
                                              sign_in(kDistributor)};
        std::promise<void> gate;
        const auto open = gate.get_future().share();
        std::vector<std::future<HttpResponse>> attempts;
        for (int i = 0; i < kAttempts; ++i) {
            attempts.push_back(std::async(std::launch::async, [&, i] {
                open.wait();
                return attempt(tokens[static_cast<std::size_t>(i) % tokens.size()]);
            }));
        }
        gate.set_value();
        std::vector<HttpResponse> responses;
        for (auto& a : attempts)
            responses.push_back(a.get());
        return responses;
    }

    static std::map<int, int> statuses_of(const std::vector<HttpResponse>& responses) {
        std::map<int, int> statuses;
        for (const auto& response : responses)
            ++statuses[response.status];
        return statuses;
    }
};

TEST_F(RaceApi, HundredApprovalsOfOneOrganizationGiveExactlyOneSuccess) {
    const auto id = customer_in_status(sign_in(kSeller), "New");
    const auto responses = all_at_once([&](const std::string& token) {
        return client().put("/api/v1/customers/" + id + "/approve", token);
    });
    EXPECT_EQ(statuses_of(responses), (std::map<int, int>{{200, 1}, {409, kAttempts - 1}}));
    for (const auto& response : responses) {
        if (response.status == 409) {
            EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
            EXPECT_EQ(response.json().at("detail"),
                      "Cannot activate the customer organization in its current status.");
        }
    }
    const auto customer = client().get("/api/v1/customers/" + id, sign_in(kSeller)).json();
    EXPECT_EQ(customer.at("status"), "Active");
    EXPECT_EQ(customer.at("version"), 2);
    EXPECT_EQ(audit_actions(id), (std::vector<std::string>{"create", "approve"}));
    const auto audit = client().get("/api/v1/customers/" + id + "/audit", sign_in(kSeller));
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_EQ(audit.json().at("items").size(), 2u);
    std::printf("organization race: %d approvals at once, 1 success, %d conflicts\n", kAttempts,
                statuses_of(responses)[409]);
}

TEST_F(RaceApi, HundredApprovalsOfOneOrderGiveExactlyOneSuccess) {
    const auto id = place_northwind_order();
    const auto responses =
        all_at_once([&](const std::string& token) { return approve(id, token); });
    EXPECT_EQ(statuses_of(responses), (std::map<int, int>{{200, 1}, {409, kAttempts - 1}}));
    std::string winner;
    for (const auto& response : responses) {
        if (response.status == 200)
            winner = response.json().at("decidedBy").at("name");
    }
    // Every loser is told who won.
    for (const auto& response : responses) {
        if (response.status != 409)
            continue;
        EXPECT_EQ(response.json().at("code"), "already-decided");
        EXPECT_EQ(response.json().at("detail"),
                  "This order was already approved by " + winner + ".");
    }
    const auto order = get_order(id, sign_in(kSeller));
    EXPECT_EQ(order.at("status"), "Approved");
    EXPECT_EQ(order.at("decidedBy").at("name"), winner);
    EXPECT_EQ(order.at("version"), 2);
    EXPECT_EQ(audit_actions(id), (std::vector<std::string>{"place", "approve"}));
    std::printf("order race: %d approvals at once, 1 success, %d conflicts\n", kAttempts,
                statuses_of(responses)[409]);
}

}  // namespace
}  // namespace orgdesk::server::testing
