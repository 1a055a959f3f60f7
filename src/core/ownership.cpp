#include "core/ownership.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "core/organization_validation.hpp"

namespace orgdesk::core {
namespace {

Error invalid(std::string field, std::string message) {
    return make_error(ErrorKind::InvalidInput, "organization-invalid",
                      std::string(kOrganizationInvalidMessage),
                      {{std::move(field), std::move(message)}});
}

Result<OwnershipPlan> to_customer(const Organization& org, std::vector<Member> members,
                                  const OwnershipChange& change) {
    if (change.newOwnerMemberId.has_value() == change.newOwner.has_value()) {
        return invalid("newOwner",
                       "Choose an existing member as the new owner, or enter the new owner's "
                       "name and email.");
    }
    Organization after = org;
    after.ownershipType = OwnershipType::Customer;
    if (change.newOwnerMemberId) {
        auto member = std::find_if(members.begin(), members.end(), [&](const Member& m) {
            return m.id == *change.newOwnerMemberId;
        });
        if (member == members.end()) {
            return invalid("newOwner.memberId", "Choose one of the organization's members.");
        }
        member->role = MemberRole::Owner;
        after.owner = Person{member->name, member->email};
    } else {
        members.push_back(
            Member{"", change.newOwner->name, change.newOwner->email, MemberRole::Owner});
        after.owner = *change.newOwner;
    }
    // A Customer-owned organization needs its owner's details and billing information.
    auto normalized = normalized_organization(std::move(after));
    if (!normalized)
        return normalized.error();
    return OwnershipPlan{std::move(normalized).value(), std::move(members)};
}

Result<OwnershipPlan> to_service_provider(const Organization& org, std::vector<Member> members,
                                          const OwnershipChange& change) {
    if (!change.demoteTo || *change.demoteTo == MemberRole::Owner) {
        return invalid("demoteTo",
                       "Choose whether the current owner becomes an Admin or a Member.");
    }
    for (auto& member : members) {
        if (member.role == MemberRole::Owner)
            member.role = *change.demoteTo;
    }
    Organization after = org;
    after.ownershipType = OwnershipType::ServiceProvider;
    after.owner.reset();
    return OwnershipPlan{std::move(after), std::move(members)};
}

bool same_email(std::string_view a, std::string_view b) {
    return !a.empty() && std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

}  // namespace

Result<bool> may_change_ownership(const Principal& who, const std::vector<Member>& members,
                                  const OwnershipChange& change) {
    if (is_staff(who.role) || change.to != OwnershipType::Customer)
        return true;  // staff decide; a switch to Service Provider makes no one the Owner
    const auto own = std::find_if(members.begin(), members.end(),
                                  [&](const Member& m) { return m.id == who.memberId; });
    const bool namesSelf =
        (change.newOwnerMemberId && !who.memberId.empty() &&
         *change.newOwnerMemberId == who.memberId) ||
        (change.newOwner &&
         (same_email(change.newOwner->email, who.username) ||
          (own != members.end() && same_email(change.newOwner->email, own->email))));
    if (namesSelf) {
        return make_error(ErrorKind::Forbidden, "forbidden-self-promotion",
                          "You cannot make yourself the Owner of your organization. Choose "
                          "another member or person, or ask your seller to make the change.",
                          {{"newOwner", "names you"}});
    }
    return true;
}

Result<OwnershipPlan> plan_ownership_change(const Organization& org,
                                            const std::vector<Member>& members,
                                            const OwnershipChange& change) {
    if (change.to == org.ownershipType) {
        return make_error(
            ErrorKind::Conflict, "same-ownership-type",
            "The organization is already managed by " +
                std::string(change.to == OwnershipType::Customer ? "the Customer."
                                                                 : "the Service Provider."));
    }
    return change.to == OwnershipType::Customer ? to_customer(org, members, change)
                                                : to_service_provider(org, members, change);
}

}  // namespace orgdesk::core
