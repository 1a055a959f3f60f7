#include "server/customer_routes.hpp"

#include <string_view>

#include "core/json_codecs.hpp"
#include "core/request_codecs.hpp"
#include "core/time_format.hpp"
#include "server/if_match.hpp"
#include "server/json_body.hpp"
#include "server/list_query.hpp"
#include "server/problems.hpp"
#include "server/request_parts.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

using core::Json;
using core::OrgAction;
using platform::OrganizationService;

constexpr const char* kCustomers = "/api/v1/customers";
constexpr const char* kCustomer = "/api/v1/customers/{customerId}";

StringResponse customer_response(const core::CustomerView& view) {
    auto response = json_response(http::status::ok, core::to_json_text(view));
    response.set(http::field::etag, etag_of(view.org.version));
    return response;
}

// The conditional-request and body plumbing every change shares: If-Match, then the handler.
template <class Apply>
StringResponse with_if_match(const RequestContext& context, Apply apply) {
    const auto ifMatch = if_match_version(context.request);
    if (!ifMatch)
        return problem_response(ifMatch.error());
    const auto view = apply(*ifMatch);
    if (!view)
        return problem_response(view.error());
    return customer_response(*view);
}

StringResponse list_customers(OrganizationService& organizations, const RequestContext& context) {
    const auto request = list_request_from_query(context.query);
    if (!request)
        return problem_response(request.error());
    const auto& who = context.caller->principal;
    auto page = organizations.list(who, *request);
    if (!page)
        return problem_response(page.error());
    return json_response(http::status::ok, core::to_json_text(*page));
}

StringResponse get_customer(OrganizationService& organizations, const RequestContext& context) {
    const auto view = organizations.get(context.caller->principal, context.param("customerId"));
    if (!view)
        return problem_response(view.error());
    return customer_response(*view);
}

StringResponse create_customer(OrganizationService& organizations, const RequestContext& context) {
    auto body = read_json_body(context.request);
    if (auto* problem = std::get_if<Problem>(&body))
        return problem_response(*problem);
    const auto& json = std::get<Json>(body);
    const auto idempotency = idempotency_of(context.request, json);
    if (!idempotency)
        return problem_response(idempotency.error());
    auto request = core::create_request_from_json(json);
    if (!request)
        return problem_response(request.error());
    const auto outcome =
        organizations.create(context.caller->principal, std::move(request).value(), *idempotency);
    if (!outcome)
        return problem_response(outcome.error());
    return created_response(*outcome, kCustomers);
}

StringResponse edit_customer(OrganizationService& organizations, const RequestContext& context) {
    auto body = read_json_body(context.request);
    if (auto* problem = std::get_if<Problem>(&body))
        return problem_response(*problem);
    return with_if_match(context, [&](std::optional<std::int64_t> ifMatch) {
        return organizations.edit(context.caller->principal, context.param("customerId"),
                                  std::get<Json>(body), ifMatch);
    });
}

// Approve and resume: no fields to read, and none may be sent.
StringResponse change_status(OrganizationService& organizations, OrgAction action,
                             const RequestContext& context) {
    if (const auto problem = check_body_has_no_fields(context.request))
        return problem_response(*problem);
    return with_if_match(context, [&](std::optional<std::int64_t> ifMatch) {
        return organizations.change_status(context.caller->principal, context.param("customerId"),
                                           action, ifMatch);
    });
}

// A change whose body `decode` reads; `apply` takes the decoded request and the If-Match.
template <class Decode, class Apply>
StringResponse change_with_body(const RequestContext& context, Decode decode, Apply apply) {
    auto body = read_object_body(context.request);
    if (auto* problem = std::get_if<Problem>(&body))
        return problem_response(*problem);
    auto decoded = decode(std::get<Json>(body));
    if (!decoded)
        return problem_response(decoded.error());
    return with_if_match(
        context, [&](std::optional<std::int64_t> ifMatch) { return apply(*decoded, ifMatch); });
}

StringResponse reject_customer(OrganizationService& organizations, const RequestContext& context) {
    return change_with_body(context, core::reject_reason_from_json,
                            [&](const std::string& reason, std::optional<std::int64_t> ifMatch) {
                                return organizations.reject(context.caller->principal,
                                                            context.param("customerId"), reason,
                                                            ifMatch);
                            });
}

StringResponse suspend_customer(OrganizationService& organizations, const RequestContext& context) {
    return change_with_body(
        context, core::suspend_request_from_json,
        [&](core::SubscriptionsOnSuspend choice, std::optional<std::int64_t> ifMatch) {
            return organizations.suspend(context.caller->principal, context.param("customerId"),
                                         choice, ifMatch);
        });
}

StringResponse delete_customer(OrganizationService& organizations, const RequestContext& context) {
    // ?cancelSubscriptions=true asks the same as a body {"cancelSubscriptions": true}.
    std::optional<bool> fromQuery;
    if (const auto it = context.query.find("cancelSubscriptions"); it != context.query.end()) {
        if (it->second != "true" && it->second != "false") {
            return problem_response(
                invalid_parameter("cancelSubscriptions", "must be true or false"));
        }
        fromQuery = it->second == "true";
    }
    return change_with_body(
        context, core::delete_request_from_json,
        [&](const core::DeleteRequest& request, std::optional<std::int64_t> ifMatch) {
            const bool cancel = fromQuery.value_or(false) || request.cancelSubscriptions;
            return organizations.remove(context.caller->principal, context.param("customerId"),
                                        cancel, ifMatch);
        });
}

StringResponse change_ownership(OrganizationService& organizations, const RequestContext& context) {
    return change_with_body(
        context, core::ownership_change_from_json,
        [&](const core::OwnershipChange& change, std::optional<std::int64_t> ifMatch) {
            return organizations.change_ownership(context.caller->principal,
                                                  context.param("customerId"), change, ifMatch);
        });
}

StringResponse list_members(OrganizationService& organizations, const RequestContext& context) {
    const auto members =
        organizations.members(context.caller->principal, context.param("customerId"));
    if (!members)
        return problem_response(members.error());
    Json items = Json::array();
    for (const auto& member : *members)
        items.push_back(core::to_json(member));
    return json_response(http::status::ok, {{"items", items}});
}

// A stored snapshot as JSON (null when there is none).
Json snapshot_json(const std::string& text) {
    if (text.empty())
        return nullptr;
    auto json = Json::parse(text, nullptr, false);
    return json.is_discarded() ? Json(text) : json;
}

StringResponse audit_trail(OrganizationService& organizations, const RequestContext& context) {
    const auto entries =
        organizations.audit(context.caller->principal, context.param("customerId"));
    if (!entries)
        return problem_response(entries.error());
    Json items = Json::array();
    for (const auto& entry : *entries) {
        const auto& e = entry.event;
        items.push_back({{"at", core::format_iso8601(e.atMs)},
                         {"actor", {{"id", e.actorId}, {"name", entry.actorName}}},
                         {"action", e.action},
                         {"before", snapshot_json(e.before)},
                         {"after", snapshot_json(e.after)}});
    }
    return json_response(http::status::ok, {{"items", items}});
}

using CustomerHandler = StringResponse (*)(OrganizationService&, const RequestContext&);

struct CustomerRoute {
    http::verb method;
    const char* pattern;
    std::optional<OrgAction> action;  // what it does to an organization, for the access matrix
    CustomerHandler handler;
};

// Create acts on no existing organization (its rule is core::place_new_organization); the reads
// take no action.
const CustomerRoute kCustomerRoutes[] = {
    {http::verb::get, kCustomers, std::nullopt, list_customers},
    {http::verb::post, kCustomers, std::nullopt, create_customer},
    {http::verb::get, kCustomer, std::nullopt, get_customer},
    {http::verb::patch, kCustomer, OrgAction::Edit, edit_customer},
    {http::verb::put, "/api/v1/customers/{customerId}/reject", OrgAction::Reject, reject_customer},
    {http::verb::put, "/api/v1/customers/{customerId}/suspend", OrgAction::Suspend,
     suspend_customer},
    {http::verb::delete_, kCustomer, OrgAction::Delete, delete_customer},
    {http::verb::put, "/api/v1/customers/{customerId}/ownership", OrgAction::Edit,
     change_ownership},
    {http::verb::get, "/api/v1/customers/{customerId}/members", std::nullopt, list_members},
    {http::verb::get, "/api/v1/customers/{customerId}/audit", std::nullopt, audit_trail},
};

struct StatusRoute {
    OrgAction action;
    const char* pattern;
};

constexpr StatusRoute kStatusRoutes[] = {
    {OrgAction::Approve, "/api/v1/customers/{customerId}/approve"},
    {OrgAction::Resume, "/api/v1/customers/{customerId}/resume"},
};

}  // namespace

void add_customer_routes(Router& router, OrganizationService& organizations) {
    for (const auto& route : kCustomerRoutes) {
        router.add({route.method, route.pattern, Access::SignedIn, route.action,
                    [&organizations, handler = route.handler](const RequestContext& c) {
                        return handler(organizations, c);
                    }});
    }
    for (const auto& route : kStatusRoutes) {
        router.add({http::verb::put, route.pattern, Access::SignedIn, route.action,
                    [&organizations, action = route.action](const RequestContext& c) {
                        return change_status(organizations, action, c);
                    }});
    }
}

}  // namespace orgdesk::server
