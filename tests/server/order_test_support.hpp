#pragma once
// What the order API tests share: the demo facts they rely on, the requests they all send, and a
// fixture whose provisioning runs without delay.
#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/access_policy.hpp"
#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

inline constexpr const char* kOrders = "/api/v1/orders";
// Northwind Traders: Active, SMB, billed in Sweden (25 % VAT), Owner owner@demo.test, seller one.
inline const std::string kNorthwind(platform::kDemoOwnerCustomerId);
inline constexpr const char* kSamSellerId = "u0000000-0000-4000-8000-000000000002";
inline constexpr const char* kMember = "member@demo.test";

inline std::string order_path(const std::string& id) {
    return std::string(kOrders) + "/" + id;
}

// {"customerId", "lines": [{"sku", "quantity"}, ...]}
inline nlohmann::json order_body(const std::string& customerId,
                                 const std::vector<std::pair<std::string, int>>& lines) {
    auto items = nlohmann::json::array();
    for (const auto& [sku, quantity] : lines)
        items.push_back({{"sku", sku}, {"quantity", quantity}});
    return {{"customerId", customerId}, {"lines", items}};
}

// 3 × ZOOM-PRO (13.33) + 2 × ACR-CYBER (8.90) for Northwind: 57.79 net, 14.45 VAT, 72.24 total.
inline nlohmann::json northwind_order() {
    return order_body(kNorthwind, {{"ZOOM-PRO", 3}, {"ACR-CYBER", 2}});
}

// The fields a problem names, in its order.
inline std::vector<std::string> fields_of(const nlohmann::json& problem) {
    std::vector<std::string> fields;
    for (const auto& e : problem.at("errors"))
        fields.push_back(e.at("field").get<std::string>());
    return fields;
}

// The `key` of every item, in order.
inline std::vector<std::string> values_of(const nlohmann::json& items, const char* key) {
    std::vector<std::string> values;
    for (const auto& item : items)
        values.push_back(item.at(key).get<std::string>());
    return values;
}

inline std::vector<std::string> ids_of(const nlohmann::json& items) {
    return values_of(items, "id");
}

class OrderApiTest : public ServerFixture {
  protected:
    Headers bearer(const std::string& token, Headers headers = {}) const {
        headers.emplace_back("Authorization", "Bearer " + token);
        return headers;
    }

    HttpResponse place(const nlohmann::json& body, const std::string& token,
                       Headers headers = {}) const {
        return client().send_json("POST", kOrders, body, token, std::move(headers));
    }

    // A new PendingApproval order of Northwind's, placed by its Owner; its id.
    std::string place_northwind_order() {
        const auto response = place(northwind_order(), sign_in(kOwner));
        EXPECT_EQ(response.status, 201) << response.body;
        return response.status == 201 ? response.json().at("id").get<std::string>() : "";
    }

    // The actions of an entity's audit trail, oldest first.
    std::vector<std::string> audit_actions(const std::string& id) {
        std::vector<std::string> actions;
        for (const auto& event : store().audit_trail(id))
            actions.push_back(event.action);
        return actions;
    }

    // The order as `token` sees it; a failure unless it answers 200.
    nlohmann::json get_order(const std::string& id, const std::string& token) const {
        const auto response = client().get(order_path(id), token);
        EXPECT_EQ(response.status, 200) << response.body;
        return response.status == 200 ? response.json() : nlohmann::json();
    }

    // POST .../approve without a body, as the seed's integrations call it.
    HttpResponse approve(const std::string& id, const std::string& token,
                         Headers headers = {}) const {
        return client().send({"POST", order_path(id) + "/approve", {}, bearer(token, headers)});
    }

    HttpResponse reject(const std::string& id, const std::string& token, const std::string& reason,
                        Headers headers = {}) const {
        return client().send_json("POST", order_path(id) + "/reject", {{"reason", reason}}, token,
                                  std::move(headers));
    }

    HttpResponse decide_many(const nlohmann::json& body, const std::string& token) const {
        return client().send_json("POST", std::string(kOrders) + "/decisions", body, token);
    }

    // Every order `token` sees through GET /api/v1/orders?<query>, page by page.
    nlohmann::json list_all_orders(const std::string& token, const std::string& query = {},
                                   int limit = 50) {
        return list_all(token, kOrders, query, limit);
    }

    // The number of orders `token` sees, by the list's counts (every status).
    int order_total(const std::string& token, const std::string& query = {}) const {
        const auto response = client().get(
            std::string(kOrders) + "?limit=1" + (query.empty() ? "" : "&" + query), token);
        EXPECT_EQ(response.status, 200) << response.body;
        const auto counts = response.json().at("counts");
        int total = 0;
        for (const auto& [status, count] : counts.items())
            total += count.get<int>();
        return total;
    }

    // The ids of `count` orders pending approval that `token` sees, newest first.
    std::vector<std::string> pending_orders(const std::string& token, std::size_t count) {
        auto ids = ids_of(list_all_orders(token, "status=PendingApproval"));
        EXPECT_GE(ids.size(), count) << "the demo has too few pending orders";
        ids.resize(std::min(ids.size(), count));
        return ids;
    }

    // An Active customer of seller one's other than Northwind, with the segment asked for (any
    // when empty).
    nlohmann::json other_active_customer(const std::string& segment = {}) {
        for (const auto& c : list_all_customers(sign_in(kSeller), "status=Active", 50)) {
            if (c.at("id") != kNorthwind && (segment.empty() || c.at("segment") == segment))
                return c;
        }
        ADD_FAILURE() << "no other Active " << segment << " customer";
        return nlohmann::json::object();
    }

    // A Customer Member of Northwind (the demo has none), signed in.
    std::string sign_in_member() {
        auto user = store().find_user_by_username(kOwner);
        if (!user) {
            ADD_FAILURE() << "the demo owner is missing";
            return {};
        }
        user->principal.userId = "u0000000-0000-4000-8000-0000000000aa";
        user->principal.username = kMember;
        user->principal.displayName = "Mia Member";
        user->principal.role = core::Role::CustomerMember;
        // Not the owner's membership: a person without one has the role written on the user.
        user->principal.memberId.clear();
        store().insert_user(*user);  // the demo password's hash, as the owner's
        return sign_in(kMember);
    }

    // Polls the order until it reaches `status` (up to 10 s of real time), and returns it as seen
    // last.
    nlohmann::json wait_for_status(const std::string& id, const std::string& token,
                                   const std::string& status) const {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        nlohmann::json order;
        while (true) {
            order = get_order(id, token);
            if (order.is_null() || order.at("status") == status ||
                std::chrono::steady_clock::now() > deadline) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        EXPECT_TRUE(order.is_object() && order.at("status") == status) << order.dump();
        return order;
    }
};

// Provisioning takes its steps at once, as soon as an approval wakes it.
class ProvisioningApiTest : public OrderApiTest {
  protected:
    void configure(ServerOptions& options) override {
        options.provisioningOptions.stepDelay = std::chrono::milliseconds(0);
        options.provisioningOptions.pollInterval = std::chrono::milliseconds(20);
    }
};

}  // namespace orgdesk::server::testing
