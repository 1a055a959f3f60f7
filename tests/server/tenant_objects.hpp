#pragma once
// What the security tests need, written straight into the store so every cell of a matrix gets
// objects of its own: customer organizations in any status under any seller (another
// distributor's included), pending orders, subscriptions, users of every role, and sessions.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/access_policy.hpp"
#include "core/order.hpp"
#include "core/organization.hpp"
#include "core/subscription.hpp"
#include "platform/store.hpp"

namespace orgdesk::server::testing {

// Replaces every `from` in `text` (a request's "{customerId}" placeholders, say).
inline void replace_all(std::string& text, std::string_view from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// A valid POST /api/v1/customers body naming the seller "{sellerId}".
inline constexpr const char* kCreateCustomerBody = R"({"name": "Tenant Test Oy", "segment": "SMB",
    "ownershipType": "Customer", "owner": {"name": "Tia Tenant", "email": "tia@tenant.test"},
    "billing": {"company": "Tenant Test Oy", "address": "Main 1", "country": "FI",
                "email": "tia@tenant.test"},
    "sellerId": "{sellerId}"})";

// A second distributor with one seller, so a Distributor Admin has another tenant too.
inline constexpr std::string_view kOtherDistributorId = "d2000000-0000-4000-8000-000000000002";
inline constexpr std::string_view kOtherDistributorSellerId =
    "53000000-0000-4000-8000-000000000003";

// The sessions made here last as long as the server's are configured to (ServerOptions).
inline constexpr std::chrono::minutes kSessionIdleTimeout{30};

class TenantObjects {
  public:
    // `now`: the server's clock, for creation times and session expiry.
    TenantObjects(platform::Store& store, std::function<std::int64_t()> now);

    // A new Customer-owned organization (an Owner, an Admin and a Member) of `sellerId`, in
    // `status`.
    core::Organization organization(std::string_view sellerId, core::OrgStatus status);
    // A new order of `customer`'s, pending approval.
    core::Order pending_order(const core::Organization& customer);
    // A new subscription of `customer`'s (from a provisioned order), in `status`.
    core::Subscription subscription(const core::Organization& customer,
                                    core::SubscriptionStatus status);

    // Staff roles: the demo user of seller one (distributor one). Customer roles: a new user of
    // `customer`, the person of its member with that role.
    core::Principal user(core::Role role, const core::Organization& customer);
    // A live session of `user`, as signing in makes one; its token.
    std::string session(const core::Principal& user);

  private:
    std::string next_id(char prefix);

    platform::Store& store_;
    std::function<std::int64_t()> now_;
    core::Organization template_;  // the demo's Northwind, copied for every new organization
    core::Order orderTemplate_;    // one of its demo orders
    int next_ = 0;
};

}  // namespace orgdesk::server::testing
