#pragma once
// The customer organization: the central model of the partner portal.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgdesk::core {

enum class OrgStatus { New, Active, Blocked, Rejected, Deleted };
enum class OwnershipType { Customer, ServiceProvider };

inline constexpr OrgStatus kAllOrgStatuses[] = {
    OrgStatus::New, OrgStatus::Active, OrgStatus::Blocked, OrgStatus::Rejected, OrgStatus::Deleted};

std::string_view to_string(OrgStatus status);
std::optional<OrgStatus> parse_org_status(std::string_view text);
std::string_view to_string(OwnershipType type);
std::optional<OwnershipType> parse_ownership_type(std::string_view text);

struct Person {
    std::string name;
    std::string email;
    bool operator==(const Person&) const = default;
};

struct Contact {
    std::string name;
    std::string role;
    std::string phone;
    bool operator==(const Contact&) const = default;
};

struct Billing {
    std::string company;
    std::string address;
    std::string country;
    std::string taxId;
    std::string email;
    bool operator==(const Billing&) const = default;
};

struct Organization {
    std::string id;  // UUID
    // A small sequential number per organization (1, 2, 3, ... in creation order), the id the
    // Commvault-style webservice API speaks.
    std::int64_t providerId = 0;
    std::string name;
    std::string segment;
    OrgStatus status = OrgStatus::New;
    OwnershipType ownershipType = OwnershipType::Customer;
    std::optional<Person> owner;
    Billing billing;
    Contact primaryContact;
    std::string customerReference;
    std::string externalContract;
    std::vector<std::string> purchasedNumbers;
    std::vector<std::string> buyerTags;
    std::string distributorId;
    std::string sellerId;
    int subscriptionCount = 0;
    int userCount = 0;
    std::string rejectionReason;  // set when the organization is rejected
    std::int64_t version = 1;
    std::int64_t createdAtMs = 0;
    std::int64_t updatedAtMs = 0;
    bool operator==(const Organization&) const = default;
};

}  // namespace orgdesk::core
