#pragma once
// Switching an organization's managed (ownership) type, seed 003:
// Service Provider -> Customer names a new owner, an existing member or new details;
// Customer -> Service Provider demotes the current owner to Admin or Member.
#include <optional>
#include <string>
#include <vector>

#include "core/access_policy.hpp"
#include "core/member.hpp"
#include "core/organization.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

struct OwnershipChange {
    OwnershipType to = OwnershipType::Customer;
    std::optional<std::string> newOwnerMemberId;  // to Customer: an existing member...
    std::optional<Person> newOwner;               // ...or a new person
    std::optional<MemberRole> demoteTo;           // to Service Provider: Admin or Member
};

// What the change does, checked against the organization and its members.
struct OwnershipPlan {
    Organization org;             // the organization after the switch (version not yet bumped)
    std::vector<Member> members;  // the members after the switch; a new owner has an empty id
};

// Whether `who`, who may edit the organization, may make this change (seed 003: the owner or
// admins of the organization, and the seller's staff): staff may make any; the customer's Owner
// and Admins may make any that does not raise their own role, so none may make themselves the
// Owner (as a member, or as "a new owner" with their own email).
Result<bool> may_change_ownership(const Principal& who, const std::vector<Member>& members,
                                  const OwnershipChange& change);

Result<OwnershipPlan> plan_ownership_change(const Organization& org,
                                            const std::vector<Member>& members,
                                            const OwnershipChange& change);

}  // namespace orgdesk::core
