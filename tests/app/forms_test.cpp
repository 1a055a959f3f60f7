// The create form and the edit dialogs: the core's validation before sending, the server's
// field errors after, and what is sent.
#include <gtest/gtest.h>

#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::Json;
using core::OrgAction;
using core::OrgStatus;

State create_form_with(std::initializer_list<std::pair<OrgField, std::string>> fields) {
    State s = update(signed_in_with_list(), CreateOrganizationClicked{}).state;
    for (const auto& [field, value] : fields) {
        s = update(s, FormFieldEdited{FormKind::Create, field, value}).state;
    }
    return s;
}

std::vector<std::string> fields_of(const std::vector<core::FieldError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors)
        out.push_back(e.field);
    return out;
}

TEST(AppForms, AMissingBillingFieldIsShownAtTheFieldAndNothingIsSent) {
    State s = create_form_with({{OrgField::Name, "Ωmega Logistics ООО"},
                                {OrgField::Segment, "SMB"},
                                {OrgField::OwnerName, "Elena Petrova"},
                                {OrgField::OwnerEmail, "elena@omega.example"},
                                {OrgField::BillingCompany, "Ωmega"},
                                {OrgField::BillingCountry, "RU"}});
    EXPECT_EQ(s.screen, Screen::CreateOrganization);
    auto t = update(s, FormSubmitted{FormKind::Create});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.create.error, "Organization is invalid.");
    EXPECT_EQ(fields_of(t.state.create.fieldErrors), std::vector<std::string>{"billing.address"});

    // Typing into the field clears its error; submitting now sends the create.
    t = update(t.state, FormFieldEdited{FormKind::Create, OrgField::BillingAddress, "Kazan 1"});
    EXPECT_TRUE(t.state.create.fieldErrors.empty());
    t = update(t.state, FormSubmitted{FormKind::Create});
    const auto& request = only_request(t);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/api/v1/customers");
    EXPECT_EQ(request.idempotencyKey, "tok-create-1");
    const Json body = Json::parse(request.body);
    EXPECT_EQ(body["name"], "Ωmega Logistics ООО");
    EXPECT_EQ(body["billing"]["address"], "Kazan 1");
    EXPECT_EQ(body["billing"]["email"], "elena@omega.example");  // the owner's email bills
    EXPECT_FALSE(body.contains("status"));
}

TEST(AppForms, AServiceProviderNeedsNoOwner) {
    State s =
        create_form_with({{OrgField::Name, "Fjord Analytics AS"}, {OrgField::Segment, "SMB"}});
    s = update(s, OwnershipTypeChosen{core::OwnershipType::ServiceProvider}).state;
    const auto t = update(s, FormSubmitted{FormKind::Create});
    const Json body = Json::parse(only_request(t).body);
    EXPECT_EQ(body["ownershipType"], "ServiceProvider");
    EXPECT_FALSE(body.contains("owner"));
}

TEST(AppForms, TheServersFieldErrorsAreShownAtTheirFields) {
    State s = create_form_with({{OrgField::Name, "X"}, {OrgField::Segment, "SMB"}});
    s = update(s, OwnershipTypeChosen{core::OwnershipType::ServiceProvider}).state;
    auto t = update(s, FormSubmitted{FormKind::Create});
    const auto id = only_request(t).id;
    t = update(t.state,
               HttpAnswered{id, Purpose::CreateCustomer, 400,
                            problem(core::ErrorKind::InvalidInput, "Organization is invalid.",
                                    {{"segment", "Unknown segment."}})});
    EXPECT_EQ(t.state.create.error, "Organization is invalid.");
    EXPECT_EQ(fields_of(t.state.create.fieldErrors), std::vector<std::string>{"segment"});
    EXPECT_EQ(t.state.screen, Screen::CreateOrganization);
}

TEST(AppForms, ACreatedOrganizationOpensItsProfile) {
    State s =
        create_form_with({{OrgField::Name, "Fjord Analytics AS"}, {OrgField::Segment, "SMB"}});
    s = update(s, OwnershipTypeChosen{core::OwnershipType::ServiceProvider}).state;
    auto t = update(s, FormSubmitted{FormKind::Create});
    const auto id = only_request(t).id;
    auto created = customer("c9", OrgStatus::New, {OrgAction::Approve});
    created.org.name = "Fjord Analytics AS";
    t = update(t.state,
               HttpAnswered{id, Purpose::CreateCustomer, 201, core::to_json(created).dump()});
    EXPECT_EQ(t.state.screen, Screen::Profile);
    EXPECT_EQ(t.state.profile.customer->org.id, "c9");
    EXPECT_EQ(t.state.toast->text, "Fjord Analytics AS was created. It waits for approval as New.");
    // A second create gets a key of its own.
    t = update(apply(t.state, {CreateOrganizationClicked{},
                               FormFieldEdited{FormKind::Create, OrgField::Name, "Y"},
                               FormFieldEdited{FormKind::Create, OrgField::Segment, "SMB"},
                               OwnershipTypeChosen{core::OwnershipType::ServiceProvider}}),
               FormSubmitted{FormKind::Create});
    EXPECT_EQ(std::get<HttpRequest>(t.effects.back()).idempotencyKey, "tok-create-2");
}

TEST(AppForms, EditingBuyerTagsSendsOnlyThemWithTheVersion) {
    auto view = customer("c1", OrgStatus::Active, {OrgAction::Edit});
    view.org.buyerTags = {"vip"};
    State s = apply(profile_of(view), {DialogOpened{ProfileDialog::EditBuyerTags}});
    EXPECT_EQ(s.profile.edit.texts[OrgField::BuyerTags], "vip");
    s = update(s, FormFieldEdited{FormKind::Edit, OrgField::BuyerTags, "vip, north, "}).state;
    EXPECT_EQ(s.profile.edit.texts[OrgField::BuyerTags], "vip, north, ");  // kept as typed
    auto t = update(s, DialogConfirmed{});
    const auto& request = only_request(t);
    EXPECT_EQ(request.method, "PATCH");
    EXPECT_EQ(request.path, "/api/v1/customers/c1");
    EXPECT_EQ(request.ifMatch, "3");
    EXPECT_EQ(Json::parse(request.body), (Json{{"buyerTags", {"vip", "north"}}}));

    auto saved = view;
    saved.org.buyerTags = {"vip", "north"};
    saved.org.version = 4;
    t = update(t.state,
               HttpAnswered{request.id, Purpose::CustomerAction, 200, core::to_json(saved).dump()});
    EXPECT_EQ(t.state.profile.dialog, ProfileDialog::None);
    EXPECT_EQ(t.state.profile.customer->org.buyerTags, saved.org.buyerTags);
}

TEST(AppForms, AStaleEditSaysSoAndShowsTheNewerData) {
    auto view = customer("c1", OrgStatus::Active, {OrgAction::Edit});
    State s = apply(profile_of(view),
                    {DialogOpened{ProfileDialog::EditInformation},
                     FormFieldEdited{FormKind::Edit, OrgField::CustomerReference, "CR-1"}});
    auto t = update(s, DialogConfirmed{});
    const auto patch = only_request(t);
    t = update(t.state, HttpAnswered{patch.id, Purpose::CustomerAction, 412,
                                     problem(core::ErrorKind::StaleVersion,
                                             "This customer organization was changed by someone "
                                             "else (it is now at version 4). Reload it and try "
                                             "again.")});
    EXPECT_EQ(t.state.profile.dialog, ProfileDialog::EditInformation);  // still open
    EXPECT_NE(t.state.profile.edit.error.text.find("changed by someone else"), std::string::npos);
    const auto reload = only_request(t);
    EXPECT_EQ(reload.path, "/api/v1/customers/c1");
    auto newer = view;
    newer.org.customerReference = "CR-THEIRS";
    newer.org.version = 4;
    t = update(t.state,
               HttpAnswered{reload.id, Purpose::LoadCustomer, 200, core::to_json(newer).dump()});
    EXPECT_EQ(t.state.profile.edit.texts[OrgField::CustomerReference], "CR-THEIRS");
    EXPECT_EQ(t.state.profile.customer->org.version, 4);
}

}  // namespace
}  // namespace orgdesk::app

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;

TEST(AppForms, ADistributorAdminChoosesTheSeller) {
    State s;
    s.session = Session{"tok.secret", 0, {}};
    s.session->user = {
        "u9", "distributor@demo.test", "Dana", core::Role::DistributorAdmin, "d1", "", ""};
    s.screen = Screen::Organizations;
    auto t = update(s, CreateOrganizationClicked{});
    const auto load = only_request(t);
    EXPECT_EQ(load.path, "/api/v1/sellers");
    t = update(t.state, HttpAnswered{load.id, Purpose::LoadSellers, 200,
                                     R"({"items":[{"id":"s1","name":"Aurora IT Partners"},
                                                  {"id":"s2","name":"Baltic Reseller Group"}]})"});
    ASSERT_EQ(t.state.sellers.size(), 2U);
    s = apply(t.state, {FormFieldEdited{FormKind::Create, OrgField::Name, "Fjord Analytics AS"},
                        FormFieldEdited{FormKind::Create, OrgField::Segment, "SMB"},
                        OwnershipTypeChosen{core::OwnershipType::ServiceProvider}});
    t = update(s, FormSubmitted{FormKind::Create});
    EXPECT_TRUE(t.effects.empty());
    EXPECT_EQ(t.state.create.fieldErrors.at(0).field, "sellerId");

    t = update(update(t.state, SellerChosen{"s2"}).state, FormSubmitted{FormKind::Create});
    EXPECT_EQ(core::Json::parse(only_request(t).body)["sellerId"], "s2");
}

TEST(AppForms, SellerStaffNeedNoSellerChoice) {
    const auto t = update(signed_in_with_list(), CreateOrganizationClicked{});
    EXPECT_TRUE(t.effects.empty());
}

}  // namespace
}  // namespace orgdesk::app
