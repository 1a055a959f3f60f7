#pragma once
// Creating a customer organization (seed 003): who may, under which seller it goes, and what a
// new organization starts as.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access_policy.hpp"
#include "core/member.hpp"
#include "core/organization.hpp"
#include "core/request_codecs.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

// The partners a new organization belongs to.
struct Placement {
    std::string distributorId;
    std::string sellerId;
};

// A seller's staff (Seller Admin, Account Manager) create under their own seller: a sellerId in
// the request must be theirs. A Distributor Admin names one of its sellers. Customers may not
// create organizations (Forbidden). `requestedSellersDistributor` is the distributor of the
// seller the request names, as the store knows it (nullopt when there is no such seller).
Result<Placement> place_new_organization(
    const Principal& who, const std::optional<std::string>& requestedSellerId,
    const std::optional<std::string>& requestedSellersDistributor);

struct NewOrganization {
    Organization org;
    std::vector<Member> members;  // a Customer-owned organization's owner, as its Owner member
};

// The organization a valid create request makes: status New, version 1, the given id and time,
// validated and normalized (kOrganizationInvalidMessage and the fields at fault otherwise). The
// owner member gets `ownerMemberId`; the provider id is left to the store.
Result<NewOrganization> new_organization(CreateOrganizationRequest request,
                                         const Placement& placement, std::string id,
                                         std::string ownerMemberId, std::int64_t nowMs);

}  // namespace orgdesk::core
