#pragma once
// Shared fixtures of the order, product and subscription tests: one distributor with two sellers,
// a customer organization of seller one, a small catalog, and principals of every role.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/access_policy.hpp"
#include "core/order.hpp"
#include "core/organization.hpp"
#include "core/product.hpp"

namespace orgdesk::core::test {

inline const std::string kDistributor = "dist-1";
inline const std::string kSellerOne = "seller-1";
inline const std::string kSellerTwo = "seller-2";
inline const std::string kCustomer = "cust-1";

// A principal of `role` in seller one's tree: its staff, or the people of kCustomer.
inline Principal principal_with(Role role, std::string sellerId = kSellerOne,
                                std::string customerId = kCustomer) {
    Principal p;
    p.userId = "user-" + std::string(to_string(role));
    p.username = "someone@demo.test";
    p.displayName = "Ann Lee";
    p.role = role;
    p.distributorId = kDistributor;
    p.sellerId = std::move(sellerId);
    const bool customer =
        role == Role::CustomerOwner || role == Role::CustomerAdmin || role == Role::CustomerMember;
    p.customerId = customer ? std::move(customerId) : std::string();
    return p;
}

// A Seller Admin of seller two: same distributor, other seller.
inline Principal seller_two_admin() {
    return principal_with(Role::SellerAdmin, kSellerTwo);
}

// kCustomer, an SMB customer of seller one billed in `country`.
inline Organization customer_org(OrgStatus status = OrgStatus::Active, std::string country = "SE") {
    Organization o;
    o.id = kCustomer;
    o.name = "Nordvik AB";
    o.segment = "SMB";
    o.status = status;
    o.billing = {"Nordvik AB", "Storgatan 1", std::move(country), "SE556", "billing@nordvik.test"};
    o.distributorId = kDistributor;
    o.sellerId = kSellerOne;
    return o;
}

inline Product product(std::string sku, MinorUnits unitPrice, std::string currency = "EUR",
                       std::vector<std::string> segments = {"SMB"},
                       std::string distributorId = kDistributor) {
    Product p;
    p.name = "Product " + sku;
    p.sku = std::move(sku);
    p.unitPrice = unitPrice;
    p.currency = std::move(currency);
    p.segments = std::move(segments);
    p.distributorId = std::move(distributorId);
    return p;
}

// Two SMB products in EUR, one for Enterprise only, one of another distributor, one in USD.
inline std::vector<Product> catalog() {
    auto annual = product("BACKUP-1TB", 999);
    annual.billingPeriod = BillingPeriod::Annual;
    return {product("MAIL-BASIC", 1250), annual, product("ENT-SUITE", 5000, "EUR", {"Enterprise"}),
            product("FOREIGN", 100, "EUR", {"SMB"}, "dist-2"), product("US-SUPPORT", 700, "USD")};
}

// A two-line order of kCustomer (seller one) in `status`.
inline Order order_in(OrderStatus status) {
    Order o;
    o.id = "order-1";
    o.customerId = kCustomer;
    o.sellerId = kSellerOne;
    o.distributorId = kDistributor;
    o.lines = {{"MAIL-BASIC", "Product MAIL-BASIC", 3, 1250, BillingPeriod::Monthly},
               {"BACKUP-1TB", "Product BACKUP-1TB", 7, 999, BillingPeriod::Annual}};
    o.price = {10743, 2686, 13429, "EUR", 2500};
    o.status = status;
    o.placedById = "owner-1";
    o.placedByName = "Olle Owner";
    if (status != OrderStatus::PendingApproval) {
        o.decidedById = "staff-1";
        o.decidedByName = "Ann Lee";
        o.decidedAtMs = 1'763'000'200'000;
    }
    o.version = 2;
    o.createdAtMs = 1'763'000'000'123;
    o.updatedAtMs = 1'763'000'200'000;
    return o;
}

// Calls check(role, from, action) for every role, status and action, each under a trace naming
// the case ("SellerAdmin approve from PendingApproval"); returns the number of cases.
template <class Status, std::size_t S, class Action, std::size_t A, class Check>
int for_every_case(const Status (&statuses)[S], const Action (&actions)[A], Check check) {
    int cases = 0;
    for (const Role role : kAllRoles) {
        for (const Status from : statuses) {
            for (const Action action : actions) {
                SCOPED_TRACE(std::string(to_string(role)) + " " + std::string(to_string(action)) +
                             " from " + std::string(to_string(from)));
                check(role, from, action);
                ++cases;
            }
        }
    }
    return cases;
}

}  // namespace orgdesk::core::test
