#include "core/organization_validation.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "core/tax_rates.hpp"
#include "core/text.hpp"

namespace orgdesk::core {
namespace {

std::string trimmed(std::string_view text) {
    return std::string(trim(text));
}

bool has_control_characters(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

// Counts code points, not bytes, so "株式会社" is four characters long.
std::size_t length_of(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

class Checker {
  public:
    void required(const char* field, std::string_view value, const char* what) {
        if (trimmed(value).empty())
            add(field, std::string("Enter the ") + what + ".");
    }

    void text(const char* field, std::string_view value, std::size_t max = kMaxTextLength) {
        if (length_of(value) > max) {
            add(field, "Use at most " + std::to_string(max) + " characters.");
        } else if (has_control_characters(value)) {
            add(field, "Remove the line breaks and other control characters.");
        }
    }

    void email(const char* field, std::string_view value) {
        if (!value.empty() && !is_valid_email(value)) {
            add(field, "Enter an email address such as name@company.com.");
        }
    }

    void phone(const std::string& field, std::string_view value) {
        if (!value.empty() && !is_valid_phone(value)) {
            add(field,
                "Enter a phone number of digits, spaces and + - ( ), such as +46 8 555 1234.");
        }
    }

    void country(const char* field, std::string_view value) {
        const bool code = value.size() == 2 && std::all_of(value.begin(), value.end(), [](char c) {
                              return c >= 'A' && c <= 'Z';
                          });
        if (!value.empty() && !code) {
            add(field, "Enter the two-letter country code, such as SE.");
        } else if (!tax_rate_basis_points(value)) {
            add(field, "Orgdesk has no tax rate for " + std::string(value) +
                           ", so it cannot bill there. Choose a country Orgdesk sells to, or ask "
                           "your distributor to add this one.");
        }
    }

    void list(const char* field, const std::vector<std::string>& items, std::size_t maxLength) {
        if (items.size() > kMaxListItems) {
            add(field, "Use at most " + std::to_string(kMaxListItems) + " entries.");
            return;
        }
        std::set<std::string> seen;
        for (const auto& item : items) {
            if (trimmed(item).empty()) {
                add(field, "Remove the empty entry.");
                return;
            }
            if (length_of(item) > maxLength || has_control_characters(item)) {
                add(field, "\"" + item + "\" is too long or has control characters.");
                return;
            }
            if (!seen.insert(item).second) {
                add(field, "\"" + item + "\" is listed twice.");
                return;
            }
        }
    }

    void add(std::string field, std::string message) {
        // One message per field: the first problem is the one to fix first.
        const bool known = std::any_of(errors_.begin(), errors_.end(),
                                       [&field](const FieldError& e) { return e.field == field; });
        if (!known)
            errors_.push_back({std::move(field), std::move(message)});
    }

    std::vector<FieldError> take() { return std::move(errors_); }

  private:
    std::vector<FieldError> errors_;
};

}  // namespace

bool is_valid_email(std::string_view text) {
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 ||
        text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const auto domain = text.substr(at + 1);
    const auto dot = domain.rfind('.');
    const bool spaces = text.find_first_of(" \t\r\n<>,;\"") != std::string_view::npos;
    return !spaces && dot != std::string_view::npos && dot > 0 && dot + 2 <= domain.size() &&
           text.size() <= 254;
}

bool is_valid_phone(std::string_view text) {
    int digits = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
            return false;
        }
    }
    return digits >= 3 && digits <= 20 && text.find('+', 1) == std::string_view::npos;
}

std::vector<FieldError> validate_organization(const Organization& org) {
    Checker check;
    check.required("name", org.name, "organization name");
    check.text("name", org.name, kMaxNameLength);
    check.required("segment", org.segment, "customer segment");
    check.text("segment", org.segment);

    const bool customerOwned = org.ownershipType == OwnershipType::Customer;
    if (customerOwned) {
        // Seed 003: "Billing information and owner details are required".
        const Person owner = org.owner.value_or(Person{});
        check.required("owner.name", owner.name, "owner's name");
        check.required("owner.email", owner.email, "owner's email");
        check.required("billing.company", org.billing.company, "billing company");
        check.required("billing.address", org.billing.address, "billing address");
        check.required("billing.country", org.billing.country, "billing country");
    }
    if (org.owner) {
        check.text("owner.name", org.owner->name);
        check.email("owner.email", org.owner->email);
    }
    check.text("billing.company", org.billing.company);
    check.text("billing.address", org.billing.address);
    check.country("billing.country", org.billing.country);
    check.text("billing.taxId", org.billing.taxId);
    check.email("billing.email", org.billing.email);
    check.text("primaryContact.name", org.primaryContact.name);
    check.text("primaryContact.role", org.primaryContact.role);
    check.phone("primaryContact.phone", org.primaryContact.phone);
    check.text("customerReference", org.customerReference);
    check.text("externalContract", org.externalContract);
    check.list("purchasedNumbers", org.purchasedNumbers, 32);
    for (const auto& number : org.purchasedNumbers)
        check.phone("purchasedNumbers", number);
    check.list("buyerTags", org.buyerTags, kMaxTagLength);
    return check.take();
}

Result<Organization> normalized_organization(Organization org) {
    for (std::string* text :
         {&org.name, &org.segment, &org.billing.company, &org.billing.address, &org.billing.country,
          &org.billing.taxId, &org.billing.email, &org.primaryContact.name,
          &org.primaryContact.role, &org.primaryContact.phone, &org.customerReference,
          &org.externalContract}) {
        *text = trimmed(*text);
    }
    for (auto& item : org.purchasedNumbers)
        item = trimmed(item);
    for (auto& item : org.buyerTags)
        item = trimmed(item);
    if (org.owner) {
        org.owner->name = trimmed(org.owner->name);
        org.owner->email = trimmed(org.owner->email);
        if (org.owner->name.empty() && org.owner->email.empty())
            org.owner.reset();
    }
    // Seed 003: "Owner Email will be used as billing email".
    if (org.ownershipType == OwnershipType::Customer && org.owner) {
        org.billing.email = org.owner->email;
    }
    auto errors = validate_organization(org);
    if (!errors.empty()) {
        return make_error(ErrorKind::InvalidInput, "organization-invalid",
                          std::string(kOrganizationInvalidMessage), std::move(errors));
    }
    return org;
}

}  // namespace orgdesk::core
