// The orders: for staff the approval queue (status filter, a checkbox per row, decisions on the
// selection); for a customer their organization's orders and the way to a new one.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/update.hpp"
#include "app/views/keyboard.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"
#include "core/order_lifecycle.hpp"

namespace orgdesk::app::views {
namespace {

bool decides_orders(const State& state) {
    return state.session && core::role_may(state.session->user.role, core::OrderAction::Approve);
}

std::string filter_name(core::OrderStatus status) {
    // The chip says "Rejected"; the order itself says "Rejected by reseller".
    return status == core::OrderStatus::Rejected ? std::string("Rejected")
                                                 : std::string(core::display_name(status));
}

void draw_filters(const OrderList& list, const Ui& ui) {
    const auto chip = [&](const std::string& name, std::optional<core::OrderStatus> status) {
        std::string label = name;
        if (status) {
            const auto count = list.counts.find(*status);
            label += " (" + std::to_string(count == list.counts.end() ? 0 : count->second) + ")";
        }
        label += "##order-filter-" + name;
        wrap_unless_fits(ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                         ImGui::GetStyle().FramePadding.x * 2);
        if (list.statusFilter == status) {
            primary_button(label.c_str());
        } else if (secondary_button(label.c_str())) {
            ui.dispatch(OrderStatusFilterChosen{status});
        }
        ImGui::SameLine();
    };
    for (const auto status : core::kAllOrderStatuses)
        chip(filter_name(status), status);
    chip("All", std::nullopt);
    ImGui::NewLine();
}

// "Select all", and the decisions on the selection.
void draw_bulk_bar(const OrderList& list, const Ui& ui) {
    const bool busy = list.pendingBulk.has_value();
    const auto decidable = std::count_if(list.items.begin(), list.items.end(),
                                         [](const auto& v) { return !v.actions.empty(); });
    bool all = decidable > 0 && list.selected.size() == static_cast<std::size_t>(decidable);
    ImGui::BeginDisabled(decidable == 0 || busy);
    if (ImGui::Checkbox("Select all on this page##select-all", &all))
        ui.dispatch(PageSelectionToggled{});
    ImGui::EndDisabled();

    const std::string count = " (" + std::to_string(list.selected.size()) + ")";
    const bool any = !list.selected.empty() && !busy;
    const bool approving = busy && list.bulkAction == core::OrderAction::Approve;
    const bool rejecting = busy && list.bulkAction == core::OrderAction::Reject;
    ImGui::SameLine(0, ui.px(24));
    const std::string approve =
        (approving ? std::string("Approving...") : "Approve selected" + count) + "##bulk-approve";
    if (primary_button(approve.c_str(), any))
        ui.dispatch(SelectionDecisionClicked{core::OrderAction::Approve});
    ImGui::SameLine();
    const std::string reject =
        (rejecting ? std::string("Rejecting...") : "Reject selected" + count + "...") +
        "##bulk-reject";
    ImGui::BeginDisabled(!any);
    if (secondary_button(reject.c_str()))
        ui.dispatch(SelectionDecisionClicked{core::OrderAction::Reject});
    ImGui::EndDisabled();
}

std::string lines_summary(const core::Order& order) {
    if (order.lines.empty())
        return {};
    const auto& first = order.lines.front();
    std::string text = std::to_string(first.quantity) + " × " + first.name;
    if (order.lines.size() > 1)
        text += " +" + std::to_string(order.lines.size() - 1) + " more";
    return text;
}

void draw_table(const State& state, const Ui& ui) {
    const auto& list = state.orders;
    const bool staff = decides_orders(state);
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    // Below the table: room for "Load more" while there is a next page.
    const float footer = list.nextCursor ? ImGui::GetFrameHeightWithSpacing() + ui.px(4) : 0;
    if (!ImGui::BeginTable("##orders", staff ? 7 : 5, kFlags, {0, -footer}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    if (staff)
        ImGui::TableSetupColumn("##select", ImGuiTableColumnFlags_WidthFixed, ui.px(28));
    ImGui::TableSetupColumn("Order", ImGuiTableColumnFlags_WidthFixed, ui.px(100));
    if (staff)
        ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Products", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Total", ImGuiTableColumnFlags_WidthFixed, ui.px(130));
    ImGui::TableSetupColumn("Placed", ImGuiTableColumnFlags_WidthFixed, ui.px(140));
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, ui.px(170));
    ImGui::TableHeadersRow();

    const float rowHeight = ui.px(32);
    const auto center_vertically = [rowHeight](float h) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (rowHeight - h) / 2);
    };
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.items.size()));
    if (list.cursor >= 0)
        clipper.IncludeItemByIndex(list.cursor);  // drawn even when scrolled away, to scroll to
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto& view = list.items[static_cast<std::size_t>(row)];
            const auto& order = view.order;
            const std::string number = order_number(order.id);
            ImGui::TableNextRow(0, rowHeight);
            if (staff) {
                // Submitted before the row's selectable, so a click on it checks the row
                // instead of opening the order.
                ImGui::TableNextColumn();
                ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {ui.px(4), ui.px(4)});
                center_vertically(ImGui::GetFrameHeight());
                bool checked = list.selected.count(order.id) != 0;
                ImGui::BeginDisabled(view.actions.empty() || list.pendingBulk.has_value());
                const std::string box = "##Select order " + number;
                if (ImGui::Checkbox(box.c_str(), &checked))
                    ui.dispatch(OrderSelectionToggled{order.id});
                ImGui::EndDisabled();
                ImGui::PopStyleVar();
            }
            ImGui::TableNextColumn();
            const std::string label = number + "##order-" + order.id;
            ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, {0, 0.5F});
            const bool cursor = row == list.cursor;
            if (ImGui::Selectable(label.c_str(), cursor || state.order.id == order.id,
                                  ImGuiSelectableFlags_SpanAllColumns, {0, rowHeight})) {
                ui.dispatch(OrderOpened{order.id});
            }
            follow_row_cursor(cursor);
            ImGui::PopStyleVar();
            if (staff) {
                ImGui::TableNextColumn();
                center_vertically(ImGui::GetTextLineHeight());
                ImGui::TextUnformatted(view.customer.name.c_str());
            }
            ImGui::TableNextColumn();
            center_vertically(ImGui::GetTextLineHeight());
            ImGui::TextUnformatted(lines_summary(order).c_str());
            ImGui::TableNextColumn();
            center_vertically(ImGui::GetTextLineHeight());
            ImGui::TextUnformatted(money_text(order.price.total, order.price.currency).c_str());
            ImGui::TableNextColumn();
            center_vertically(ImGui::GetTextLineHeight());
            muted_text(short_time(order.createdAtMs));
            ImGui::TableNextColumn();
            center_vertically(ImGui::GetTextLineHeight() + ui.px(4));
            order_status_chip(ui, order.status);
        }
    }
    if (list.pending) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        muted_text(std::string("Loading") + loading_dots());
    }
    ImGui::EndTable();
    if (list.nextCursor) {
        ImGui::Dummy({0, ui.px(4)});
        ImGui::BeginDisabled(list.pending.has_value());
        if (secondary_button("Load more##orders-more"))
            ui.dispatch(MoreOrdersClicked{});
        ImGui::EndDisabled();
    }
}

const char* empty_text(const OrderList& list) {
    if (!list.statusFilter)
        return "No orders yet.";
    if (*list.statusFilter == core::OrderStatus::PendingApproval)
        return "No orders wait for approval.";
    return "No orders with this status. Try the All filter.";
}

}  // namespace

void draw_orders(const State& state, const Ui& ui) {
    const auto& list = state.orders;
    const bool staff = decides_orders(state);
    const char* title = staff ? "Orders" : "Your orders";
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    note_heading(title);
    if (may_open_order_form(state)) {
        const char* label = "+ New order##new-order";
        ImGui::SameLine(ImGui::GetContentRegionMax().x -
                        ImGui::CalcTextSize(label, nullptr, true).x -
                        ImGui::GetStyle().FramePadding.x * 2);
        if (primary_button(label))
            ui.dispatch(NewOrderClicked{});
    }
    draw_filters(list, ui);
    error_notice(ui, list.error);
    if (staff)
        draw_bulk_bar(list, ui);
    if (list.loaded && list.items.empty() && !list.pending) {
        muted_text(empty_text(list));
        return;
    }
    draw_table(state, ui);
}

}  // namespace orgdesk::app::views
