#pragma once
// Who may see what, and which role may take which action: the one access policy of Orgdesk.
// Every read is scoped to the caller's tenant; another tenant's organization is treated exactly
// like a missing one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/member.hpp"
#include "core/organization.hpp"

namespace orgdesk::core {

enum class Role {
    DistributorAdmin,
    SellerAdmin,
    AccountManager,
    CustomerOwner,
    CustomerAdmin,
    CustomerMember,
};

inline constexpr Role kAllRoles[] = {Role::DistributorAdmin, Role::SellerAdmin,
                                     Role::AccountManager,   Role::CustomerOwner,
                                     Role::CustomerAdmin,    Role::CustomerMember};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
// For people: "Seller Admin".
std::string_view display_name(Role role);

// Actions on a customer organization. Edit changes data, the others change status.
enum class OrgAction { Approve, Reject, Suspend, Resume, Delete, Edit };

inline constexpr OrgAction kAllOrgActions[] = {OrgAction::Approve, OrgAction::Reject,
                                               OrgAction::Suspend, OrgAction::Resume,
                                               OrgAction::Delete,  OrgAction::Edit};

std::string_view to_string(OrgAction action);  // "approve", "reject", ...
std::optional<OrgAction> parse_org_action(std::string_view text);

// The signed-in user, as every layer sees them. Exactly one of the tenant ids below is the
// user's own tenant; the others are its ancestors (a seller's distributor, say) or empty.
struct Principal {
    std::string userId;
    std::string username;
    std::string displayName;
    Role role = Role::CustomerMember;
    std::string distributorId;
    std::string sellerId;
    std::string customerId;
    // A customer person's membership in `customerId` (members.id), whose role is theirs; empty
    // for staff. Initialized, so a principal written without it (staff, tests) needs no "".
    std::string memberId = {};
};

enum class TenantLevel { Distributor, Seller, Customer };

// What part of the hierarchy a principal sees: every customer under one distributor, one seller,
// or one customer organization itself.
struct TenantScope {
    TenantLevel level = TenantLevel::Customer;
    std::string id;
};

// Where an object sits in the hierarchy: the customer organization it belongs to (its own id for
// an organization) and that customer's seller and distributor.
struct TenantPath {
    std::string_view distributorId;
    std::string_view sellerId;
    std::string_view customerId;
};

TenantScope scope_of(const Principal& principal);
// The id of the tenant the principal belongs to (the wire's `user.tenant`).
const std::string& tenant_of(const Principal& principal);
bool in_scope(const TenantScope& scope, const TenantPath& path);
bool in_scope(const TenantScope& scope, const Organization& org);
// Distributor Admin, Seller Admin, Account Manager: the reseller's people, not the customer's.
bool is_staff(Role role);

bool role_may(Role role, OrgAction action);

// Who may change each field of an organization that an edit may change. What decides what a
// customer buys and pays (segment, billing country and tax id) and the seller's own references
// (customer reference, external contract, purchased numbers, buyer tags) are the seller's: only
// staff change them. The customer keeps its name, contact, billing company, address and email
// up to date itself. Fields by their wire names: "segment", "billing.country", ...
bool role_may_edit_field(Role role, std::string_view field);
// The fields `after` changes from `before` that `role` may not change (none: the edit may go on).
std::vector<std::string_view> fields_role_may_not_change(Role role, const Organization& before,
                                                         const Organization& after);

// A customer person's role in their organization, from their membership (seed 003's Owner,
// Admin, Member): the one source of a customer person's role.
Role customer_role(MemberRole role);
// Staff of a distributor or seller create customer organizations; customers do not.
bool may_create_organizations(Role role);

}  // namespace orgdesk::core
