// Seed 003's rules for organization data, field by field, for both ownership types.
#include <gtest/gtest.h>

#include "core/organization_validation.hpp"

namespace orgdesk::core {
namespace {

Organization customer_owned() {
    Organization o;
    o.name = "Bäckerei Müller GmbH";
    o.segment = "SMB";
    o.ownershipType = OwnershipType::Customer;
    o.owner = Person{"Anna Müller", "anna@mueller.example"};
    o.billing = {"Bäckerei Müller GmbH", "Hauptstraße 1, München", "DE", "DE123456789", ""};
    o.primaryContact = {"Anna Müller", "CEO", "+49 89 555 1234"};
    o.purchasedNumbers = {"+4989555100"};
    o.buyerTags = {"priority", "bakery"};
    return o;
}

std::vector<std::string> fields_of(const std::vector<FieldError>& errors) {
    std::vector<std::string> fields;
    for (const auto& e : errors)
        fields.push_back(e.field);
    return fields;
}

TEST(OrganizationValidation, ACompleteCustomerOwnedOrganizationIsValid) {
    EXPECT_TRUE(validate_organization(customer_owned()).empty());
}

TEST(OrganizationValidation, CustomerOwnershipNeedsOwnerAndBilling) {
    auto o = customer_owned();
    o.owner.reset();
    o.billing = {};
    EXPECT_EQ(fields_of(validate_organization(o)),
              (std::vector<std::string>{"owner.name", "owner.email", "billing.company",
                                        "billing.address", "billing.country"}));
}

TEST(OrganizationValidation, ServiceProviderNeedsNeitherOwnerNorBilling) {
    auto o = customer_owned();
    o.ownershipType = OwnershipType::ServiceProvider;
    o.owner.reset();
    o.billing = {};
    EXPECT_TRUE(validate_organization(o).empty());
}

TEST(OrganizationValidation, NameAndSegmentAreAlwaysRequired) {
    auto o = customer_owned();
    o.name = "   ";
    o.segment.clear();
    const auto errors = validate_organization(o);
    EXPECT_EQ(fields_of(errors), (std::vector<std::string>{"name", "segment"}));
    EXPECT_EQ(errors[0].message, "Enter the organization name.");
}

TEST(OrganizationValidation, EachFieldIsCheckedForItsForm) {
    auto o = customer_owned();
    o.owner->email = "anna at mueller";
    o.billing.country = "Germany";
    o.primaryContact.phone = "call me";
    o.purchasedNumbers = {"+4989555100", "+4989555100"};
    o.buyerTags = {"ok", ""};
    o.customerReference = std::string(201, 'x');
    EXPECT_EQ(fields_of(validate_organization(o)),
              (std::vector<std::string>{"owner.email", "billing.country", "primaryContact.phone",
                                        "customerReference", "purchasedNumbers", "buyerTags"}));
}

TEST(OrganizationValidation, LengthsCountCharactersNotBytes) {
    auto o = customer_owned();
    o.name = "株式会社";
    EXPECT_TRUE(validate_organization(o).empty());
    o.name = std::string(kMaxNameLength, 'a');
    EXPECT_TRUE(validate_organization(o).empty());
    o.name += "a";
    EXPECT_EQ(fields_of(validate_organization(o)), (std::vector<std::string>{"name"}));
}

TEST(OrganizationValidation, NormalizingTrimsAndBillsTheOwnersEmail) {
    auto o = customer_owned();
    o.name = "  Ωmega Logistics ООО ";
    o.billing.email = "other@example.com";
    const auto result = normalized_organization(o);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->name, "Ωmega Logistics ООО");
    EXPECT_EQ(result->billing.email, "anna@mueller.example");
}

TEST(OrganizationValidation, InvalidDataGivesTheSeedMessageAndTheFields) {
    auto o = customer_owned();
    o.billing.address.clear();
    const auto result = normalized_organization(o);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(result.error().message, "Organization is invalid.");
    EXPECT_EQ(fields_of(result.error().fields), (std::vector<std::string>{"billing.address"}));
}

TEST(OrganizationValidation, EmailAndPhoneForms) {
    EXPECT_TRUE(is_valid_email("a.b@c.example"));
    for (const char* bad : {"", "a", "@c.de", "a@", "a@b", "a@b.", "a b@c.de", "a@@c.de"}) {
        EXPECT_FALSE(is_valid_email(bad)) << bad;
    }
    EXPECT_TRUE(is_valid_phone("+46 (8) 555-1234"));
    for (const char* bad : {"12", "46+8", "555 1234 ext 5", "++4655512"}) {
        EXPECT_FALSE(is_valid_phone(bad)) << bad;
    }
}

}  // namespace
}  // namespace orgdesk::core
