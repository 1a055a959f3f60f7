// POST /api/v1/orders and GET /api/v1/orders/{id} over real HTTP: the order a customer places, its
// price to the cent, the idempotent retry, every refusal (each writing nothing), tenant scoping,
// and orders being immutable.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <set>

#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kKeyReused = "This Idempotency-Key was already used for a different request.";
constexpr const char* kMissingOrder = "00000000-0000-4000-8000-000000000000";

class OrdersApi : public OrderApiTest {
  protected:
    // A refusal of `body` by `token`: the status, and nothing written.
    json refused(const json& body, const std::string& token, int status) {
        const auto before = order_total(sign_in(kDistributor));
        const auto response = place(body, token);
        EXPECT_EQ(response.status, status) << body.dump() << " → " << response.body;
        EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
        EXPECT_EQ(order_total(sign_in(kDistributor)), before) << "a refused order was written";
        // Without its request id, which every answer has its own of.
        auto problem = response.json();
        EXPECT_EQ(problem.value("requestId", ""), response.header("X-Request-Id"));
        problem.erase("requestId");
        return problem;
    }
};

TEST_F(OrdersApi, OwnerPlacesAnOrderThatWaitsForApprovalWithItsPrice) {
    const auto token = sign_in(kOwner);
    const auto response = place(northwind_order(), token);
    ASSERT_EQ(response.status, 201) << response.body;
    const auto order = response.json();
    const std::string id = order.at("id");
    EXPECT_EQ(id, "0e000000-0000-4000-8000-000000000001");
    EXPECT_EQ(response.header("Location"), order_path(id));
    EXPECT_EQ(response.header("ETag"), "\"1\"");
    EXPECT_EQ(response.header("Idempotent-Replayed"), "");

    EXPECT_EQ(order.at("status"), "PendingApproval");
    EXPECT_EQ(order.at("statusText"), "Pending approval");
    EXPECT_EQ(order.at("customerId"), kNorthwind);
    EXPECT_EQ(order.at("customer").at("name"), "Northwind Traders");
    EXPECT_EQ(order.at("customer").at("segment"), "SMB");
    EXPECT_EQ(order.at("customer").at("billingCountry"), "SE");
    EXPECT_EQ(order.at("sellerId"), platform::kDemoSellerOneId);
    EXPECT_EQ(order.at("placedBy").at("name"), "Olive Owner");
    EXPECT_TRUE(order.at("decidedBy").is_null());
    EXPECT_TRUE(order.at("decidedAt").is_null());
    EXPECT_EQ(order.at("rejectionReason"), "");
    EXPECT_EQ(order.at("version"), 1);

    // 3 × 13.33 + 2 × 8.90 = 39.99 + 17.80 = 57.79; 25 % of it is 14.4475 → 14.45.
    const auto& lines = order.at("lines");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].at("sku"), "ZOOM-PRO");
    EXPECT_EQ(lines[0].at("name"), "Zoom Workplace Pro");
    EXPECT_EQ(lines[0].at("quantity"), 3);
    EXPECT_EQ(lines[0].at("unitPrice"), "13.33");
    EXPECT_EQ(lines[0].at("lineTotal"), "39.99");
    EXPECT_EQ(lines[1].at("sku"), "ACR-CYBER");
    EXPECT_EQ(lines[1].at("quantity"), 2);
    EXPECT_EQ(lines[1].at("unitPrice"), "8.90");
    EXPECT_EQ(lines[1].at("lineTotal"), "17.80");
    EXPECT_EQ(order.at("price"), json({{"net", "57.79"},
                                       {"tax", "14.45"},
                                       {"total", "72.24"},
                                       {"currency", "EUR"},
                                       {"taxRate", "25.00"}}));

    // A customer never decides: no actions, no decision links, only its own address.
    EXPECT_EQ(order.at("actions"), json::array());
    EXPECT_EQ(
        order.at("links"),
        json({{"self", "http://127.0.0.1:" + std::to_string(client().port()) + order_path(id)}}));

    // Read back the same, by the customer and by its seller; the seller may decide.
    EXPECT_EQ(get_order(id, token), order);
    const auto seen = get_order(id, sign_in(kSeller));
    EXPECT_EQ(seen.at("price"), order.at("price"));
    EXPECT_EQ(seen.at("actions"), json({"approve", "reject"}));

    const auto trail = store().audit_trail(id);
    ASSERT_EQ(trail.size(), 1u);
    EXPECT_EQ(trail[0].action, "place");
    EXPECT_EQ(trail[0].actorId, "u0000000-0000-4000-8000-000000000005");
}

TEST_F(OrdersApi, StaffMayOrderForTheirCustomer) {
    const auto response = place(order_body(kNorthwind, {{"M365-BSTD", 10}}), sign_in(kManager));
    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_EQ(response.json().at("placedBy").at("name"), "Max Manager");
    EXPECT_EQ(response.json().at("price").at("net"), "125.00");
    EXPECT_EQ(response.json().at("price").at("tax"), "31.25");
    EXPECT_EQ(response.json().at("price").at("total"), "156.25");
}

TEST_F(OrdersApi, RetriedCreateWithTheSameKeyAnswersTheSameAndPlacesOneOrder) {
    const auto token = sign_in(kOwner);
    const auto before = order_total(token);
    const Headers key{{"Idempotency-Key", "order-7f3a"}};
    const auto first = place(northwind_order(), token, key);
    ASSERT_EQ(first.status, 201) << first.body;

    // The same request again, its keys in another order and with other spacing.
    const auto again = client().send(
        {"POST", kOrders, northwind_order().dump(2),
         bearer(token, {{"Content-Type", "application/json"}, {"Idempotency-Key", "order-7f3a"}})});
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Location"), first.header("Location"));
    EXPECT_EQ(again.header("ETag"), first.header("ETag"));
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(order_total(token), before + 1);
    EXPECT_EQ(list_all_orders(token, "customerId=" + kNorthwind + "&status=PendingApproval")
                  .front()
                  .at("id"),
              first.json().at("id"));

    // The same key with another body is a conflict, and places nothing.
    const auto other = place(order_body(kNorthwind, {{"ZOOM-PRO", 4}}), token, key);
    EXPECT_EQ(other.status, 409) << other.body;
    EXPECT_EQ(other.json().at("detail"), kKeyReused);
    EXPECT_EQ(other.json().at("code"), "idempotency-key-reused");
    EXPECT_EQ(order_total(token), before + 1);
}

TEST_F(OrdersApi, RetriesRacingWithTheSameKeyPlaceOneOrder) {
    const auto token = sign_in(kOwner);
    const auto before = order_total(token);
    std::promise<void> gate;
    const auto open = gate.get_future().share();
    std::vector<std::future<HttpResponse>> retries;
    for (int i = 0; i < 10; ++i) {
        retries.push_back(std::async(std::launch::async, [&] {
            open.wait();
            return place(northwind_order(), token, {{"Idempotency-Key", "racing-retry"}});
        }));
    }
    gate.set_value();
    std::set<std::string> bodies;
    int replayed = 0;
    for (auto& retry : retries) {
        const auto response = retry.get();
        EXPECT_EQ(response.status, 201) << response.body;
        bodies.insert(response.body);
        replayed += response.header("Idempotent-Replayed") == "true" ? 1 : 0;
    }
    EXPECT_EQ(bodies.size(), 1u);
    EXPECT_EQ(replayed, 9);
    EXPECT_EQ(order_total(token), before + 1);
}

TEST_F(OrdersApi, MalformedJsonIs400AndAnotherContentTypeIs415) {
    const auto token = sign_in(kOwner);
    const auto before = order_total(token);
    const auto malformed = client().send({"POST", kOrders, R"({"customerId": )",
                                          bearer(token, {{"Content-Type", "application/json"}})});
    EXPECT_EQ(malformed.status, 400) << malformed.body;
    EXPECT_EQ(malformed.header("Content-Type"), "application/problem+json");
    const auto text = client().send({"POST", kOrders, northwind_order().dump(),
                                     bearer(token, {{"Content-Type", "text/plain"}})});
    EXPECT_EQ(text.status, 415) << text.body;
    EXPECT_EQ(order_total(token), before);
}

TEST_F(OrdersApi, UnknownAndServerOwnedFieldsAre400NamingThem) {
    const auto token = sign_in(kOwner);
    for (const char* field : {"coupon", "price", "status"}) {
        auto body = northwind_order();
        body[field] = "free";
        const auto problem = refused(body, token, 400);
        EXPECT_EQ(fields_of(problem), std::vector<std::string>{field}) << problem.dump();
    }
    auto body = northwind_order();
    body["lines"][1]["unitPrice"] = "0.01";
    EXPECT_EQ(fields_of(refused(body, token, 400)), std::vector<std::string>{"lines[1].unitPrice"});
}

TEST_F(OrdersApi, LinesMustNameOrderableProductsInAllowedQuantities) {
    const auto token = sign_in(kOwner);
    EXPECT_EQ(fields_of(refused(order_body(kNorthwind, {}), token, 400)),
              std::vector<std::string>{"lines"});
    for (const int quantity : {0, -1, 10001}) {
        const auto problem = refused(order_body(kNorthwind, {{"ZOOM-PRO", quantity}}), token, 400);
        EXPECT_EQ(problem.at("code"), "invalid-order");
        EXPECT_EQ(fields_of(problem), std::vector<std::string>{"lines[0].quantity"}) << quantity;
    }
    // 10000 is the most one line may hold.
    EXPECT_EQ(place(order_body(kNorthwind, {{"ZOOM-PRO", 10000}}), token).status, 201);

    // Salesforce is for Enterprise customers only; Northwind is SMB.
    EXPECT_EQ(fields_of(refused(order_body(kNorthwind, {{"SF-SALES", 1}}), token, 400)),
              std::vector<std::string>{"lines[0].sku"});
    EXPECT_EQ(
        fields_of(refused(order_body(kNorthwind, {{"ZOOM-PRO", 1}, {"NO-SUCH", 1}}), token, 400)),
        std::vector<std::string>{"lines[1].sku"});
    EXPECT_EQ(
        fields_of(refused(order_body(kNorthwind, {{"ZOOM-PRO", 1}, {"ZOOM-PRO", 2}}), token, 400)),
        std::vector<std::string>{"lines[1].sku"});
    auto missing = northwind_order();
    missing.erase("customerId");
    EXPECT_EQ(fields_of(refused(missing, token, 400)), std::vector<std::string>{"customerId"});
}

TEST_F(OrdersApi, BodiesOfTheWrongShapeAre400) {
    const auto token = sign_in(kOwner);
    auto text = northwind_order();
    text["lines"][0]["quantity"] = "3";
    EXPECT_EQ(fields_of(refused(text, token, 400)), std::vector<std::string>{"lines[0].quantity"});
    auto notAList = northwind_order();
    notAList["lines"] = "ZOOM-PRO";
    EXPECT_EQ(fields_of(refused(notAList, token, 400)), std::vector<std::string>{"lines"});
    refused(json::array({northwind_order()}), token, 400);
    // At most 20 lines: the demo's SMB catalog has 7 products, so 21 lines name some twice too.
    std::vector<std::pair<std::string, int>> many(21, {"ZOOM-PRO", 1});
    const auto fields = fields_of(refused(order_body(kNorthwind, many), token, 400));
    EXPECT_NE(std::find(fields.begin(), fields.end(), "lines"), fields.end());
}

TEST_F(OrdersApi, ABlockedCustomerCannotOrder) {
    const auto token = sign_in(kSeller);
    const auto blocked = customer_in_status(token, "Blocked");
    const auto problem = refused(order_body(blocked, {{"M365-BSTD", 1}}), token, 409);
    EXPECT_EQ(problem.at("code"), "organization-not-active");
    EXPECT_EQ(problem.at("detail"),
              "Only an Active organization can place orders. This one is Blocked.");
    // Nor can its own Owner, once it is suspended.
    ASSERT_EQ(client()
                  .send_json("PUT", "/api/v1/customers/" + kNorthwind + "/suspend",
                             {{"subscriptions", "keep"}}, token)
                  .status,
              200);
    EXPECT_EQ(refused(northwind_order(), sign_in(kOwner), 409).at("code"),
              "organization-not-active");
}

TEST_F(OrdersApi, AnotherTenantsCustomerIs404LikeAMissingOne) {
    const auto sellerTwo = refused(northwind_order(), sign_in(kSellerTwo), 404);
    const auto missing = refused(
        order_body("c0000000-0000-4000-8000-00000000dead", {{"ZOOM-PRO", 3}, {"ACR-CYBER", 2}}),
        sign_in(kSellerTwo), 404);
    EXPECT_EQ(sellerTwo, missing);
    // A customer orders only for its own organization.
    const std::string otherCustomer = other_active_customer().value("id", "");
    EXPECT_EQ(refused(order_body(otherCustomer, {{"ZOOM-PRO", 1}}), sign_in(kOwner), 404), missing);
}

TEST_F(OrdersApi, ACustomerMemberSeesTheOrdersButMayNotOrder) {
    const auto member = sign_in_member();
    const auto problem = refused(northwind_order(), member, 403);
    EXPECT_EQ(problem.at("code"), "forbidden");
    const auto id = place_northwind_order();
    const auto order = get_order(id, member);
    EXPECT_EQ(order.at("actions"), json::array());
    EXPECT_EQ(ids_of(list_all_orders(member)), ids_of(list_all_orders(sign_in(kOwner))));
}

TEST_F(OrdersApi, PlacingNeedsASignIn) {
    const auto response = place(northwind_order(), "");
    EXPECT_EQ(response.status, 401) << response.body;
}

TEST_F(OrdersApi, AnotherTenantsOrderIs404ExactlyLikeAMissingOne) {
    const auto id = place_northwind_order();
    const auto sellerTwo = sign_in(kSellerTwo);
    const auto foreign = client().get(order_path(id), sellerTwo);
    const auto missing = client().get(order_path(kMissingOrder), sellerTwo);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(foreign.body_without_request_id(), missing.body_without_request_id());

    // Nor does one customer see another's orders.
    const auto others =
        list_all_orders(sign_in(kSeller), "customerId=" + other_active_customer().value("id", ""));
    ASSERT_FALSE(others.empty());
    const auto asOwner = client().get(order_path(others[0].at("id")), sign_in(kOwner));
    EXPECT_EQ(asOwner.status, 404);
    EXPECT_EQ(asOwner.body_without_request_id(), missing.body_without_request_id());
}

TEST_F(OrdersApi, OrdersAreImmutable) {
    const auto id = place_northwind_order();
    const auto token = sign_in(kSeller);
    for (const char* method : {"PUT", "PATCH", "DELETE"}) {
        const auto response =
            client().send_json(method, order_path(id), {{"lines", json::array()}}, token);
        EXPECT_EQ(response.status, 405) << method;
        EXPECT_EQ(response.header("Allow"), "GET") << method;
        EXPECT_EQ(response.header("Content-Type"), "application/problem+json") << method;
        const auto problem = response.json();
        EXPECT_EQ(problem.at("code"), "order-immutable") << method;
        EXPECT_EQ(problem.at("status"), 405) << method;
        EXPECT_NE(problem.at("detail").get<std::string>().find("Suspend"), std::string::npos);
    }
    const auto order = get_order(id, token);
    EXPECT_EQ(order.at("version"), 1);
    EXPECT_EQ(order.at("lines").size(), 2u);
    EXPECT_EQ(store().audit_trail(id).size(), 1u);
}

// A suspension that lands while an order is being placed: after the server has read the customer
// as Active, before it writes the order. The server's id generator is the seam: the order's id is
// drawn between the two, and here drawing it first suspends the customer.
class OrderPlacedDuringASuspension : public OrderApiTest {
  protected:
    void configure(ServerOptions& options) override {
        options.newId = [this, next = options.newId] {
            if (suspendOnNextId_.exchange(false)) {
                const auto response =
                    client().send_json("PUT", "/api/v1/customers/" + kNorthwind + "/suspend",
                                       {{"subscriptions", "keep"}}, sellerToken_);
                EXPECT_EQ(response.status, 200) << response.body;
            }
            return next();
        };
    }

    std::string sellerToken_;
    std::atomic<bool> suspendOnNextId_{false};
};

TEST_F(OrderPlacedDuringASuspension, IsRefusedAndLeavesNoPendingOrderOnABlockedCustomer) {
    sellerToken_ = sign_in(kSeller);
    const auto owner = sign_in(kOwner);
    const auto before = order_total(owner);
    suspendOnNextId_ = true;
    const auto response = place(northwind_order(), owner, {{"Idempotency-Key", "during"}});
    EXPECT_FALSE(suspendOnNextId_);
    ASSERT_EQ(client().get("/api/v1/customers/" + kNorthwind, sellerToken_).json().at("status"),
              "Blocked");

    // The suspension rejected every order pending then; none may be pending after it.
    EXPECT_EQ(response.status, 409) << response.body;
    EXPECT_EQ(response.json().at("code"), "organization-not-active");
    EXPECT_TRUE(list_all_orders(owner, "status=PendingApproval").empty());
    EXPECT_EQ(order_total(owner), before);
    // The key was not used up by the refusal: a retry is refused the same way, not replayed.
    const auto retry = place(northwind_order(), owner, {{"Idempotency-Key", "during"}});
    EXPECT_EQ(retry.status, 409) << retry.body;
    EXPECT_EQ(retry.header("Idempotent-Replayed"), "");
}

// Issue 21, finding 5: the links were built from the Host header, which the client writes: a
// forged one (or a proxy passing any Host on) put its own host into links.approve, where an
// integration follows it with its token. With --public-url set, every absolute link uses it.
class OrdersBehindAPublicUrl : public OrderApiTest {
  protected:
    static constexpr const char* kPublicUrl = "https://portal.example.com";

    void configure(ServerOptions& options) override {
        options.publicUrl = parse_public_url(std::string(kPublicUrl) + "/").value();
    }

    static Headers forged_host(const std::string& token) {
        return {{"Authorization", "Bearer " + token}, {"Host", "evil.example"}};
    }

    // Every link of `order`, each of which must start with the public URL.
    static void expect_public_links(const json& order) {
        ASSERT_TRUE(order.contains("links")) << order.dump();
        for (const auto& [name, link] : order.at("links").items()) {
            EXPECT_EQ(link.get<std::string>().rfind(std::string(kPublicUrl) + kOrders + "/", 0), 0u)
                << name << ": " << link;
        }
    }
};

TEST_F(OrdersBehindAPublicUrl, EveryAbsoluteLinkUsesItWhateverTheHostHeaderSays) {
    const auto owner = sign_in(kOwner);
    const auto placed =
        client().send_json("POST", kOrders, northwind_order(), owner, {{"Host", "evil.example"}});
    ASSERT_EQ(placed.status, 201) << placed.body;
    const auto id = placed.json().at("id").get<std::string>();
    EXPECT_EQ(placed.json().at("links"),
              json({{"self", std::string(kPublicUrl) + order_path(id)}}));

    const auto seller = sign_in(kSeller);
    const auto one = client().send({"GET", order_path(id), {}, forged_host(seller)});
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json().at("links"),
              json({{"self", std::string(kPublicUrl) + order_path(id)},
                    {"approve", std::string(kPublicUrl) + order_path(id) + "/approve"},
                    {"reject", std::string(kPublicUrl) + order_path(id) + "/reject"}}));

    const auto list = client().send({"GET", kOrders, {}, forged_host(seller)});
    ASSERT_EQ(list.status, 200) << list.body;
    const auto listed = list.json();  // kept: the loop below reads into it
    ASSERT_FALSE(listed.at("items").empty());
    for (const auto& order : listed.at("items"))
        expect_public_links(order);

    auto headers = forged_host(seller);
    headers.emplace_back("Content-Type", "application/json");
    const auto decided =
        client().send({"POST", std::string(kOrders) + "/decisions",
                       json({{"action", "approve"}, {"orderIds", {id}}}).dump(), headers});
    ASSERT_EQ(decided.status, 200) << decided.body;
    const auto results = decided.json();
    for (const auto& result : results.at("results")) {
        ASSERT_TRUE(result.contains("order")) << result.dump();
        expect_public_links(result.at("order"));
    }
    const auto second = place_northwind_order();
    const auto rejected = client().send(
        {"POST", order_path(second) + "/reject", R"({"reason":"Ordered twice"})", headers});
    ASSERT_EQ(rejected.status, 200) << rejected.body;
    expect_public_links(rejected.json());
}

}  // namespace
}  // namespace orgdesk::server::testing
