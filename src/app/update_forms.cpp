// The create form and the profile's edit dialogs: text in, the core's validation, then the
// request. Invalid data never leaves the browser; the server checks the same rules again.
#include <utility>

#include "app/updater.hpp"
#include "core/organization_validation.hpp"

namespace orgdesk::app {
namespace {

Form& form_of(State& state, FormKind kind) {
    return kind == FormKind::Create ? state.create : state.profile.edit;
}

// The keys of the customer JSON that each edit dialog changes.
std::vector<const char*> section_keys(ProfileDialog dialog) {
    switch (dialog) {
        case ProfileDialog::EditBilling:
            return {"billing"};
        case ProfileDialog::EditBuyerTags:
            return {"buyerTags"};
        default:
            break;
    }
    return {"name",
            "segment",
            "primaryContact",
            "customerReference",
            "externalContract",
            "purchasedNumbers"};
}

// The form's organization, or the field errors that stop it.
core::Result<core::Organization> checked(const core::Organization& base, const Form& form) {
    core::Organization org = apply_texts(base, form.texts);
    org.ownershipType = form.ownershipType;
    return core::normalized_organization(std::move(org));
}

}  // namespace

void Updater::operator()(const CreateOrganizationClicked&) {
    if (!state_.session)
        return;
    state_.screen = Screen::CreateOrganization;
    state_.create = Form{};
    // A Distributor Admin chooses which of its sellers the organization belongs to.
    if (state_.session->user.role == core::Role::DistributorAdmin && state_.sellers.empty() &&
        !state_.pendingSellers) {
        state_.pendingSellers = send(Purpose::LoadSellers, "GET", "/api/v1/sellers");
    }
}

void Updater::operator()(const SellerChosen& e) {
    state_.create.sellerId = e.id;
    std::erase_if(state_.create.fieldErrors,
                  [](const core::FieldError& f) { return f.field == "sellerId"; });
}

void Updater::sellers_loaded(const HttpAnswered& a) {
    Notice error;
    const auto items = list_items(a, state_.pendingSellers, error);
    if (!items) {
        if (!error.empty())
            state_.create.error = error;
        return;
    }
    state_.sellers.clear();
    for (const auto& item : *items) {
        if (item.is_object() && item.value("id", core::Json()).is_string() &&
            item.value("name", core::Json()).is_string()) {
            state_.sellers.push_back(
                {item["id"].get<std::string>(), item["name"].get<std::string>()});
        }
    }
    if (state_.sellers.size() == 1)
        state_.create.sellerId = state_.sellers.front().id;
}

void Updater::operator()(const FormFieldEdited& e) {
    Form& form = form_of(state_, e.form);
    form[e.field] = e.value;
    std::erase_if(form.fieldErrors,
                  [&e](const core::FieldError& f) { return f.field == wire_name(e.field); });
}

void Updater::operator()(const OwnershipTypeChosen& e) {
    state_.create.ownershipType = e.type;
    state_.create.fieldErrors.clear();
}

void Updater::operator()(const FormSubmitted& e) {
    Form& form = form_of(state_, e.form);
    if (form.pending || !state_.session)
        return;
    const bool creating = e.form == FormKind::Create;
    if (!creating && !state_.profile.customer)
        return;
    const core::Organization base = creating ? core::Organization{} : state_.profile.customer->org;
    auto org = checked(base, form);
    const bool needsSeller = creating &&
                             state_.session->user.role == core::Role::DistributorAdmin &&
                             form.sellerId.empty();
    if (!org || needsSeller) {
        form.error = std::string(core::kOrganizationInvalidMessage);
        form.fieldErrors = org ? std::vector<core::FieldError>{} : org.error().fields;
        if (needsSeller) {
            form.fieldErrors.insert(form.fieldErrors.begin(),
                                    {"sellerId", "Choose the seller the organization belongs to."});
        }
        return;
    }
    form.error.clear();
    form.fieldErrors.clear();
    const core::Json editable = core::editable_json(*org);
    if (creating) {
        core::Json body = editable;
        if (org->ownershipType == core::OwnershipType::ServiceProvider && !org->owner) {
            body.erase("owner");
        }
        if (!form.sellerId.empty())
            body["sellerId"] = form.sellerId;
        form.pending = send(Purpose::CreateCustomer, "POST", "/api/v1/customers",
                            {body.dump(), {}, idempotency_key("create")});
        return;
    }
    core::Json patch = core::Json::object();
    for (const char* key : section_keys(state_.profile.dialog))
        patch[key] = editable[key];
    state_.profile.runningAction = core::OrgAction::Edit;
    send_change("PATCH", customer_path(state_.profile.id), patch.dump());
}

void Updater::operator()(const CreateCancelled&) {
    if (state_.session && !state_.create.pending)
        state_.screen = Screen::Organizations;
}

void Updater::created(const HttpAnswered& a) {
    Form& form = state_.create;
    if (form.pending != a.id)
        return;
    form.pending.reset();
    if (!succeeded(a)) {
        const auto error = error_of(a);
        form.error = notice_of(error);
        form.fieldErrors = error.fields;
        return;
    }
    Notice error;
    auto view = decode_customer(a, error);
    if (!view) {
        form.error = error;
        return;
    }
    state_.toast = Toast{view->org.name + " was created. It waits for approval as New.", false};
    state_.screen = Screen::Profile;
    state_.profile = Profile{};
    state_.profile.id = view->org.id;
    state_.profile.customer = std::move(*view);
    state_.create = Form{};
    reload_list();
}

}  // namespace orgdesk::app
