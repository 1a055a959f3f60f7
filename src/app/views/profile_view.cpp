// One organization's profile: the status header (green when Active), basic details, contacts,
// and the actions the signed-in user may take now.
#include <imgui.h>

#include <optional>
#include <string>
#include <utility>

#include "app/offers.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"
#include "core/time_format.hpp"

namespace orgdesk::app::views {
namespace {

void draw_header(const State& state, const core::CustomerView& view, const Ui& ui) {
    const auto& org = view.org;
    const float height = ui.px(84);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, {pos.x + width, pos.y + height}, status_color(org.status), ui.px(8));

    ImGui::SetCursorScreenPos({pos.x + ui.px(20), pos.y + ui.px(12)});
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(org.name.c_str());
    ImGui::PopFont();
    note_heading(org.name);
    ImGui::SetCursorScreenPos({pos.x + ui.px(20), ImGui::GetCursorScreenPos().y});
    const std::string status = "Status: " + std::string(core::to_string(org.status));
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopStyleColor();
    note_item(status);

    // The actions sit in the upper right of the profile; Approve first, as in seed 000. Approve
    // is always shown (greyed out when not allowed); the others appear when allowed.
    const auto& profile = state.profile;
    const bool busy = profile.pendingAction.has_value();
    struct Button {
        core::OrgAction action;
        const char* label;
        const char* busyLabel;
    };
    static constexpr Button kButtons[] = {
        {core::OrgAction::Approve, "Approve##approve", "Approving...##approve"},
        {core::OrgAction::Reject, "Reject...##reject", "Rejecting...##reject"},
        {core::OrgAction::Suspend, "Suspend...##suspend", "Suspending...##suspend"},
        {core::OrgAction::Resume, "Resume##resume", "Resuming...##resume"},
        {core::OrgAction::Delete, "Delete...##delete", "Deleting...##delete"},
    };
    const float buttonWidth = ui.px(112);
    const float gap = ui.px(8);
    float x = pos.x + width - ui.px(20);
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(239, 246, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(219, 234, 254, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, kHeaderButtonText);
    for (auto it = std::rbegin(kButtons); it != std::rend(kButtons); ++it) {
        const bool allowed = offers(view, it->action);
        if (!allowed && it->action != core::OrgAction::Approve)
            continue;
        x -= buttonWidth;
        ImGui::SetCursorScreenPos({x, pos.y + (height - ui.px(40)) / 2});
        x -= gap;
        const bool running = profile.runningAction == it->action;
        ImGui::BeginDisabled(!allowed || busy);
        if (ImGui::Button(running ? it->busyLabel : it->label, {buttonWidth, ui.px(40)})) {
            ui.dispatch(OrganizationActionClicked{it->action});
        }
        ImGui::EndDisabled();
    }
    ImGui::PopStyleColor(4);
    ImGui::SetCursorScreenPos({pos.x, pos.y + height + ui.px(16)});
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

// A titled card; with `edit`, an "Edit" button in its corner opens that dialog.
void profile_card(const char* title, const Ui& ui, float width, std::optional<ProfileDialog> edit,
                  const std::function<void()>& body) {
    const auto edit_button = [&] {
        const std::string label = std::string("Edit##edit-") + title;
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("Edit").x -
                        ImGui::GetStyle().FramePadding.x * 2);
        if (secondary_button(label.c_str()))
            ui.dispatch(DialogOpened{*edit});
        note_item(std::string("Edit ") + title);
    };
    views::card(title, ui, width, body, edit ? std::function<void()>(edit_button) : nullptr);
}

void draw_tabs(const State& state, const Ui& ui) {
    static constexpr std::pair<ProfileTab, const char*> kTabs[] = {
        {ProfileTab::Overview, "Overview##tab"},
        {ProfileTab::Members, "Members##tab"},
        {ProfileTab::History, "History##tab"},
        {ProfileTab::Subscriptions, "Subscriptions##tab"},
    };
    for (const auto& [tab, label] : kTabs) {
        if (state.profile.tab == tab) {
            primary_button(label);
        } else if (secondary_button(label)) {
            ui.dispatch(ProfileTabChosen{tab});
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void draw_overview(const core::CustomerView& view, const Ui& ui) {
    const auto& org = view.org;
    const bool editable = offers(view, core::OrgAction::Edit);
    const auto edit = [editable](ProfileDialog dialog) {
        return editable ? std::optional<ProfileDialog>(dialog) : std::nullopt;
    };
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool twoColumns = avail > ui.px(760);
    const float cardWidth = twoColumns ? (avail - gap) / 2 : avail;

    if (org.status == core::OrgStatus::Rejected && !org.rejectionReason.empty()) {
        const std::string reason = "Rejected: " + org.rejectionReason;
        ImGui::PushStyleColor(ImGuiCol_Text, status_color(core::OrgStatus::Rejected));
        ImGui::TextWrapped("%s", reason.c_str());
        ImGui::PopStyleColor();
        note_item(reason);
    }
    profile_card("Organization information", ui, cardWidth, edit(ProfileDialog::EditInformation),
                 [&] {
                     detail_row("Name", org.name);
                     detail_row("Segment", org.segment);
                     detail_row("Subscriptions", std::to_string(org.subscriptionCount));
                     detail_row("Users", std::to_string(org.userCount));
                     detail_row("Managed by", org.ownershipType == core::OwnershipType::Customer
                                                  ? "Customer"
                                                  : "Service Provider");
                     if (editable) {
                         ImGui::SameLine();
                         if (secondary_button("Change##ownership")) {
                             ui.dispatch(DialogOpened{ProfileDialog::Ownership});
                         }
                         note_item("Change managed type");
                     }
                     detail_row("Customer ref.", org.customerReference);
                     detail_row("External contract", org.externalContract);
                     detail_row("Numbers", joined(org.purchasedNumbers));
                     detail_row("Org UUID", org.id);
                     copy_button(ui, "Copy id", org.id, "the organization id");
                     detail_row("Created", core::format_date(org.createdAtMs));
                 });
    if (twoColumns)
        ImGui::SameLine();
    profile_card("Contacts", ui, cardWidth, edit(ProfileDialog::EditInformation), [&] {
        detail_row("Primary contact", org.primaryContact.name);
        detail_row("Role", org.primaryContact.role);
        detail_row("Phone", org.primaryContact.phone);
        if (org.owner) {
            detail_row("Owner", org.owner->name);
            detail_row("Owner email", org.owner->email);
            copy_button(ui, "Copy email##owner", org.owner->email, "the owner's email");
        }
    });
    profile_card("Billing information", ui, cardWidth, edit(ProfileDialog::EditBilling), [&] {
        detail_row("Company", org.billing.company);
        detail_row("Address", org.billing.address);
        detail_row("Country", org.billing.country);
        detail_row("Tax id", org.billing.taxId);
        detail_row("Billing email", org.billing.email);
        copy_button(ui, "Copy email##billing", org.billing.email, "the billing email");
    });
    if (twoColumns)
        ImGui::SameLine();
    profile_card("Buyer tags", ui, cardWidth, edit(ProfileDialog::EditBuyerTags), [&] {
        const std::string tags = joined(org.buyerTags);
        ImGui::TextWrapped("%s", tags.empty() ? "No buyer tags." : tags.c_str());
        note_item(tags.empty() ? "No buyer tags." : "Tags: " + tags);
    });
}

void draw_members(const Profile& profile, const Ui& ui) {
    if (profile.pendingMembers && profile.members.empty()) {
        muted_text(std::string("Loading") + loading_dots());
        return;
    }
    if (profile.members.empty()) {
        muted_text("No members yet.");
        return;
    }
    if (!ImGui::BeginTable("##members", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter))
        return;
    ImGui::TableSetupColumn("Name");
    ImGui::TableSetupColumn("Email");
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, ui.px(120));
    ImGui::TableHeadersRow();
    for (const auto& member : profile.members) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(member.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(member.email.c_str());
        ImGui::TableNextColumn();
        const std::string role(core::to_string(member.role));
        ImGui::TextUnformatted(role.c_str());
        note_item(member.name + ": " + role);
    }
    ImGui::EndTable();
}

void draw_history(const Profile& profile, const Ui& ui) {
    if (profile.pendingHistory && profile.history.empty()) {
        muted_text(std::string("Loading") + loading_dots());
        return;
    }
    if (!ImGui::BeginTable("##history", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter))
        return;
    ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, ui.px(190));
    ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, ui.px(160));
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthFixed, ui.px(100));
    ImGui::TableSetupColumn("Change");
    ImGui::TableHeadersRow();
    for (const auto& entry : profile.history) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string when = core::format_iso8601(entry.atMs).substr(0, 16);
        muted_text(when);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(entry.actor.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(entry.action.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", entry.change.c_str());
        note_item("History: " + entry.action);
    }
    ImGui::EndTable();
}

}  // namespace

void draw_profile(const State& state, const Ui& ui) {
    const auto& profile = state.profile;
    if (secondary_button("< Organizations##back"))
        ui.dispatch(BackToListClicked{});
    error_notice(ui, profile.error);
    if (!profile.customer) {
        if (profile.pendingLoad)
            muted_text(std::string("Loading") + loading_dots());
        return;
    }
    const auto& view = *profile.customer;
    draw_header(state, view, ui);

    draw_tabs(state, ui);
    switch (profile.tab) {
        case ProfileTab::Overview:
            return draw_overview(view, ui);
        case ProfileTab::Members:
            return draw_members(profile, ui);
        case ProfileTab::History:
            return draw_history(profile, ui);
        case ProfileTab::Subscriptions:
            return draw_subscriptions(profile, ui);
    }
}

}  // namespace orgdesk::app::views
