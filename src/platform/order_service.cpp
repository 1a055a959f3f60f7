#include "platform/order_service.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "core/organization_lifecycle.hpp"
#include "core/status_counts.hpp"

namespace orgdesk::platform {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error customer_not_found() {
    return make_error(ErrorKind::NotFound, "not-found",
                      "This customer organization does not exist or is not yours to see.");
}

core::Error order_not_found() {
    return make_error(ErrorKind::NotFound, "not-found",
                      "This order does not exist or is not yours to see.");
}

core::Json placed_snapshot(const core::Order& order) {
    core::Json lines = core::Json::array();
    for (const auto& line : order.lines)
        lines.push_back({{"sku", line.sku}, {"quantity", line.quantity}});
    return {{"status", core::to_string(order.status)},
            {"customerId", order.customerId},
            {"lines", lines},
            {"total", core::format_amount(order.price.total, order.price.currency)},
            {"currency", order.price.currency}};
}

}  // namespace

OrderService::OrderService(Store& store, Clock clock, IdGenerator newId, ChangeFeed* changes)
    : store_(store),
      clock_(std::move(clock)),
      newId_(newId ? std::move(newId) : random_uuid_generator()),
      changes_(changes) {}

core::OrderView OrderService::view_for(const core::Principal& who, core::Order order,
                                       const core::Organization& customer) const {
    auto actions = core::allowed_actions(who, order);
    return {std::move(order), core::order_customer_of(customer), std::move(actions), {}};
}

core::Result<core::OrderView> OrderService::view_for(const core::Principal& who,
                                                     core::Order order) {
    const auto customer = store_.find_organization(order.customerId);
    if (!customer)
        return order_not_found();
    return view_for(who, std::move(order), *customer);
}

core::Result<std::vector<core::Product>> OrderService::products(const core::Principal& who,
                                                                std::string_view customerId) {
    const auto org = store_.find_organization(customerId);
    if (!org || !core::can_view(who, *org))
        return customer_not_found();
    return core::orderable_products(store_.list_products(org->distributorId), *org);
}

core::Result<CreateOutcome> OrderService::place(const core::Principal& who,
                                                const core::PlaceOrderRequest& request,
                                                const std::optional<IdempotencyKey>& idempotency,
                                                const OrderRenderer& render) {
    const std::int64_t now = clock_();
    const std::int64_t notBefore = now - kIdempotencyKeyLifetimeMs;
    if (idempotency) {
        if (auto earlier = store_.find_idempotency_record(who.userId, idempotency->key, notBefore))
            return replay(*earlier, *idempotency);
    }
    const auto org = store_.find_organization(request.customerId);
    if (!org)
        return customer_not_found();
    auto placed = core::place_order(who, *org, store_.list_products(org->distributorId),
                                    request.lines, {newId_(), now});
    if (!placed)
        return placed.error();

    OrderInsert insert;
    insert.order = std::move(placed).value();
    insert.customerStatus = org->status;  // Active, as place_order checked
    insert.audit = {now,
                    who.userId,
                    "place",
                    "order",
                    insert.order.id,
                    "",
                    placed_snapshot(insert.order).dump()};
    const auto answer = [&](const core::Order& stored) {
        return render(view_for(who, stored, *org));
    };
    insert.answer = answer;
    if (idempotency) {
        insert.idempotency = idempotency_record(who.userId, *idempotency, 201, now);
        insert.idempotencyNotBeforeMs = notBefore;
    }
    auto outcome = store_.create_order(insert);
    if (outcome.earlier)  // the same key won a race with this request
        return replay(*outcome.earlier, *idempotency);
    if (!outcome.inserted) {
        // The customer changed since it was read (suspended, deleted): say why, as it is now.
        if (const auto current = store_.find_organization(request.customerId)) {
            if (auto allowed = core::may_place_order(who, *current); !allowed)
                return allowed.error();
        }
        return make_error(ErrorKind::Internal, "internal", "The order was not placed.");
    }
    if (changes_ != nullptr)
        changes_->publish(tenant_path_of(*outcome.inserted));
    return CreateOutcome{201, answer(*outcome.inserted), false};
}

core::Result<core::OrderPage> OrderService::list(const core::Principal& who,
                                                 const OrderListRequest& request) {
    OrderQuery query;
    query.scope = core::scope_of(who);
    query.status = request.status;
    query.customerId = request.customerId;
    query.fromMs = request.fromMs;
    query.beforeMs = request.beforeMs;
    query.after = request.after;
    query.limit = std::clamp(request.limit, 1, core::kMaxPageSize);
    auto rows = store_.list_orders(query);

    core::OrderPage page;
    std::map<std::string, std::optional<core::Organization>> customers;
    for (auto& order : rows.items) {
        // The store already scoped the query; checking again keeps one rule deciding visibility.
        if (!core::can_view(who, order))
            continue;
        auto& customer = customers[order.customerId];
        if (!customer)
            customer = store_.find_organization(order.customerId);
        if (customer)
            page.items.push_back(view_for(who, std::move(order), *customer));
    }
    if (rows.next)
        page.nextCursor = core::encode_cursor(*rows.next);
    page.counts =
        core::every_status_counts(store_.count_orders_by_status(query.scope, query.customerId));
    return page;
}

core::Result<core::OrderView> OrderService::get(const core::Principal& who, std::string_view id) {
    auto order = store_.find_order(id);
    if (!order || !core::can_view(who, *order))
        return order_not_found();
    return view_for(who, std::move(*order));
}

}  // namespace orgdesk::platform
