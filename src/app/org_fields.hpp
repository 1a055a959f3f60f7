#pragma once
// The fields of an organization that forms edit, as text: one table for the create form and the
// edit dialogs, and the wire name that server and core field errors use ("billing.address").
#include <array>
#include <string>
#include <string_view>

#include "core/organization.hpp"

namespace orgdesk::app {

enum class OrgField {
    Name,
    Segment,
    OwnerName,
    OwnerEmail,
    BillingCompany,
    BillingAddress,
    BillingCountry,
    BillingTaxId,
    BillingEmail,
    ContactName,
    ContactRole,
    ContactPhone,
    CustomerReference,
    ExternalContract,
    PurchasedNumbers,  // comma-separated in the form
    BuyerTags,         // comma-separated in the form
};

inline constexpr std::size_t kOrgFieldCount = static_cast<std::size_t>(OrgField::BuyerTags) + 1;

std::string_view wire_name(OrgField field);

// A form's fields exactly as typed (so "vip, " keeps its comma while the person types on).
struct FormTexts {
    std::array<std::string, kOrgFieldCount> values;
    const std::string& operator[](OrgField f) const { return values[static_cast<std::size_t>(f)]; }
    std::string& operator[](OrgField f) { return values[static_cast<std::size_t>(f)]; }
    bool operator==(const FormTexts&) const = default;
};

FormTexts texts_of(const core::Organization& org);
// `base` with every field of the form applied (lists split at commas, owner set when given).
core::Organization apply_texts(core::Organization base, const FormTexts& texts);

}  // namespace orgdesk::app
