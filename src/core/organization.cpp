#include "core/organization.hpp"

#include "core/enum_names.hpp"

namespace orgdesk::core {
namespace {

constexpr EnumNames<OrgStatus, 5> kStatusNames{{
    {OrgStatus::New, "New"},
    {OrgStatus::Active, "Active"},
    {OrgStatus::Blocked, "Blocked"},
    {OrgStatus::Rejected, "Rejected"},
    {OrgStatus::Deleted, "Deleted"},
}};

constexpr EnumNames<OwnershipType, 2> kOwnershipNames{{
    {OwnershipType::Customer, "Customer"},
    {OwnershipType::ServiceProvider, "ServiceProvider"},
}};

}  // namespace

std::string_view to_string(OrgStatus status) {
    return name_of(kStatusNames, status);
}
std::optional<OrgStatus> parse_org_status(std::string_view text) {
    return value_of(kStatusNames, text);
}
std::string_view to_string(OwnershipType type) {
    return name_of(kOwnershipNames, type);
}
std::optional<OwnershipType> parse_ownership_type(std::string_view text) {
    return value_of(kOwnershipNames, text);
}

}  // namespace orgdesk::core
