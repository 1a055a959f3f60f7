#include "core/organization.hpp"

#include <array>
#include <utility>

namespace orgdesk::core {
namespace {

constexpr std::array<std::pair<OrgStatus, std::string_view>, 5> kStatusNames{{
    {OrgStatus::New, "New"},
    {OrgStatus::Active, "Active"},
    {OrgStatus::Blocked, "Blocked"},
    {OrgStatus::Rejected, "Rejected"},
    {OrgStatus::Deleted, "Deleted"},
}};

constexpr std::array<std::pair<OwnershipType, std::string_view>, 2> kOwnershipNames{{
    {OwnershipType::Customer, "Customer"},
    {OwnershipType::ServiceProvider, "ServiceProvider"},
}};

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
    for (const auto& [value, name] : table) {
        if (value == e)
            return name;
    }
    return "";
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view text) {
    for (const auto& [value, name] : table) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

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
