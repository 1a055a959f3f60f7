// A customer's new order: each product they may order with a quantity field, the price preview
// (the core's priced_lines and price_of, with the organization's tax), and "Place order".
#include <imgui.h>

#include <string>

#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {
namespace {

std::string per_period(core::BillingPeriod period) {
    return period == core::BillingPeriod::Monthly ? " / month" : " / year";
}

void draw_products(const OrderForm& form, const Ui& ui) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##order-products", 3, kFlags))
        return;
    ImGui::TableSetupColumn("Product", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Price", ImGuiTableColumnFlags_WidthFixed, ui.px(180));
    ImGui::TableSetupColumn("Quantity", ImGuiTableColumnFlags_WidthFixed, ui.px(220));
    ImGui::TableHeadersRow();
    for (const auto& product : form.products) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(product.name.c_str());
        note_item(product.name);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const std::string price =
            money_text(product.unitPrice, product.currency) + per_period(product.billingPeriod);
        ImGui::TextUnformatted(price.c_str());
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(ui.px(100));
        const auto typed = form.quantities.find(product.sku);
        const std::string id = "##Quantity of " + product.name;
        if (auto text = text_field(id.c_str(), typed == form.quantities.end() ? "" : typed->second,
                                   "0", ImGuiInputTextFlags_CharsDecimal)) {
            ui.dispatch(OrderQuantityEdited{product.sku, *text});
        }
        if (const auto error = form.lineErrors.find(product.sku); error != form.lineErrors.end())
            error_text(error->second);
    }
    ImGui::EndTable();
}

void draw_preview(const OrderForm& form, const Ui& ui) {
    ImGui::Dummy({0, ui.px(4)});
    if (!form.preview) {
        muted_text("Enter a quantity to see the price.");
        return;
    }
    const auto& price = *form.preview;
    amount_row("Net", price.net, price.currency);
    amount_row("Tax (" + tax_rate_text(price.taxRateBasisPoints) + ")", price.tax, price.currency);
    ImGui::PushFont(ui.fonts.semibold);
    amount_row("Total", price.total, price.currency);
    ImGui::PopFont();
}

}  // namespace

void draw_order_form(const State& state, const Ui& ui) {
    const auto& form = state.orderForm;
    if (secondary_button("< Orders##order-form-back"))
        ui.dispatch(NewOrderCancelled{});
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted("New order");
    ImGui::PopFont();
    note_heading("New order");
    if (form.customer)
        muted_text("For " + form.customer->org.name +
                   ". Every order waits for your reseller's "
                   "approval.");
    error_notice(ui, form.error);

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(24), ui.px(16)});
    ImGui::BeginChild("##order-form-card",
                      {std::min(ui.px(860), ImGui::GetContentRegionAvail().x), 0},
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
    if (form.pendingProducts) {
        muted_text(std::string("Loading products") + loading_dots());
    } else if (form.products.empty()) {
        muted_text("No products are available to your organization.");
    } else {
        draw_products(form, ui);
        draw_preview(form, ui);
    }
    ImGui::Dummy({0, ui.px(8)});
    const bool busy = form.pending.has_value();
    if (primary_button(busy ? "Placing order...##place-order" : "Place order##place-order",
                       !busy && !form.products.empty(), {ui.px(160), ui.px(38)})) {
        ui.dispatch(PlaceOrderClicked{});
    }
    ImGui::SameLine();
    if (secondary_button("Cancel##order-form-cancel", {ui.px(100), ui.px(38)}))
        ui.dispatch(NewOrderCancelled{});
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace orgdesk::app::views
