#include "server/order_routes.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/order_codecs.hpp"
#include "core/request_codecs.hpp"
#include "server/if_match.hpp"
#include "server/json_body.hpp"
#include "server/list_query.hpp"
#include "server/problems.hpp"
#include "server/request_parts.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

using core::Json;
using core::OrderAction;
using platform::OrderService;
using platform::SubscriptionService;

constexpr const char* kOrders = "/api/v1/orders";
constexpr const char* kOrder = "/api/v1/orders/{orderId}";

// Where an answer's absolute links point: the public URL when the server has one (--public-url),
// since the Host header is whatever the client wrote; else that header, as the best guess left.
class LinkBase {
  public:
    explicit LinkBase(std::optional<PublicUrl> publicUrl) : publicUrl_(std::move(publicUrl)) {}

    std::string of(const Request& request) const { return origin_of(publicUrl_, request); }

  private:
    std::optional<PublicUrl> publicUrl_;
};

// The answer's links: its own URL always; approve and reject only while the caller may.
core::OrderView with_links(core::OrderView view, const std::string& base) {
    const std::string self = base + kOrders + "/" + view.order.id;
    view.links.self = self;
    for (const auto action : view.actions) {
        if (action == OrderAction::Approve)
            view.links.approve = self + "/approve";
        if (action == OrderAction::Reject)
            view.links.reject = self + "/reject";
    }
    return view;
}

StringResponse order_response(const core::OrderView& view, const std::string& linkBase) {
    auto response = json_response(http::status::ok, core::to_json(with_links(view, linkBase)));
    response.set(http::field::etag, etag_of(view.order.version));
    return response;
}

StringResponse list_products(OrderService& orders, const RequestContext& context) {
    // A customer's own organization by default; staff name the customer they order for.
    std::string customerId = context.caller->principal.customerId;
    if (const auto it = context.query.find("customerId"); it != context.query.end())
        customerId = it->second;
    if (customerId.empty())
        return problem_response(
            invalid_parameter("customerId", "names the customer organization to order for"));
    const auto products = orders.products(context.caller->principal, customerId);
    if (!products)
        return problem_response(products.error());
    return json_response(http::status::ok, core::products_to_json(*products));
}

StringResponse list_orders(OrderService& orders, const LinkBase& links,
                           const RequestContext& context) {
    const auto request = order_list_request_from_query(context.query);
    if (!request)
        return problem_response(request.error());
    auto page = orders.list(context.caller->principal, *request);
    if (!page)
        return problem_response(page.error());
    const auto base = links.of(context.request);
    for (auto& view : page.value().items)
        view = with_links(std::move(view), base);
    return json_response(http::status::ok, core::to_json(*page));
}

StringResponse place_order(OrderService& orders, const LinkBase& links,
                           const RequestContext& context) {
    auto body = read_json_body(context.request);
    if (auto* problem = std::get_if<Problem>(&body))
        return problem_response(*problem);
    const auto& json = std::get<Json>(body);
    const auto idempotency = idempotency_of(context.request, json);
    if (!idempotency)
        return problem_response(idempotency.error());
    const auto request = core::place_order_request_from_json(json);
    if (!request)
        return problem_response(request.error());
    const auto base = links.of(context.request);
    const auto outcome = orders.place(context.caller->principal, *request, *idempotency,
                                      [&](const core::OrderView& view) {
                                          return core::to_json(with_links(view, base))
                                              .dump(-1, ' ', false, Json::error_handler_t::replace);
                                      });
    if (!outcome)
        return problem_response(outcome.error());
    return created_response(*outcome, kOrders);
}

StringResponse get_order(OrderService& orders, const LinkBase& links,
                         const RequestContext& context) {
    const auto view = orders.get(context.caller->principal, context.param("orderId"));
    if (!view)
        return problem_response(view.error());
    return order_response(*view, links.of(context.request));
}

StringResponse decide_order(OrderService& orders, const LinkBase& links, OrderAction action,
                            const RequestContext& context) {
    auto body = read_object_body(context.request);
    if (auto* problem = std::get_if<Problem>(&body))
        return problem_response(*problem);
    std::string reason;
    if (action == OrderAction::Reject) {
        auto decoded = core::reject_reason_from_json(std::get<Json>(body));
        if (!decoded)
            return problem_response(decoded.error());
        reason = std::move(decoded).value();
    } else if (auto none = core::no_fields_from_json(std::get<Json>(body)); !none) {
        return problem_response(none.error());
    }
    const auto ifMatch = if_match_version(context.request);
    if (!ifMatch)
        return problem_response(ifMatch.error());
    const auto view = orders.decide(context.caller->principal, context.param("orderId"), action,
                                    reason, *ifMatch);
    if (!view)
        return problem_response(view.error());
    return order_response(*view, links.of(context.request));
}

StringResponse decide_orders(OrderService& orders, const LinkBase& links,
                             const RequestContext& context) {
    auto body = read_json_body(context.request);
    if (auto* problem = std::get_if<Problem>(&body))
        return problem_response(*problem);
    const auto request = core::bulk_decision_request_from_json(std::get<Json>(body));
    if (!request)
        return problem_response(request.error());
    auto results = orders.decide_many(context.caller->principal, *request);
    const auto base = links.of(context.request);
    for (auto& result : results) {
        if (result.order)
            result.order = with_links(std::move(*result.order), base);
    }
    return json_response(http::status::ok, core::to_json(results));
}

// Orders are immutable (seed 001): say what to do instead.
StringResponse refuse_order_change(const RequestContext&) {
    auto response = problem_response(
        Problem{http::status::method_not_allowed,
                core::make_error(core::ErrorKind::Conflict, "order-immutable",
                                 "An order cannot be changed once it is placed. Suspend the "
                                 "subscription it created, or place a new order.")});
    response.set(http::field::allow, "GET");
    return response;
}

StringResponse list_subscriptions(SubscriptionService& subscriptions,
                                  const RequestContext& context) {
    const auto views = subscriptions.list(context.caller->principal, context.param("customerId"));
    if (!views)
        return problem_response(views.error());
    return json_response(http::status::ok, core::subscriptions_to_json(*views));
}

StringResponse change_subscription(SubscriptionService& subscriptions,
                                   core::SubscriptionAction action, const RequestContext& context) {
    if (const auto problem = check_body_has_no_fields(context.request))
        return problem_response(*problem);
    const auto ifMatch = if_match_version(context.request);
    if (!ifMatch)
        return problem_response(ifMatch.error());
    const auto view = subscriptions.change(context.caller->principal,
                                           context.param("subscriptionId"), action, *ifMatch);
    if (!view)
        return problem_response(view.error());
    auto response = json_response(http::status::ok, core::to_json(*view));
    response.set(http::field::etag, etag_of(view->subscription.version));
    return response;
}

}  // namespace

void add_order_routes(Router& router, OrderService& orders, SubscriptionService& subscriptions,
                      std::optional<PublicUrl> publicUrl) {
    const LinkBase links(std::move(publicUrl));  // copied into each route below
    const auto add = [&router](http::verb method, std::string pattern, Handler handler) {
        router.add(
            {method, std::move(pattern), Access::SignedIn, std::nullopt, std::move(handler)});
    };
    add(http::verb::get, "/api/v1/products",
        [&orders](const RequestContext& c) { return list_products(orders, c); });
    add(http::verb::get, kOrders,
        [&orders, links](const RequestContext& c) { return list_orders(orders, links, c); });
    add(http::verb::post, kOrders,
        [&orders, links](const RequestContext& c) { return place_order(orders, links, c); });
    add(http::verb::post, "/api/v1/orders/decisions",
        [&orders, links](const RequestContext& c) { return decide_orders(orders, links, c); });
    add(http::verb::get, kOrder,
        [&orders, links](const RequestContext& c) { return get_order(orders, links, c); });
    for (const auto method : {http::verb::put, http::verb::patch, http::verb::delete_})
        add(method, kOrder, refuse_order_change);
    add(http::verb::post, "/api/v1/orders/{orderId}/approve",
        [&orders, links](const RequestContext& c) {
            return decide_order(orders, links, OrderAction::Approve, c);
        });
    add(http::verb::post, "/api/v1/orders/{orderId}/reject",
        [&orders, links](const RequestContext& c) {
            return decide_order(orders, links, OrderAction::Reject, c);
        });
    add(http::verb::get, "/api/v1/customers/{customerId}/subscriptions",
        [&subscriptions](const RequestContext& c) { return list_subscriptions(subscriptions, c); });
    add(http::verb::put, "/api/v1/subscriptions/{subscriptionId}/suspend",
        [&subscriptions](const RequestContext& c) {
            return change_subscription(subscriptions, core::SubscriptionAction::Suspend, c);
        });
    add(http::verb::put, "/api/v1/subscriptions/{subscriptionId}/resume",
        [&subscriptions](const RequestContext& c) {
            return change_subscription(subscriptions, core::SubscriptionAction::Resume, c);
        });
}

}  // namespace orgdesk::server
