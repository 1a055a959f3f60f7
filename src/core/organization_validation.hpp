#pragma once
// What makes organization data valid (seed 003): the fields every organization needs, and the
// different requirements of the two ownership types. The web app checks a form with the same
// function before it sends it; the server checks again before it writes.
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/organization.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

// The seed's exact text for invalid organization data.
inline constexpr std::string_view kOrganizationInvalidMessage = "Organization is invalid.";

inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxTextLength = 200;
inline constexpr std::size_t kMaxTagLength = 40;
inline constexpr std::size_t kMaxListItems = 50;

// Every field at fault, with a message a person can act on; empty when the data is valid.
std::vector<FieldError> validate_organization(const Organization& org);

// The organization as it is stored: trimmed text, and for a Customer-owned organization the
// owner's email as the billing email (seed 003). Fails with kOrganizationInvalidMessage and the
// fields at fault.
Result<Organization> normalized_organization(Organization org);

bool is_valid_email(std::string_view text);
bool is_valid_phone(std::string_view text);

}  // namespace orgdesk::core
