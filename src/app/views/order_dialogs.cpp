// The reason asked before rejecting one order or the selection: the customer sees it beside
// "Rejected by reseller".
#include <imgui.h>

#include <string>

#include "app/views/form_fields.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {

namespace {

// The `a` shortcut's confirmation: nothing is sent until Enter or the button.
void draw_approve_confirmation(const State& state, const Ui& ui) {
    const auto& detail = state.order;
    if (!begin_dialog(ui, "##order-approve", "Approve order?", detail.confirmingApprove, 520,
                      OrderApproveCancelled{}))
        return;
    if (detail.view)
        ImGui::TextWrapped("The order for %s is approved and provisioning starts.",
                           detail.view->customer.name.c_str());
    muted_text("Enter approves, Escape cancels.");
    dialog_buttons(ui, detail.pendingDecision.has_value(), "Approve##order-approve-confirm", false,
                   OrderApproveConfirmed{}, OrderApproveCancelled{});
    end_dialog();
}

}  // namespace

void draw_order_dialogs(const State& state, const Ui& ui) {
    draw_approve_confirmation(state, ui);
    const auto& dialog = state.orderReject;
    const std::size_t count = dialog.forSelection ? state.orders.selected.size() : 1;
    const std::string title =
        count == 1 ? std::string("Reject order") : "Reject " + std::to_string(count) + " orders";
    if (!begin_dialog(ui, "##order-reject", title, dialog.open, 520, OrderRejectCancelled{}))
        return;
    ImGui::TextWrapped(
        "The customer sees the order as Rejected by reseller, with your reason. It cannot be "
        "approved afterwards.");
    ImGui::TextUnformatted("Reason");
    ImGui::SetNextItemWidth(-1);
    if (auto text = text_field("##Reason", dialog.reason, "Why is it rejected?"))
        ui.dispatch(OrderRejectReasonEdited{*text});
    field_error(dialog.errors, "reason");
    error_notice(ui, dialog.error);
    const bool busy = state.order.pendingDecision || state.orders.pendingBulk;
    dialog_buttons(ui, busy,
                   busy ? "Rejecting...##order-reject-confirm" : "Reject##order-reject-confirm",
                   true, OrderRejectConfirmed{}, OrderRejectCancelled{});
    end_dialog();
}

}  // namespace orgdesk::app::views
