// The profile's Subscriptions tab: what the organization has, with Suspend and Resume on each
// row where its actions allow them.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/offers.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {
namespace {

ImU32 subscription_color(core::SubscriptionStatus status) {
    switch (status) {
        case core::SubscriptionStatus::Active:
            return status_color(core::OrgStatus::Active);
        case core::SubscriptionStatus::Suspended:
            return status_color(core::OrgStatus::Blocked);
        case core::SubscriptionStatus::Cancelled:
            break;
    }
    return status_color(core::OrgStatus::Deleted);
}

void draw_actions(const Profile& profile, const core::SubscriptionView& view, const Ui& ui) {
    const auto& id = view.subscription.id;
    const bool changing = profile.changingSubscriptionId == id;
    const bool busy = profile.pendingSubscriptionAction.has_value();
    struct Button {
        core::SubscriptionAction action;
        const char* label;
        const char* busyLabel;
    };
    static constexpr Button kButtons[] = {
        {core::SubscriptionAction::Suspend, "Suspend", "Suspending..."},
        {core::SubscriptionAction::Resume, "Resume", "Resuming..."},
    };
    for (const auto& button : kButtons) {
        if (!offers(view, button.action))
            continue;
        const std::string label =
            std::string(changing ? button.busyLabel : button.label) + "##" + id;
        ImGui::BeginDisabled(busy);
        if (secondary_button(label.c_str()))
            ui.dispatch(SubscriptionActionClicked{id, button.action});
        ImGui::EndDisabled();
        note_item(std::string(button.label) + " " + view.subscription.name);
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

}  // namespace

void draw_subscriptions(const Profile& profile, const Ui& ui) {
    if (profile.pendingSubscriptions && profile.subscriptions.empty()) {
        muted_text(std::string("Loading") + loading_dots());
        return;
    }
    if (profile.subscriptions.empty()) {
        muted_text("No subscriptions yet. An order creates them once it is provisioned.");
        return;
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("##subscriptions", 5, kFlags))
        return;
    ImGui::TableSetupColumn("Product", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Quantity", ImGuiTableColumnFlags_WidthFixed, ui.px(90));
    ImGui::TableSetupColumn("Billing", ImGuiTableColumnFlags_WidthFixed, ui.px(100));
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, ui.px(120));
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, ui.px(140));
    ImGui::TableHeadersRow();
    for (const auto& view : profile.subscriptions) {
        const auto& sub = view.subscription;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(sub.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::to_string(sub.quantity).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(core::to_string(sub.billingPeriod)).c_str());
        ImGui::TableNextColumn();
        const std::string status(core::to_string(sub.status));
        ImGui::PushStyleColor(ImGuiCol_Text, subscription_color(sub.status));
        ImGui::TextUnformatted(status.c_str());
        ImGui::PopStyleColor();
        note_item(sub.name + ": " + status);
        ImGui::TableNextColumn();
        draw_actions(profile, view, ui);
    }
    ImGui::EndTable();
}

}  // namespace orgdesk::app::views
