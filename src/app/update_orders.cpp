// The orders: the approval queue (or a customer's own orders), one order's detail, and the
// decisions on one order or on the selection.
#include <algorithm>
#include <utility>

#include "app/bulk_summary.hpp"
#include "app/offers.hpp"
#include "app/updater.hpp"

namespace orgdesk::app {
namespace {

using core::OrderAction;

constexpr int kOrderPageSize = 50;

// A row may be checked while the order can still be decided.
bool decidable(const core::OrderView& view) {
    return !view.actions.empty();
}

std::string orders_path(const OrderList& list, const std::optional<std::string>& cursor) {
    std::string path = "/api/v1/orders?limit=" + std::to_string(kOrderPageSize);
    if (list.statusFilter)
        path += "&status=" + std::string(core::to_string(*list.statusFilter));
    if (cursor)
        path += "&cursor=" + core::percent_encode(*cursor);
    return path;
}

std::string decided_text(OrderAction action, const core::OrderView& view) {
    const std::string whose = "The order of " + view.customer.name + " was ";
    return action == OrderAction::Approve ? whose + "approved; provisioning starts now."
                                          : whose + "rejected.";
}

constexpr const char* kUnreadableOrder = "The order could not be read. Reload and try again.";

}  // namespace

std::optional<core::OrderView> decode_order(const HttpAnswered& a) {
    auto view = decode_body(a, [](const core::Json& j) { return core::order_view_from_json(j); });
    if (!view)
        return std::nullopt;
    return std::move(view).value();
}

void Updater::reload_orders() {
    state_.orders.pending = send(Purpose::ListOrders, "GET", orders_path(state_.orders, {}));
}

void Updater::load_order(const std::string& id) {
    state_.order.pendingLoad = send(Purpose::LoadOrder, "GET", order_path(id));
}

void Updater::operator()(const OrdersClicked&) {
    if (!state_.session)
        return;
    state_.screen = Screen::Orders;
    reload_orders();
}

void Updater::operator()(const OrderStatusFilterChosen& e) {
    auto& list = state_.orders;
    if (!state_.session || e.status == list.statusFilter)
        return;
    list.statusFilter = e.status;
    list.selected.clear();  // what was checked is no longer in view
    reload_orders();
}

void Updater::operator()(const MoreOrdersClicked&) {
    auto& list = state_.orders;
    if (list.pending || !list.nextCursor || !state_.session)
        return;
    list.pending = send(Purpose::MoreOrders, "GET", orders_path(list, list.nextCursor));
}

void Updater::orders_listed(const HttpAnswered& a) {
    auto& list = state_.orders;
    if (!settled(a, list.pending, list.error))
        return;
    auto page = decode_body(a, [](const core::Json& j) { return core::order_page_from_json(j); });
    if (!page) {
        list.error = "The orders could not be read. Try again.";
        return;
    }
    list.error.clear();
    list.loaded = true;
    if (a.purpose == Purpose::ListOrders)
        list.items.clear();
    for (auto& item : page.value().items)
        list.items.push_back(std::move(item));
    list.nextCursor = page->nextCursor;
    list.counts = page->counts;
    // Keep checked only what is still shown and can still be decided.
    std::erase_if(list.selected, [&list](const std::string& id) {
        return std::none_of(list.items.begin(), list.items.end(),
                            [&id](const auto& v) { return v.order.id == id && decidable(v); });
    });
}

void Updater::operator()(const OrderOpened& e) {
    if (!state_.session)
        return;
    state_.screen = Screen::OrderDetail;
    state_.order = OrderDetail{};
    state_.order.id = e.id;
    state_.orderReject = OrderRejectDialog{};
    // Show what the list already knows at once; the fresh copy replaces it when it arrives.
    const auto& items = state_.orders.items;
    const auto known = std::find_if(items.begin(), items.end(),
                                    [&e](const auto& v) { return v.order.id == e.id; });
    if (known != items.end())
        state_.order.view = *known;
    load_order(e.id);
}

void Updater::operator()(const BackToOrdersClicked&) {
    if (state_.session && !state_.orderReject.open)
        state_.screen = Screen::Orders;
}

void Updater::order_loaded(const HttpAnswered& a) {
    auto& detail = state_.order;
    if (!settled(a, detail.pendingLoad, detail.error)) {
        if (a.status == 404)
            detail.view.reset();
        return;
    }
    if (auto view = decode_order(a)) {
        show_order(*view);
    } else {
        detail.error = kUnreadableOrder;
    }
}

// Shows a newer copy of an order wherever it is on screen.
void Updater::show_order(const core::OrderView& view) {
    for (auto& item : state_.orders.items) {
        if (item.order.id == view.order.id)
            item = view;
    }
    if (state_.order.id == view.order.id)
        state_.order.view = view;
}

void Updater::operator()(const OrderDecisionClicked& e) {
    const auto& detail = state_.order;
    if (!detail.view || detail.pendingDecision || !offers(*detail.view, e.action))
        return;
    if (e.action == OrderAction::Reject) {
        state_.orderReject = OrderRejectDialog{};
        state_.orderReject.open = true;
        return;
    }
    decide_order(e.action, {});
}

void Updater::decide_order(OrderAction action, const std::string& reason) {
    auto& detail = state_.order;
    detail.error.clear();
    detail.runningDecision = action;
    const std::string path = order_path(detail.id) + "/" + std::string(core::to_string(action));
    const std::string body =
        action == OrderAction::Reject ? core::Json{{"reason", reason}}.dump() : std::string();
    detail.pendingDecision = send(Purpose::DecideOrder, "POST", path, {body, {}, {}});
}

void Updater::order_decided(const HttpAnswered& a) {
    auto& detail = state_.order;
    if (detail.pendingDecision != a.id)
        return;
    detail.pendingDecision.reset();
    const auto action = detail.runningDecision.value_or(OrderAction::Approve);
    detail.runningDecision.reset();
    if (!succeeded(a)) {
        // Typically someone else decided first: say who, and show the order as it is now.
        const auto error = error_of(a);
        detail.error = notice_of(error);
        state_.orderReject.errors = error.fields;
        state_.orderReject.error = notice_of(error);
        state_.toast = Toast{error.message, true, error.requestId};
        if (a.status == 409)
            load_order(detail.id);
        return;
    }
    auto view = decode_order(a);
    if (!view) {
        detail.error = kUnreadableOrder;
        return;
    }
    detail.pendingLoad.reset();  // this answer is newer than any load still on its way
    state_.orderReject = OrderRejectDialog{};
    state_.toast = Toast{decided_text(action, *view), false};
    show_order(*view);
    reload_orders();  // the counts and the filtered list changed
}

void Updater::operator()(const OrderSelectionToggled& e) {
    auto& list = state_.orders;
    if (list.pendingBulk)
        return;
    const auto row = std::find_if(list.items.begin(), list.items.end(),
                                  [&e](const auto& v) { return v.order.id == e.id; });
    if (row == list.items.end() || !decidable(*row))
        return;
    if (!list.selected.erase(e.id))
        list.selected.insert(e.id);
}

void Updater::operator()(const PageSelectionToggled&) {
    auto& list = state_.orders;
    if (list.pendingBulk)
        return;
    std::set<std::string> all;
    for (const auto& item : list.items) {
        if (decidable(item))
            all.insert(item.order.id);
    }
    list.selected = list.selected == all ? std::set<std::string>{} : std::move(all);
}

void Updater::operator()(const SelectionDecisionClicked& e) {
    const auto& list = state_.orders;
    if (list.selected.empty() || list.pendingBulk || !state_.session)
        return;
    if (e.action == OrderAction::Reject) {
        state_.orderReject = OrderRejectDialog{};
        state_.orderReject.open = true;
        state_.orderReject.forSelection = true;
        return;
    }
    decide_selection(e.action, {});
}

void Updater::decide_selection(OrderAction action, const std::string& reason) {
    auto& list = state_.orders;
    core::BulkDecisionRequest request;
    request.action = action;
    request.orderIds.assign(list.selected.begin(), list.selected.end());
    // Newest first, as the queue shows them, so the results read in the same order.
    std::vector<std::string> shown;
    for (const auto& item : list.items) {
        if (list.selected.count(item.order.id) != 0)
            shown.push_back(item.order.id);
    }
    if (shown.size() == request.orderIds.size())
        request.orderIds = std::move(shown);
    request.reason = reason;
    list.pendingBulk = send(Purpose::DecideOrders, "POST", "/api/v1/orders/decisions",
                            {core::to_json(request).dump(), {}, {}});
    list.bulkAction = action;
}

void Updater::selection_decided(const HttpAnswered& a) {
    auto& list = state_.orders;
    if (list.pendingBulk != a.id)
        return;
    list.pendingBulk.reset();
    if (!succeeded(a)) {
        const auto error = error_of(a);
        state_.orderReject.errors = error.fields;
        state_.orderReject.error = notice_of(error);
        state_.toast = Toast{error.message, true, error.requestId};
        return;
    }
    const auto results =
        decode_body(a, [](const core::Json& j) { return core::bulk_results_from_json(j); });
    if (!results) {
        state_.toast =
            Toast{"The result could not be read. Reload to see where the orders stand.", true};
        reload_orders();
        return;
    }
    bool anyFailed = false;
    for (const auto& result : results.value()) {
        if (result.order)
            show_order(*result.order);
        anyFailed = anyFailed || !result.order;
    }
    state_.toast = Toast{bulk_summary(list.bulkAction, results.value()), anyFailed};
    state_.orderReject = OrderRejectDialog{};
    list.selected.clear();
    reload_orders();
}

void Updater::operator()(const OrderRejectReasonEdited& e) {
    state_.orderReject.reason = e.text;
    state_.orderReject.errors.clear();
}

void Updater::operator()(const OrderRejectConfirmed&) {
    auto& dialog = state_.orderReject;
    if (!dialog.open || state_.order.pendingDecision || state_.orders.pendingBulk)
        return;
    dialog.error.clear();
    // The same rule the server applies: a reason is required.
    auto reason = core::reject_reason_from_json(core::Json{{"reason", dialog.reason}});
    if (!reason) {
        dialog.errors = reason.error().fields;
        return;
    }
    dialog.errors.clear();
    if (dialog.forSelection) {
        decide_selection(OrderAction::Reject, reason.value());
    } else {
        decide_order(OrderAction::Reject, reason.value());
    }
}

void Updater::operator()(const OrderRejectCancelled&) {
    if (!state_.order.pendingDecision && !state_.orders.pendingBulk)
        state_.orderReject = OrderRejectDialog{};
}

void Updater::operator()(const OrderApproveConfirmed&) {
    if (!state_.order.confirmingApprove)
        return;
    state_.order.confirmingApprove = false;
    (*this)(OrderDecisionClicked{OrderAction::Approve});
}

void Updater::operator()(const OrderApproveCancelled&) {
    state_.order.confirmingApprove = false;
}

}  // namespace orgdesk::app
