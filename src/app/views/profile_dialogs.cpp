// The profile's dialogs: edit (one section at a time), reject with a reason, suspend with the
// subscriptions choice, delete confirmed by typing the name, and the managed-type switch.
#include <imgui.h>

#include <string>

#include "app/views/form_fields.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"
#include "core/access_policy.hpp"

namespace orgdesk::app::views {
namespace {

constexpr FormKind kEdit = FormKind::Edit;

void profile_dialog_buttons(const Ui& ui, const Profile& profile, const char* confirm,
                            bool danger = false) {
    views::dialog_buttons(ui, profile.pendingAction.has_value(), confirm, danger);
}

void dialog_error(const Ui& ui, const Profile& profile) {
    error_notice(ui, profile.error);
}

void edit_dialog(const Ui& ui, const Profile& profile, core::Role role) {
    const Form& form = profile.edit;
    // The core's field policy: a customer sees its seller's fields but cannot change them.
    const auto field = [&](OrgField f, const char* label, bool required = false,
                           const char* hint = "") {
        form_field(ui, kEdit, form, f, label, required, hint,
                   !core::role_may_edit_field(role, wire_name(f)));
    };
    const bool customer = form.ownershipType == core::OwnershipType::Customer;
    switch (profile.dialog) {
        case ProfileDialog::EditInformation:
            field(OrgField::Name, "Organization name", true);
            field(OrgField::Segment, "Customer segment", true);
            field(OrgField::CustomerReference, "Customer reference");
            field(OrgField::ExternalContract, "External contract");
            field(OrgField::PurchasedNumbers, "Purchased numbers", false,
                  "Separate several with commas");
            field(OrgField::ContactName, "Contact name");
            field(OrgField::ContactRole, "Contact role");
            field(OrgField::ContactPhone, "Contact phone");
            break;
        case ProfileDialog::EditBilling:
            field(OrgField::BillingCompany, "Billing company", customer);
            field(OrgField::BillingAddress, "Billing address", customer);
            field(OrgField::BillingCountry, "Country code", customer);
            field(OrgField::BillingTaxId, "Tax id");
            if (customer) {
                muted_text("The owner's email is the billing email.");
            } else {
                field(OrgField::BillingEmail, "Billing email");
            }
            break;
        default:
            field(OrgField::BuyerTags, "Buyer tags", false, "Separate several with commas");
            break;
    }
    form_error(ui, form);
    profile_dialog_buttons(ui, profile, "Save##dialog-save");
}

// The approve shortcut's question: nothing changes until the person confirms.
void approve_dialog(const Ui& ui, const Profile& profile, const core::Organization& org) {
    ImGui::TextWrapped("%s becomes Active and can place orders.", org.name.c_str());
    muted_text("Enter approves, Escape cancels.");
    dialog_error(ui, profile);
    profile_dialog_buttons(ui, profile, "Approve##dialog-approve");
}

void reject_dialog(const Ui& ui, const Profile& profile) {
    ImGui::TextWrapped("The organization will be Rejected and cannot place orders.");
    ImGui::TextUnformatted("Reason");
    ImGui::SetNextItemWidth(-1);
    if (auto text = text_field("##Reason", profile.rejectReason, "Why is it rejected?")) {
        ui.dispatch(RejectReasonEdited{*text});
    }
    field_error(profile.dialogErrors, "reason");
    dialog_error(ui, profile);
    profile_dialog_buttons(ui, profile, "Reject##dialog-reject", true);
}

void suspend_dialog(const Ui& ui, const Profile& profile, const core::Organization& org) {
    ImGui::TextWrapped(
        "%s will be Blocked: it cannot place orders until it is resumed. Orders "
        "still waiting for approval are rejected.",
        org.name.c_str());
    const std::string subscriptions =
        std::to_string(org.subscriptionCount) + " active subscription(s):";
    ImGui::TextUnformatted(subscriptions.c_str());
    const auto choice = profile.subscriptionsOnSuspend;
    if (ImGui::RadioButton("Keep subscriptions##keep",
                           choice == core::SubscriptionsOnSuspend::Keep)) {
        ui.dispatch(SuspendChoiceMade{core::SubscriptionsOnSuspend::Keep});
    }
    if (ImGui::RadioButton("Cancel subscriptions##cancel",
                           choice == core::SubscriptionsOnSuspend::Cancel)) {
        ui.dispatch(SuspendChoiceMade{core::SubscriptionsOnSuspend::Cancel});
    }
    dialog_error(ui, profile);
    profile_dialog_buttons(ui, profile, "Suspend##dialog-suspend", true);
}

void delete_dialog(const Ui& ui, const Profile& profile, const core::Organization& org) {
    ImGui::TextWrapped("Deleting %s is final: it is kept only in the audit trail.",
                       org.name.c_str());
    ImGui::TextWrapped("Type the organization's name to confirm:");
    ImGui::SetNextItemWidth(-1);
    if (auto text = text_field("##Confirm name", profile.deleteConfirmation, org.name.c_str())) {
        ui.dispatch(DeleteConfirmationEdited{*text});
    }
    field_error(profile.dialogErrors, "confirmation");
    dialog_error(ui, profile);
    profile_dialog_buttons(ui, profile, "Delete##dialog-delete", true);
}

void ownership_dialog(const Ui& ui, const Profile& profile, const core::Organization& org) {
    OwnershipDialog d = profile.ownership;
    const auto edited = [&ui, &d] { ui.dispatch(OwnershipDialogEdited{d}); };
    if (org.ownershipType == core::OwnershipType::Customer) {
        ImGui::TextWrapped("Switch to Service Provider: the current owner is demoted to");
        if (ImGui::RadioButton("Admin##demote-admin", d.demoteTo == core::MemberRole::Admin)) {
            d.demoteTo = core::MemberRole::Admin;
            edited();
        }
        ImGui::SameLine();
        if (ImGui::RadioButton("Member##demote-member", d.demoteTo == core::MemberRole::Member)) {
            d.demoteTo = core::MemberRole::Member;
            edited();
        }
    } else {
        ImGui::TextWrapped("Switch to Customer: who becomes the owner?");
        if (ImGui::RadioButton("An existing member##owner-existing", d.existingMember)) {
            d.existingMember = true;
            edited();
        }
        if (d.existingMember) {
            for (const auto& member : profile.members) {
                const std::string label = member.name + " (" +
                                          std::string(core::to_string(member.role)) + ")##member-" +
                                          member.id;
                if (ImGui::RadioButton(label.c_str(), d.memberId == member.id)) {
                    d.memberId = member.id;
                    edited();
                }
            }
            if (profile.pendingMembers)
                muted_text(std::string("Loading members") + loading_dots());
        }
        if (ImGui::RadioButton("Someone new##owner-new", !d.existingMember)) {
            d.existingMember = false;
            edited();
        }
        if (!d.existingMember) {
            ImGui::SetNextItemWidth(-1);
            if (auto text = text_field("##New owner name", d.newOwnerName, "Name")) {
                d.newOwnerName = *text;
                edited();
            }
            ImGui::SetNextItemWidth(-1);
            if (auto text = text_field("##New owner email", d.newOwnerEmail, "Email")) {
                d.newOwnerEmail = *text;
                edited();
            }
        }
    }
    for (const auto& error : profile.dialogErrors) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
        ImGui::TextWrapped("%s", error.message.c_str());
        ImGui::PopStyleColor();
        note_item(error.message);
    }
    dialog_error(ui, profile);
    profile_dialog_buttons(ui, profile, "Switch##dialog-ownership");
}

const char* title_of(ProfileDialog dialog) {
    switch (dialog) {
        case ProfileDialog::EditInformation:
            return "Edit organization information";
        case ProfileDialog::EditBilling:
            return "Edit billing information";
        case ProfileDialog::EditBuyerTags:
            return "Edit buyer tags";
        case ProfileDialog::ConfirmApprove:
            return "Approve organization?";
        case ProfileDialog::Reject:
            return "Reject organization";
        case ProfileDialog::Suspend:
            return "Suspend organization";
        case ProfileDialog::Delete:
            return "Delete organization";
        case ProfileDialog::Ownership:
            return "Change managed type";
        case ProfileDialog::None:
            break;
    }
    return "";
}

}  // namespace

void draw_profile_dialogs(const State& state, const Ui& ui) {
    const Profile& profile = state.profile;
    // One popup id for every dialog, so switching dialogs never stacks two modals.
    const bool open = profile.dialog != ProfileDialog::None && profile.customer;
    if (!begin_dialog(ui, "##profile-dialog", title_of(profile.dialog), open, 520))
        return;
    const auto& org = profile.customer->org;
    switch (profile.dialog) {
        case ProfileDialog::ConfirmApprove:
            approve_dialog(ui, profile, org);
            break;
        case ProfileDialog::Reject:
            reject_dialog(ui, profile);
            break;
        case ProfileDialog::Suspend:
            suspend_dialog(ui, profile, org);
            break;
        case ProfileDialog::Delete:
            delete_dialog(ui, profile, org);
            break;
        case ProfileDialog::Ownership:
            ownership_dialog(ui, profile, org);
            break;
        case ProfileDialog::EditInformation:
        case ProfileDialog::EditBilling:
        case ProfileDialog::EditBuyerTags:
            if (state.session)
                edit_dialog(ui, profile, state.session->user.role);
            break;
        case ProfileDialog::None:
            break;
    }
    end_dialog();
}

}  // namespace orgdesk::app::views
