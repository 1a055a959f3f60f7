#pragma once
// The short, domain-like name the Commvault-style webservice API gives an organization
// (seed 002's `providerDomainName`, and `shortName.domainName` in the organization list).
#include <cstddef>
#include <string>
#include <string_view>

namespace orgdesk::core {

inline constexpr std::size_t kMaxProviderDomainNameLength = 63;  // one DNS label
inline constexpr std::string_view kFallbackProviderDomainName = "organization";

// Derived from the organization's name, the same name always giving the same result: ASCII
// letters lowercased and digits kept, common Latin letters with diacritics spelled in ASCII
// ("Bäckerei Müller GmbH" -> "backereimullergmbh", "Ångström" -> "angstrom", "ß" -> "ss"),
// everything else (spaces, punctuation, other scripts, malformed UTF-8) dropped; cut to
// kMaxProviderDomainNameLength. A name with nothing left gives kFallbackProviderDomainName.
// Not unique: two organizations may share it; the provider id is what identifies one.
std::string provider_domain_name(std::string_view organizationName);

}  // namespace orgdesk::core
