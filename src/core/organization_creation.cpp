#include "core/organization_creation.hpp"

#include <utility>

#include "core/organization_validation.hpp"

namespace orgdesk::core {
namespace {

Error seller_field(std::string message) {
    return make_error(ErrorKind::InvalidInput, "invalid-seller",
                      "Choose the seller of the new "
                      "customer organization.",
                      {{"sellerId", std::move(message)}});
}

}  // namespace

Result<Placement> place_new_organization(
    const Principal& who, const std::optional<std::string>& requestedSellerId,
    const std::optional<std::string>& requestedSellersDistributor) {
    if (!may_create_organizations(who.role)) {
        return make_error(ErrorKind::Forbidden, "forbidden",
                          "Only a Distributor Admin, Seller Admin or Account Manager may create "
                          "customer organizations.");
    }
    if (who.role == Role::DistributorAdmin) {
        if (!requestedSellerId || requestedSellerId->empty())
            return seller_field("is required: name one of your sellers");
        if (!requestedSellersDistributor || *requestedSellersDistributor != who.distributorId ||
            who.distributorId.empty()) {
            return seller_field("is not one of your sellers");
        }
        return Placement{who.distributorId, *requestedSellerId};
    }
    if (who.sellerId.empty())
        return seller_field("your account belongs to no seller");
    if (requestedSellerId && !requestedSellerId->empty() && *requestedSellerId != who.sellerId)
        return seller_field("must be your own seller (or left out)");
    return Placement{who.distributorId, who.sellerId};
}

Result<NewOrganization> new_organization(CreateOrganizationRequest request,
                                         const Placement& placement, std::string id,
                                         std::string ownerMemberId, std::int64_t nowMs) {
    Organization org = std::move(request.org);
    org.id = std::move(id);
    org.providerId = 0;
    org.status = OrgStatus::New;
    org.distributorId = placement.distributorId;
    org.sellerId = placement.sellerId;
    org.subscriptionCount = 0;
    org.rejectionReason.clear();
    org.version = 1;
    org.createdAtMs = nowMs;
    org.updatedAtMs = nowMs;
    // The Service Provider has full control of its organizations: they have no owner.
    if (org.ownershipType == OwnershipType::ServiceProvider)
        org.owner.reset();
    auto normalized = normalized_organization(std::move(org));
    if (!normalized)
        return normalized.error();
    NewOrganization result;
    result.org = std::move(normalized).value();
    if (result.org.ownershipType == OwnershipType::Customer && result.org.owner) {
        Member owner;
        owner.id = std::move(ownerMemberId);
        owner.name = result.org.owner->name;
        owner.email = result.org.owner->email;
        owner.role = MemberRole::Owner;
        result.members.push_back(std::move(owner));
    }
    result.org.userCount = static_cast<int>(result.members.size());
    return result;
}

}  // namespace orgdesk::core
