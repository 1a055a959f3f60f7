// GET /api/v1/orders over real HTTP: who sees which orders, the status, customer and date filters,
// cursor pages that neither repeat nor skip, the counts per status, and bad parameters.
#include <gtest/gtest.h>

#include <set>

#include "core/time_format.hpp"
#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kStatuses[] = {"PendingApproval", "Approved", "Provisioning",
                                     "Provisioned",     "Failed",   "Rejected"};

std::set<std::string> distinct(const json& items, const char* key) {
    const auto values = values_of(items, key);
    return {values.begin(), values.end()};
}

std::int64_t created_ms(const json& order) {
    return core::parse_iso8601(order.at("createdAt").get<std::string>()).value_or(-1);
}

class OrderListApi : public OrderApiTest {
  protected:
    json first_page(const std::string& token, const std::string& query = {}) {
        const auto response = client().get(std::string(kOrders) + "?" + query, token);
        EXPECT_EQ(response.status, 200) << query << ": " << response.body;
        return response.status == 200 ? response.json() : json::object();
    }

    void expect_bad_parameter(const std::string& query, const std::string& field) {
        const auto response = client().get(std::string(kOrders) + "?" + query, sign_in(kSeller));
        EXPECT_EQ(response.status, 400) << query;
        EXPECT_EQ(response.header("Content-Type"), "application/problem+json") << query;
        EXPECT_EQ(fields_of(response.json()), std::vector<std::string>{field}) << query;
    }
};

TEST_F(OrderListApi, EachUserSeesOnlyTheirTenantsOrders) {
    const auto sellerOne = list_all_orders(sign_in(kSeller));
    const auto sellerTwo = list_all_orders(sign_in(kSellerTwo));
    const auto distributor = list_all_orders(sign_in(kDistributor));
    const auto owner = list_all_orders(sign_in(kOwner));
    ASSERT_FALSE(sellerOne.empty());
    ASSERT_FALSE(sellerTwo.empty());
    ASSERT_FALSE(owner.empty());

    EXPECT_EQ(distinct(sellerOne, "sellerId"),
              std::set<std::string>{std::string(platform::kDemoSellerOneId)});
    EXPECT_EQ(distinct(sellerTwo, "sellerId"),
              std::set<std::string>{std::string(platform::kDemoSellerTwoId)});
    EXPECT_EQ(distinct(owner, "customerId"), std::set<std::string>{kNorthwind});
    // The distributor sees both sellers' orders, and nothing else.
    EXPECT_EQ(distributor.size(), sellerOne.size() + sellerTwo.size());
    auto both = distinct(sellerOne, "id");
    for (const auto& id : distinct(sellerTwo, "id"))
        EXPECT_TRUE(both.insert(id).second) << id << " is in both sellers' lists";
    EXPECT_EQ(distinct(distributor, "id"), both);
    // The manager of seller one sees what its admin sees.
    EXPECT_EQ(ids_of(list_all_orders(sign_in(kManager))), ids_of(sellerOne));

    // Each list's counts add up to its length.
    EXPECT_EQ(order_total(sign_in(kSeller)), static_cast<int>(sellerOne.size()));
    EXPECT_EQ(order_total(sign_in(kSellerTwo)), static_cast<int>(sellerTwo.size()));
    EXPECT_EQ(order_total(sign_in(kOwner)), static_cast<int>(owner.size()));
}

TEST_F(OrderListApi, CountsNameEveryStatusEvenWithoutOrders) {
    for (const char* user : {kDistributor, kSeller, kSellerTwo, kOwner}) {
        const auto counts = first_page(sign_in(user)).at("counts");
        EXPECT_EQ(counts.size(), std::size(kStatuses)) << user << counts.dump();
        for (const char* status : kStatuses) {
            EXPECT_TRUE(counts.contains(status) && counts.at(status).is_number_integer())
                << user << " " << status << counts.dump();
        }
    }
    // The demo's owner has neither a failed nor a provisioning order.
    const auto owner = first_page(sign_in(kOwner)).at("counts");
    EXPECT_EQ(owner.at("Provisioning"), 0);
    EXPECT_GT(first_page(sign_in(kSeller)).at("counts").at("PendingApproval").get<int>(), 0);
}

TEST_F(OrderListApi, StatusFilterListsOnlyThatStatusAndMatchesItsCount) {
    const auto token = sign_in(kSeller);
    const auto counts = first_page(token).at("counts");
    for (const char* status : kStatuses) {
        const auto items = list_all_orders(token, std::string("status=") + status);
        EXPECT_EQ(static_cast<int>(items.size()), counts.at(status).get<int>()) << status;
        for (const auto& item : items)
            EXPECT_EQ(item.at("status"), status);
    }
    // A new order joins the pending ones.
    const auto id = place_northwind_order();
    const auto pending = list_all_orders(token, "status=PendingApproval");
    EXPECT_EQ(static_cast<int>(pending.size()), counts.at("PendingApproval").get<int>() + 1);
    EXPECT_EQ(pending.front().at("id"), id);  // newest first
}

TEST_F(OrderListApi, CustomerFilterListsThatCustomersOrdersAndCountsThem) {
    const auto token = sign_in(kSeller);
    place_northwind_order();
    const auto page = first_page(token, "customerId=" + kNorthwind);
    const auto items = list_all_orders(token, "customerId=" + kNorthwind);
    ASSERT_GE(items.size(), 2u);  // the demo's orders and the new one
    EXPECT_EQ(distinct(items, "customerId"), std::set<std::string>{kNorthwind});
    int total = 0;
    for (const auto& [status, count] : page.at("counts").items())
        total += count.get<int>();
    EXPECT_EQ(total, static_cast<int>(items.size()));
    // The owner's own list is the same.
    EXPECT_EQ(ids_of(list_all_orders(sign_in(kOwner))), ids_of(items));
    // Another tenant's customer is simply not in the list.
    EXPECT_TRUE(list_all_orders(sign_in(kSellerTwo), "customerId=" + kNorthwind).empty());
}

TEST_F(OrderListApi, DateFilterSplitsTheListAtTheTimeGiven) {
    const auto token = sign_in(kDistributor);
    const auto all = list_all_orders(token);
    // The demo's queue spans the last ten hours; split it five hours ago, to the second.
    const std::int64_t splitMs = (now_ms() - 5 * 3600 * 1000) / 1000 * 1000;
    const auto split = url_encode(core::format_iso8601(splitMs));
    const auto from = list_all_orders(token, "from=" + split);
    const auto to = list_all_orders(token, "to=" + split);
    ASSERT_FALSE(from.empty());
    ASSERT_FALSE(to.empty());
    for (const auto& order : from)
        EXPECT_GE(created_ms(order), splitMs) << order.at("createdAt");
    for (const auto& order : to)
        EXPECT_LT(created_ms(order), splitMs) << order.at("createdAt");
    EXPECT_EQ(from.size() + to.size(), all.size());

    // Both at once, as a window; a date alone means its midnight UTC.
    const auto window = list_all_orders(
        token, "from=" + url_encode(core::format_iso8601(splitMs - 3600 * 1000)) + "&to=" + split);
    for (const auto& order : window) {
        EXPECT_GE(created_ms(order), splitMs - 3600 * 1000);
        EXPECT_LT(created_ms(order), splitMs);
    }
    EXPECT_LT(window.size(), to.size());
    const auto tomorrow = core::format_iso8601(now_ms() + 24 * 3600 * 1000).substr(0, 10);
    EXPECT_EQ(list_all_orders(token, "to=" + tomorrow).size(), all.size());
    EXPECT_TRUE(list_all_orders(token, "from=" + tomorrow).empty());
}

TEST_F(OrderListApi, BadDatesAre400) {
    expect_bad_parameter("from=yesterday", "from");
    expect_bad_parameter("to=2026-13-45", "to");
    expect_bad_parameter("from=2026-11-22T25:00:00Z", "from");
}

TEST_F(OrderListApi, CursorPagesNeitherRepeatNorSkip) {
    const auto token = sign_in(kSeller);
    // Orders placed in the same millisecond (the test's clock stands still) straddle pages.
    for (int i = 0; i < 4; ++i)
        place_northwind_order();
    const auto whole = first_page(token, "limit=200");
    ASSERT_TRUE(whole.at("nextCursor").is_null());
    const auto expected = ids_of(whole.at("items"));
    ASSERT_GT(expected.size(), 9u);

    const auto paged = ids_of(list_all_orders(token, {}, 3));
    EXPECT_EQ(paged, expected);
    EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()).size(), paged.size());

    // Each page holds `limit` orders and the last one fewer or as many, newest first.
    const auto page = first_page(token, "limit=3");
    EXPECT_EQ(page.at("items").size(), 3u);
    EXPECT_TRUE(page.at("nextCursor").is_string());
    for (std::size_t i = 1; i < whole.at("items").size(); ++i) {
        EXPECT_GE(created_ms(whole.at("items")[i - 1]), created_ms(whole.at("items")[i]));
    }

    // Filters hold across pages too.
    const auto pendingPaged = list_all_orders(token, "status=PendingApproval", 2);
    EXPECT_EQ(ids_of(pendingPaged), ids_of(list_all_orders(token, "status=PendingApproval")));
}

TEST_F(OrderListApi, BadStatusLimitOrCursorIs400) {
    expect_bad_parameter("status=Pending", "status");
    expect_bad_parameter("status=New", "status");
    expect_bad_parameter("limit=0", "limit");
    expect_bad_parameter("limit=201", "limit");
    expect_bad_parameter("limit=ten", "limit");
    expect_bad_parameter("cursor=not-a-cursor", "cursor");
}

TEST_F(OrderListApi, ListingNeedsASignIn) {
    EXPECT_EQ(client().get(kOrders).status, 401);
}

TEST_F(OrderListApi, ItemsCarryTheCustomerAndThePrice) {
    const auto id = place_northwind_order();
    const auto items = first_page(sign_in(kSeller), "status=PendingApproval").at("items");
    ASSERT_FALSE(items.empty());
    const auto& item = items.at(0);
    EXPECT_EQ(item.at("id"), id);
    EXPECT_EQ(item.at("customer").at("name"), "Northwind Traders");
    EXPECT_EQ(item.at("price").at("total"), "72.24");
    EXPECT_EQ(item.at("lines").size(), 2u);
    EXPECT_TRUE(item.at("links").contains("approve"));
}

}  // namespace
}  // namespace orgdesk::server::testing
