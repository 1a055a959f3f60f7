#include "app/org_fields.hpp"

#include "core/text.hpp"

namespace orgdesk::app {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

// "a, b,,c " -> {"a", "b", "c"}; trimming and empty entries are the form's business.
std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> items;
    std::string item;
    auto flush = [&] {
        if (const auto entry = core::trim(item); !entry.empty())
            items.emplace_back(entry);
        item.clear();
    };
    for (const char c : text) {
        if (c == ',') {
            flush();
        } else {
            item += c;
        }
    }
    flush();
    return items;
}

core::Person& owner_of(core::Organization& org) {
    if (!org.owner)
        org.owner = core::Person{};
    return *org.owner;
}

}  // namespace

std::string_view wire_name(OrgField field) {
    switch (field) {
        case OrgField::Name:
            return "name";
        case OrgField::Segment:
            return "segment";
        case OrgField::OwnerName:
            return "owner.name";
        case OrgField::OwnerEmail:
            return "owner.email";
        case OrgField::BillingCompany:
            return "billing.company";
        case OrgField::BillingAddress:
            return "billing.address";
        case OrgField::BillingCountry:
            return "billing.country";
        case OrgField::BillingTaxId:
            return "billing.taxId";
        case OrgField::BillingEmail:
            return "billing.email";
        case OrgField::ContactName:
            return "primaryContact.name";
        case OrgField::ContactRole:
            return "primaryContact.role";
        case OrgField::ContactPhone:
            return "primaryContact.phone";
        case OrgField::CustomerReference:
            return "customerReference";
        case OrgField::ExternalContract:
            return "externalContract";
        case OrgField::PurchasedNumbers:
            return "purchasedNumbers";
        case OrgField::BuyerTags:
            break;
    }
    return "buyerTags";
}

namespace {

std::string text_of(const core::Organization& org, OrgField field) {
    const core::Person owner = org.owner.value_or(core::Person{});
    switch (field) {
        case OrgField::Name:
            return org.name;
        case OrgField::Segment:
            return org.segment;
        case OrgField::OwnerName:
            return owner.name;
        case OrgField::OwnerEmail:
            return owner.email;
        case OrgField::BillingCompany:
            return org.billing.company;
        case OrgField::BillingAddress:
            return org.billing.address;
        case OrgField::BillingCountry:
            return org.billing.country;
        case OrgField::BillingTaxId:
            return org.billing.taxId;
        case OrgField::BillingEmail:
            return org.billing.email;
        case OrgField::ContactName:
            return org.primaryContact.name;
        case OrgField::ContactRole:
            return org.primaryContact.role;
        case OrgField::ContactPhone:
            return org.primaryContact.phone;
        case OrgField::CustomerReference:
            return org.customerReference;
        case OrgField::ExternalContract:
            return org.externalContract;
        case OrgField::PurchasedNumbers:
            return joined(org.purchasedNumbers);
        case OrgField::BuyerTags:
            break;
    }
    return joined(org.buyerTags);
}

void set_text(core::Organization& org, OrgField field, const std::string& text) {
    switch (field) {
        case OrgField::Name:
            org.name = text;
            break;
        case OrgField::Segment:
            org.segment = text;
            break;
        case OrgField::OwnerName:
            owner_of(org).name = text;
            break;
        case OrgField::OwnerEmail:
            owner_of(org).email = text;
            break;
        case OrgField::BillingCompany:
            org.billing.company = text;
            break;
        case OrgField::BillingAddress:
            org.billing.address = text;
            break;
        case OrgField::BillingCountry:
            org.billing.country = text;
            break;
        case OrgField::BillingTaxId:
            org.billing.taxId = text;
            break;
        case OrgField::BillingEmail:
            org.billing.email = text;
            break;
        case OrgField::ContactName:
            org.primaryContact.name = text;
            break;
        case OrgField::ContactRole:
            org.primaryContact.role = text;
            break;
        case OrgField::ContactPhone:
            org.primaryContact.phone = text;
            break;
        case OrgField::CustomerReference:
            org.customerReference = text;
            break;
        case OrgField::ExternalContract:
            org.externalContract = text;
            break;
        case OrgField::PurchasedNumbers:
            org.purchasedNumbers = split(text);
            break;
        case OrgField::BuyerTags:
            org.buyerTags = split(text);
            break;
    }
}

}  // namespace

FormTexts texts_of(const core::Organization& org) {
    FormTexts texts;
    for (std::size_t i = 0; i < kOrgFieldCount; ++i) {
        texts.values[i] = text_of(org, static_cast<OrgField>(i));
    }
    return texts;
}

core::Organization apply_texts(core::Organization base, const FormTexts& texts) {
    const bool hadOwner = base.owner.has_value();
    for (std::size_t i = 0; i < kOrgFieldCount; ++i) {
        set_text(base, static_cast<OrgField>(i), texts.values[i]);
    }
    // An owner appears only when the form gave one (a Service Provider may have none).
    if (!hadOwner && texts[OrgField::OwnerName].empty() && texts[OrgField::OwnerEmail].empty()) {
        base.owner.reset();
    }
    return base;
}

}  // namespace orgdesk::app
