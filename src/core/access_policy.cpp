#include "core/access_policy.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/json_codecs.hpp"

namespace orgdesk::core {
namespace {

struct RoleInfo {
    Role role;
    std::string_view wire;
    std::string_view display;
};

constexpr std::array<RoleInfo, 6> kRoles{{
    {Role::DistributorAdmin, "DistributorAdmin", "Distributor Admin"},
    {Role::SellerAdmin, "SellerAdmin", "Seller Admin"},
    {Role::AccountManager, "AccountManager", "Account Manager"},
    {Role::CustomerOwner, "CustomerOwner", "Customer Owner"},
    {Role::CustomerAdmin, "CustomerAdmin", "Customer Admin"},
    {Role::CustomerMember, "CustomerMember", "Customer Member"},
}};

constexpr std::array<std::pair<OrgAction, std::string_view>, 6> kActionNames{{
    {OrgAction::Approve, "approve"},
    {OrgAction::Reject, "reject"},
    {OrgAction::Suspend, "suspend"},
    {OrgAction::Resume, "resume"},
    {OrgAction::Delete, "delete"},
    {OrgAction::Edit, "edit"},
}};

const RoleInfo& info(Role role) {
    return *std::find_if(kRoles.begin(), kRoles.end(),
                         [role](const RoleInfo& r) { return r.role == role; });
}

// The fields an edit may change, by their JSON pointers in editable_json(), each with whether
// only the seller's staff may change it.
struct EditableField {
    std::string_view name;
    std::string_view pointer;
    bool sellersOnly;
};

constexpr std::array<EditableField, 14> kEditableFields{{
    {"name", "/name", false},
    {"segment", "/segment", true},
    {"billing.company", "/billing/company", false},
    {"billing.address", "/billing/address", false},
    {"billing.country", "/billing/country", true},
    {"billing.taxId", "/billing/taxId", true},
    {"billing.email", "/billing/email", false},
    {"primaryContact.name", "/primaryContact/name", false},
    {"primaryContact.role", "/primaryContact/role", false},
    {"primaryContact.phone", "/primaryContact/phone", false},
    {"customerReference", "/customerReference", true},
    {"externalContract", "/externalContract", true},
    {"purchasedNumbers", "/purchasedNumbers", true},
    {"buyerTags", "/buyerTags", true},
}};

// The value at `pointer`, null where there is none.
Json value_at(const Json& json, std::string_view pointer) {
    const Json::json_pointer at{std::string(pointer)};
    return json.contains(at) ? json.at(at) : Json();
}

}  // namespace

std::string_view to_string(Role role) {
    return info(role).wire;
}
std::string_view display_name(Role role) {
    return info(role).display;
}

std::optional<Role> parse_role(std::string_view text) {
    for (const auto& r : kRoles) {
        if (r.wire == text)
            return r.role;
    }
    return std::nullopt;
}

std::string_view to_string(OrgAction action) {
    for (const auto& [a, name] : kActionNames) {
        if (a == action)
            return name;
    }
    return "";
}

std::optional<OrgAction> parse_org_action(std::string_view text) {
    for (const auto& [a, name] : kActionNames) {
        if (name == text)
            return a;
    }
    return std::nullopt;
}

TenantScope scope_of(const Principal& p) {
    switch (p.role) {
        case Role::DistributorAdmin:
            return {TenantLevel::Distributor, p.distributorId};
        case Role::SellerAdmin:
        case Role::AccountManager:
            return {TenantLevel::Seller, p.sellerId};
        case Role::CustomerOwner:
        case Role::CustomerAdmin:
        case Role::CustomerMember:
            break;
    }
    return {TenantLevel::Customer, p.customerId};
}

const std::string& tenant_of(const Principal& p) {
    switch (scope_of(p).level) {
        case TenantLevel::Distributor:
            return p.distributorId;
        case TenantLevel::Seller:
            return p.sellerId;
        case TenantLevel::Customer:
            break;
    }
    return p.customerId;
}

bool in_scope(const TenantScope& scope, const TenantPath& path) {
    if (scope.id.empty())
        return false;  // a principal without a tenant sees nothing
    switch (scope.level) {
        case TenantLevel::Distributor:
            return path.distributorId == scope.id;
        case TenantLevel::Seller:
            return path.sellerId == scope.id;
        case TenantLevel::Customer:
            break;
    }
    return path.customerId == scope.id;
}

bool in_scope(const TenantScope& scope, const Organization& org) {
    return in_scope(scope, TenantPath{org.distributorId, org.sellerId, org.id});
}

bool is_staff(Role role) {
    return role == Role::DistributorAdmin || role == Role::SellerAdmin ||
           role == Role::AccountManager;
}

bool may_create_organizations(Role role) {
    return is_staff(role);
}

bool role_may_edit_field(Role role, std::string_view field) {
    if (!role_may(role, OrgAction::Edit))
        return false;
    for (const auto& f : kEditableFields) {
        if (f.name == field)
            return !f.sellersOnly || is_staff(role);
    }
    return false;  // not a field an edit changes
}

std::vector<std::string_view> fields_role_may_not_change(Role role, const Organization& before,
                                                         const Organization& after) {
    std::vector<std::string_view> refused;
    if (is_staff(role))
        return refused;  // staff may change every field an edit changes
    const Json was = editable_json(before);
    const Json is = editable_json(after);
    for (const auto& f : kEditableFields) {
        if (!role_may_edit_field(role, f.name) &&
            value_at(was, f.pointer) != value_at(is, f.pointer))
            refused.push_back(f.name);
    }
    return refused;
}

Role customer_role(MemberRole role) {
    switch (role) {
        case MemberRole::Owner:
            return Role::CustomerOwner;
        case MemberRole::Admin:
            return Role::CustomerAdmin;
        case MemberRole::Member:
            break;
    }
    return Role::CustomerMember;
}

bool role_may(Role role, OrgAction action) {
    const bool staff = is_staff(role);
    const bool admin = role == Role::DistributorAdmin || role == Role::SellerAdmin;
    switch (action) {
        case OrgAction::Approve:
        case OrgAction::Reject:
            return staff;
        case OrgAction::Suspend:
        case OrgAction::Resume:
        case OrgAction::Delete:
            return admin;
        case OrgAction::Edit:
            return staff || role == Role::CustomerOwner || role == Role::CustomerAdmin;
    }
    return false;
}

}  // namespace orgdesk::core
