#include "server/customer_routes.hpp"

#include <string_view>

#include "core/json_codecs.hpp"
#include "server/if_match.hpp"
#include "server/json_body.hpp"
#include "server/list_query.hpp"
#include "server/problems.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

using core::OrgAction;
using platform::OrganizationService;

constexpr const char* kCustomers = "/api/v1/customers";
constexpr const char* kCustomer = "/api/v1/customers/{customerId}";

struct StatusRoute {
    OrgAction action;
    http::verb method;
    const char* pattern;
};

constexpr StatusRoute kStatusRoutes[] = {
    {OrgAction::Approve, http::verb::put, "/api/v1/customers/{customerId}/approve"},
    {OrgAction::Reject, http::verb::put, "/api/v1/customers/{customerId}/reject"},
    {OrgAction::Suspend, http::verb::put, "/api/v1/customers/{customerId}/suspend"},
    {OrgAction::Resume, http::verb::put, "/api/v1/customers/{customerId}/resume"},
    {OrgAction::Delete, http::verb::delete_, kCustomer},
};

StringResponse customer_response(const core::CustomerView& view) {
    auto response = json_response(http::status::ok, core::to_json(view));
    response.set(http::field::etag, etag_of(view.org.version));
    return response;
}

// Every listable status with its count, zeros included, so the app need not guess missing keys.
core::Json counts_json(const std::map<core::OrgStatus, int>& counts) {
    core::Json json = core::Json::object();
    for (const auto status : core::kAllOrgStatuses) {
        if (status == core::OrgStatus::Deleted)
            continue;
        const auto it = counts.find(status);
        json[std::string(core::to_string(status))] = it == counts.end() ? 0 : it->second;
    }
    return json;
}

StringResponse list_customers(OrganizationService& organizations, const RequestContext& context) {
    const auto request = list_request_from_query(context.query);
    if (!request)
        return problem_response(request.error());
    const auto& who = context.caller->principal;
    const auto page = organizations.list(who, *request);
    if (!page)
        return problem_response(page.error());
    const auto counts = organizations.counts(who);
    if (!counts)
        return problem_response(counts.error());
    auto body = core::to_json(*page);
    body["counts"] = counts_json(*counts);
    return json_response(http::status::ok, body);
}

StringResponse get_customer(OrganizationService& organizations, const RequestContext& context) {
    const auto view = organizations.get(context.caller->principal, context.param("customerId"));
    if (!view)
        return problem_response(view.error());
    return customer_response(*view);
}

StringResponse change_status(OrganizationService& organizations, OrgAction action,
                             const RequestContext& context) {
    // The reject reason and the suspend choice of subscriptions are not read yet.
    if (const auto problem = check_optional_json_body(context.request)) {
        return problem_response(*problem);
    }
    const auto ifMatch = if_match_version(context.request);
    if (!ifMatch)
        return problem_response(ifMatch.error());
    const auto view = organizations.change_status(context.caller->principal,
                                                  context.param("customerId"), action, *ifMatch);
    if (!view)
        return problem_response(view.error());
    return customer_response(*view);
}

}  // namespace

void add_customer_routes(Router& router, OrganizationService& organizations) {
    router.add(
        {http::verb::get,
         kCustomers,
         Access::SignedIn,
         {},
         [&organizations](const RequestContext& c) { return list_customers(organizations, c); }});
    router.add(
        {http::verb::get,
         kCustomer,
         Access::SignedIn,
         {},
         [&organizations](const RequestContext& c) { return get_customer(organizations, c); }});
    for (const auto& route : kStatusRoutes) {
        router.add({route.method, route.pattern, Access::SignedIn, route.action,
                    [&organizations, action = route.action](const RequestContext& c) {
                        return change_status(organizations, action, c);
                    }});
    }
}

}  // namespace orgdesk::server
