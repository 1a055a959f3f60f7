// Listing, paging, filtering, searching and retrieving customers, and tenant isolation on reads.
#include <gtest/gtest.h>

#include <set>

#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

constexpr const char* kCustomers = "/api/v1/customers";

std::set<std::string> ids_of(const nlohmann::json& items) {
    std::set<std::string> ids;
    for (const auto& item : items)
        ids.insert(item.at("id").get<std::string>());
    return ids;
}

int total_of(const nlohmann::json& counts) {
    int total = 0;
    for (const auto& [status, count] : counts.items())
        total += count.get<int>();
    return total;
}

class CustomersApi : public ServerFixture {};

TEST_F(CustomersApi, PagesTogetherHoldEveryCustomerOnce) {
    const auto token = sign_in(kSeller);
    const auto first = client().get(std::string(kCustomers) + "?limit=7", token);
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json().at("items").size(), 7u);
    EXPECT_TRUE(first.json().at("nextCursor").is_string());

    const auto all = list_all_customers(token, {}, 7);
    EXPECT_EQ(ids_of(all).size(), all.size()) << "a customer appeared twice";
    EXPECT_EQ(static_cast<int>(all.size()), total_of(first.json().at("counts")));
    EXPECT_GT(all.size(), 20u);
}

TEST_F(CustomersApi, ListCarriesCountsPerStatusForTheCallersScope) {
    const auto response = client().get(kCustomers, sign_in(kSeller));
    ASSERT_EQ(response.status, 200);
    const auto counts = response.json().at("counts");
    for (const char* status : {"New", "Active", "Blocked", "Rejected"}) {
        ASSERT_TRUE(counts.contains(status)) << status;
        EXPECT_GT(counts.at(status).get<int>(), 0) << status;
    }
    EXPECT_FALSE(counts.contains("Deleted"));
    const auto newOnes = list_all_customers(sign_in(kSeller), "status=New");
    EXPECT_EQ(counts.at("New").get<int>(), static_cast<int>(newOnes.size()));
}

TEST_F(CustomersApi, StatusFilterReturnsOnlyThatStatus) {
    const auto token = sign_in(kSeller);
    for (const std::string status : {"New", "Active", "Blocked", "Rejected"}) {
        const auto items = list_all_customers(token, "status=" + status);
        EXPECT_FALSE(items.empty()) << status;
        for (const auto& item : items)
            EXPECT_EQ(item.at("status"), status);
    }
}

TEST_F(CustomersApi, CustomerCarriesTheWireContractFields) {
    const auto response = client().get(std::string(kCustomers) + "?limit=1", sign_in(kSeller));
    const auto customer = response.json().at("items").at(0);
    for (const char* field :
         {"id", "name", "status", "segment", "ownershipType", "owner", "billing", "primaryContact",
          "customerReference", "externalContract", "purchasedNumbers", "buyerTags", "sellerId",
          "version", "actions", "createdAt", "updatedAt"}) {
        EXPECT_TRUE(customer.contains(field)) << field;
    }
}

TEST_F(CustomersApi, BadParametersAre400NamingTheParameter) {
    const auto token = sign_in(kSeller);
    for (const auto& [query, parameter] : std::vector<std::pair<std::string, std::string>>{
             {"status=Sleeping", "status"},
             {"status=Deleted", "status"},
             {"limit=0", "limit"},
             {"limit=201", "limit"},
             {"limit=ten", "limit"},
             {"cursor=not-a-cursor", "cursor"},
         }) {
        const auto response = client().get(std::string(kCustomers) + "?" + query, token);
        ASSERT_EQ(response.status, 400) << query;
        EXPECT_EQ(response.json().at("errors").at(0).at("field"), parameter) << query;
    }
}

TEST_F(CustomersApi, SearchFindsACustomerByEachOfTheFiveKeys) {
    const auto token = sign_in(kSeller);
    const auto customer =
        client()
            .get(std::string(kCustomers) + "/" + std::string(platform::kDemoOwnerCustomerId), token)
            .json();
    const std::string id = customer.at("id");
    const std::string name = customer.at("name");
    const std::string number = customer.at("purchasedNumbers").at(0);
    const std::string reference = customer.at("customerReference");
    const std::string contract = customer.at("externalContract");
    for (const auto& key : {id, name, number, reference, contract}) {
        // Percent-encoded, as a browser sends it: names have spaces, numbers a '+'.
        const auto encoded = url_encode(key);
        const auto found = list_all_customers(token, "q=" + encoded);
        EXPECT_EQ(ids_of(found).count(id), 1u) << "searching " << key;
    }
}

TEST_F(CustomersApi, GetReturnsTheCustomerWithItsVersionAsETag) {
    const auto token = sign_in(kSeller);
    const auto response = client().get(
        std::string(kCustomers) + "/" + std::string(platform::kDemoOwnerCustomerId), token);
    ASSERT_EQ(response.status, 200);
    const auto customer = response.json();
    EXPECT_EQ(customer.at("id"), platform::kDemoOwnerCustomerId);
    EXPECT_EQ(response.header("ETag"),
              "\"" + std::to_string(customer.at("version").get<int>()) + "\"");
}

TEST_F(CustomersApi, GetOfAMissingCustomerIs404) {
    const auto response = client().get(
        std::string(kCustomers) + "/00000000-0000-4000-8000-000000000000", sign_in(kSeller));
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
}

TEST_F(CustomersApi, AnotherSellersCustomerIsInvisible) {
    const auto sellerOne = sign_in(kSeller);
    const auto sellerTwo = sign_in(kSellerTwo);
    const auto theirs = ids_of(list_all_customers(sellerOne));
    const auto mine = ids_of(list_all_customers(sellerTwo));
    ASSERT_FALSE(mine.empty());
    for (const auto& id : theirs) {
        EXPECT_EQ(mine.count(id), 0u) << id;
        EXPECT_EQ(client().get(std::string(kCustomers) + "/" + id, sellerTwo).status, 404) << id;
    }
    // Search cannot reach across either: seller one's customer by its exact id.
    const std::string ownerCustomer(platform::kDemoOwnerCustomerId);
    EXPECT_TRUE(list_all_customers(sellerTwo, "q=" + ownerCustomer).empty());
}

TEST_F(CustomersApi, DistributorSeesEverySellersCustomers) {
    std::set<std::string> sellers;
    for (const auto& item : list_all_customers(sign_in(kDistributor), {}, 50)) {
        sellers.insert(item.at("sellerId").get<std::string>());
    }
    EXPECT_EQ(sellers, (std::set<std::string>{std::string(platform::kDemoSellerOneId),
                                              std::string(platform::kDemoSellerTwoId)}));
}

TEST_F(CustomersApi, CustomerOwnerSeesOnlyTheirOwnOrganization) {
    const auto items = list_all_customers(sign_in(kOwner));
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("id"), platform::kDemoOwnerCustomerId);
    EXPECT_EQ(items[0].at("actions"), nlohmann::json::array({"edit"}));
}

TEST_F(CustomersApi, ListWithoutATokenIs401) {
    EXPECT_EQ(client().get(kCustomers).status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing
