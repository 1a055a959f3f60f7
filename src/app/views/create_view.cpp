// The create form (seed 003): the ownership type decides which fields are required.
#include <imgui.h>

#include <string>

#include "app/views/form_fields.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {
namespace {

constexpr FormKind kCreate = FormKind::Create;

void section_title(const Ui& ui, const char* title) {
    ImGui::Dummy({0, ui.px(4)});
    ImGui::PushFont(ui.fonts.semibold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::Separator();
}

void ownership_choice(const Ui& ui, const Form& form) {
    section_title(ui, "Ownership type");
    const auto option = [&](const char* label, core::OwnershipType type, const char* help) {
        if (ImGui::RadioButton(label, form.ownershipType == type)) {
            ui.dispatch(OwnershipTypeChosen{type});
        }
        ImGui::SameLine();
        muted_text(help);
    };
    option("Customer", core::OwnershipType::Customer,
           "The customer has full control; owner details and billing are required, and the "
           "owner's email is the billing email.");
    option("Service Provider", core::OwnershipType::ServiceProvider,
           "You manage the organization; no owner needed, billing is optional.");
}

// A Distributor Admin picks one of its sellers; seller staff create under their own.
void seller_choice(const State& state, const Ui& ui) {
    if (!state.session || state.session->user.role != core::Role::DistributorAdmin)
        return;
    section_title(ui, "Seller");
    if (state.pendingSellers)
        muted_text(std::string("Loading sellers") + loading_dots());
    for (const auto& seller : state.sellers) {
        const std::string label = seller.name + "##seller-" + seller.id;
        if (ImGui::RadioButton(label.c_str(), state.create.sellerId == seller.id))
            ui.dispatch(SellerChosen{seller.id});
    }
    field_error(state.create.fieldErrors, "sellerId");
}

}  // namespace

void draw_create(const State& state, const Ui& ui) {
    const Form& form = state.create;
    const bool customer = form.ownershipType == core::OwnershipType::Customer;
    if (secondary_button("< Organizations##create-back"))
        ui.dispatch(CreateCancelled{});
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted("New organization");
    ImGui::PopFont();
    note_heading("New organization");
    form_error(ui, form);

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(24), ui.px(16)});
    ImGui::BeginChild("##create-card", {std::min(ui.px(760), ImGui::GetContentRegionAvail().x), 0},
                      ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    seller_choice(state, ui);
    ownership_choice(ui, form);

    section_title(ui, "Organization");
    form_field(ui, kCreate, form, OrgField::Name, "Organization name", true);
    form_field(ui, kCreate, form, OrgField::Segment, "Customer segment", true,
               "SMB, Enterprise, Education, Public Sector");
    form_field(ui, kCreate, form, OrgField::CustomerReference, "Customer reference");
    form_field(ui, kCreate, form, OrgField::ExternalContract, "External contract");
    form_field(ui, kCreate, form, OrgField::PurchasedNumbers, "Purchased numbers", false,
               "Separate several with commas");
    form_field(ui, kCreate, form, OrgField::BuyerTags, "Buyer tags", false,
               "Separate several with commas");

    section_title(ui, customer ? "Owner" : "Owner (optional)");
    form_field(ui, kCreate, form, OrgField::OwnerName, "Owner name", customer);
    form_field(ui, kCreate, form, OrgField::OwnerEmail, "Owner email", customer);

    section_title(ui, customer ? "Billing information" : "Billing information (optional)");
    form_field(ui, kCreate, form, OrgField::BillingCompany, "Billing company", customer);
    form_field(ui, kCreate, form, OrgField::BillingAddress, "Billing address", customer);
    form_field(ui, kCreate, form, OrgField::BillingCountry, "Country code", customer, "SE");
    form_field(ui, kCreate, form, OrgField::BillingTaxId, "Tax id");
    if (!customer)
        form_field(ui, kCreate, form, OrgField::BillingEmail, "Billing email");

    section_title(ui, "Primary contact");
    form_field(ui, kCreate, form, OrgField::ContactName, "Contact name");
    form_field(ui, kCreate, form, OrgField::ContactRole, "Contact role");
    form_field(ui, kCreate, form, OrgField::ContactPhone, "Contact phone");

    ImGui::Dummy({0, ui.px(8)});
    const bool busy = form.pending.has_value();
    if (primary_button(busy ? "Creating...##create" : "Create##create", !busy,
                       {ui.px(140), ui.px(38)})) {
        ui.dispatch(FormSubmitted{kCreate});
    }
    ImGui::SameLine();
    if (secondary_button("Cancel##create-cancel", {ui.px(100), ui.px(38)})) {
        ui.dispatch(CreateCancelled{});
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace orgdesk::app::views
