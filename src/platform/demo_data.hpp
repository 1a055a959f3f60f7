#pragma once
// Demo data for a new installation: one distributor, two sellers, about 60 customer
// organizations across every status, and one staff user per role. Seeded only when asked for.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/member.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

inline constexpr std::string_view kDemoDistributorId = "d1000000-0000-4000-8000-000000000001";
inline constexpr std::string_view kDemoSellerOneId = "51000000-0000-4000-8000-000000000001";
inline constexpr std::string_view kDemoSellerTwoId = "51000000-0000-4000-8000-000000000002";
// The Active customer of seller one whose Owner is owner@demo.test.
inline constexpr std::string_view kDemoOwnerCustomerId = "c0000000-0000-4000-8000-000000000001";
inline constexpr std::string_view kDemoPassword = "orgdesk-demo";

struct DemoSignIn {
    std::string username;
    std::string role;  // for people: "Seller Admin"
};

// The demo's customer organizations, as they are on the day `nowMs` (pure: no store involved).
// Each one's userCount is the number of its demo_members.
std::vector<core::Organization> demo_organizations(std::int64_t nowMs);

// The members of the demo organization `org` (one of demo_organizations): a Customer-owned one's
// Owner (its `owner`), plus up to three Admins and Members.
std::vector<core::Member> demo_members(const core::Organization& org);

// The whole demo as one tenant: partners, organizations with their members, users (each with
// `passwordHash`), catalog, orders, subscriptions and the audit trail (pure).
TenantSeed demo_tenant(std::int64_t nowMs, const std::string& passwordHash);

// Writes the demo data in one transaction (Store::seed_tenant) unless the demo distributor exists
// already, and returns the sign-ins: a seeding cut short leaves nothing, so the next start seeds
// again. `passwordHash` is the Argon2id hash every demo user gets (hashed once by the caller).
std::vector<DemoSignIn> seed_demo_data(Store& store, std::int64_t nowMs,
                                       const std::string& passwordHash);

}  // namespace orgdesk::platform
