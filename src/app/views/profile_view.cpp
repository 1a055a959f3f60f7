// One organization's profile: the status header (green when Active), basic details, contacts,
// and the actions the signed-in user may take now.
#include <imgui.h>

#include <string>

#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"
#include "core/time_format.hpp"

namespace orgdesk::app::views {
namespace {

bool allows(const core::CustomerView& view, core::OrgAction action) {
    return std::find(view.actions.begin(), view.actions.end(), action) != view.actions.end();
}

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
    note_item(org.name);
    ImGui::SetCursorScreenPos({pos.x + ui.px(20), ImGui::GetCursorScreenPos().y});
    const std::string status = "Status: " + std::string(core::to_string(org.status));
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopStyleColor();
    note_item(status);

    // The Approve button sits in the upper right of the profile, as in seed 000.
    const auto& profile = state.profile;
    const bool approving = profile.runningAction == core::OrgAction::Approve;
    const char* label = approving ? "Approving...##approve" : "Approve##approve";
    const float buttonWidth = ui.px(120);
    ImGui::SetCursorScreenPos(
        {pos.x + width - buttonWidth - ui.px(20), pos.y + (height - ui.px(40)) / 2});
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(239, 246, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(219, 234, 254, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kText);
    ImGui::BeginDisabled(!allows(view, core::OrgAction::Approve) || profile.pendingAction);
    if (ImGui::Button(label, {buttonWidth, ui.px(40)})) {
        ui.dispatch(OrganizationActionClicked{core::OrgAction::Approve});
    }
    ImGui::EndDisabled();
    ImGui::PopStyleColor(4);
    ImGui::SetCursorScreenPos({pos.x, pos.y + height + ui.px(16)});
}

void detail(const char* label, const std::string& value) {
    muted_text(label);
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    ImGui::TextUnformatted(value.empty() ? "—" : value.c_str());
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

void card(const char* title, const Ui& ui, float width, const std::function<void()>& body) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(20), ui.px(16)});
    ImGui::BeginChild(title, {width, 0},
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(ui.fonts.semibold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    note_item(title);
    ImGui::Separator();
    body();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace

void draw_profile(const State& state, const Ui& ui) {
    const auto& profile = state.profile;
    if (secondary_button("< Organizations##back"))
        ui.dispatch(BackToListClicked{});
    if (!profile.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
        ImGui::TextWrapped("%s", profile.error.c_str());
        ImGui::PopStyleColor();
        note_item(profile.error);
    }
    if (!profile.customer) {
        if (profile.pendingLoad)
            muted_text(std::string("Loading") + loading_dots());
        return;
    }
    const auto& view = *profile.customer;
    const auto& org = view.org;
    draw_header(state, view, ui);

    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool twoColumns = avail > ui.px(760);
    const float cardWidth = twoColumns ? (avail - gap) / 2 : avail;

    card("Basic details", ui, cardWidth, [&] {
        detail("Name", org.name);
        detail("Segment", org.segment);
        detail("Subscriptions", std::to_string(org.subscriptionCount));
        detail("Users", std::to_string(org.userCount));
        detail("Managed by", org.ownershipType == core::OwnershipType::Customer
                                 ? "Customer"
                                 : "Service Provider");
        detail("Customer ref.", org.customerReference);
        detail("External contract", org.externalContract);
        detail("Numbers", joined(org.purchasedNumbers));
        detail("Org UUID", org.id);
        detail("Created", core::format_date(org.createdAtMs));
    });
    if (twoColumns)
        ImGui::SameLine();
    card("Contacts", ui, cardWidth, [&] {
        detail("Primary contact", org.primaryContact.name);
        detail("Role", org.primaryContact.role);
        detail("Phone", org.primaryContact.phone);
        if (org.owner) {
            detail("Owner", org.owner->name);
            detail("Owner email", org.owner->email);
        }
        detail("Billing email", org.billing.email);
        detail("Country", org.billing.country);
    });
}

}  // namespace orgdesk::app::views
