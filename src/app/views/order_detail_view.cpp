// One order: a header in its status's color with Approve and Reject for staff, the customer, the
// lines with their prices, the totals with the tax rate, and who placed and decided it.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/offers.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"
#include "core/order_lifecycle.hpp"

namespace orgdesk::app::views {
namespace {

void draw_header(const State& state, const core::OrderView& view, const Ui& ui) {
    const auto& order = view.order;
    const float height = ui.px(84);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(pos, {pos.x + width, pos.y + height},
                                              order_status_color(order.status), ui.px(8));

    ImGui::SetCursorScreenPos({pos.x + ui.px(20), pos.y + ui.px(12)});
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushFont(ui.fonts.heading);
    const std::string title = "Order " + order_number(order.id);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    note_heading(title);
    ImGui::SetCursorScreenPos({pos.x + ui.px(20), ImGui::GetCursorScreenPos().y});
    const std::string status = "Status: " + std::string(core::display_name(order.status));
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopStyleColor();
    note_item(status);

    // Staff decide here: Approve is always shown (greyed out once it cannot be used), Reject
    // while it can. Customers never decide, so they see neither.
    if (state.session && core::role_may(state.session->user.role, core::OrderAction::Approve)) {
        const auto& detail = state.order;
        const bool busy = detail.pendingDecision.has_value();
        const bool approving = detail.runningDecision == core::OrderAction::Approve;
        const bool rejecting = detail.runningDecision == core::OrderAction::Reject;
        const float buttonWidth = ui.px(112);
        float x = pos.x + width - ui.px(20) - buttonWidth;
        const float y = pos.y + (height - ui.px(40)) / 2;
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(239, 246, 255, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(219, 234, 254, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, kHeaderButtonText);
        if (offers(view, core::OrderAction::Reject)) {
            ImGui::SetCursorScreenPos({x, y});
            ImGui::BeginDisabled(busy);
            if (ImGui::Button(rejecting ? "Rejecting...##reject" : "Reject...##reject",
                              {buttonWidth, ui.px(40)})) {
                ui.dispatch(OrderDecisionClicked{core::OrderAction::Reject});
            }
            ImGui::EndDisabled();
            x -= buttonWidth + ui.px(8);
        }
        ImGui::SetCursorScreenPos({x, y});
        ImGui::BeginDisabled(busy || !offers(view, core::OrderAction::Approve));
        if (ImGui::Button(approving ? "Approving...##approve" : "Approve##approve",
                          {buttonWidth, ui.px(40)})) {
            ui.dispatch(OrderDecisionClicked{core::OrderAction::Approve});
        }
        ImGui::EndDisabled();
        ImGui::PopStyleColor(4);
    }
    ImGui::SetCursorScreenPos({pos.x, pos.y + height + ui.px(16)});
}

// Why the order stopped where it did: rejected by the reseller, or failed to provision.
void draw_outcome(const core::Order& order) {
    if (order.status == core::OrderStatus::Rejected) {
        std::string text(core::display_name(order.status));
        if (!order.rejectionReason.empty())
            text += ": " + order.rejectionReason;
        error_text(text);
    } else if (order.status == core::OrderStatus::Failed && !order.failureReason.empty()) {
        error_text("Provisioning failed: " + order.failureReason);
    }
}

void draw_lines(const core::Order& order, const Ui& ui) {
    const auto& currency = order.price.currency;
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##order-lines", 5, kFlags))
        return;
    ImGui::TableSetupColumn("Product", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Billing", ImGuiTableColumnFlags_WidthFixed, ui.px(90));
    ImGui::TableSetupColumn("Quantity", ImGuiTableColumnFlags_WidthFixed, ui.px(80));
    ImGui::TableSetupColumn("Unit price", ImGuiTableColumnFlags_WidthFixed, ui.px(120));
    ImGui::TableSetupColumn("Line total", ImGuiTableColumnFlags_WidthFixed, ui.px(130));
    ImGui::TableHeadersRow();
    for (const auto& line : order.lines) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(line.name.c_str());
        note_item(line.name + " × " + std::to_string(line.quantity));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(core::to_string(line.billingPeriod)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::to_string(line.quantity).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money_text(line.unitPrice, currency).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money_text(line.unitPrice * line.quantity, currency).c_str());
    }
    ImGui::EndTable();
    amount_row("Net", order.price.net, currency);
    amount_row("Tax (" + tax_rate_text(order.price.taxRateBasisPoints) + ")", order.price.tax,
               currency);
    ImGui::PushFont(ui.fonts.semibold);
    amount_row("Total", order.price.total, currency);
    ImGui::PopFont();
}

}  // namespace

void draw_order_detail(const State& state, const Ui& ui) {
    const auto& detail = state.order;
    if (secondary_button("< Orders##back-to-orders"))
        ui.dispatch(BackToOrdersClicked{});
    error_notice(ui, detail.error);
    if (!detail.view) {
        if (detail.pendingLoad)
            muted_text(std::string("Loading") + loading_dots());
        return;
    }
    const auto& view = *detail.view;
    const auto& order = view.order;
    draw_header(state, view, ui);
    draw_outcome(order);

    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool twoColumns = avail > ui.px(760);
    const float cardWidth = twoColumns ? (avail - gap) / 2 : avail;
    card("Customer", ui, cardWidth, [&] {
        detail_row("Name", view.customer.name);
        detail_row("Status", std::string(core::to_string(view.customer.status)));
        detail_row("Segment", view.customer.segment);
        detail_row("Country", view.customer.billingCountry);
        detail_row("Billing email", view.customer.billingEmail);
    });
    if (twoColumns)
        ImGui::SameLine();
    card("Order", ui, cardWidth, [&] {
        muted_text("Status");
        ImGui::SameLine(ImGui::GetFontSize() * 10);
        order_status_chip(ui, order.status);
        detail_row("Placed by", order.placedByName);
        detail_row("Placed at", short_time(order.createdAtMs));
        detail_row("Decided by", order.decidedByName);
        detail_row("Decided at", order.decidedAtMs != 0 ? short_time(order.decidedAtMs) : "");
        detail_row("Order id", order.id);
    });
    card("Products", ui, avail, [&] { draw_lines(order, ui); });
}

}  // namespace orgdesk::app::views
