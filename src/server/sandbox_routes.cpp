#include "server/sandbox_routes.hpp"

#include "server/problems.hpp"
#include "server/request_parts.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

StringResponse create_sandbox(SandboxService& sandboxes, const RequestContext& context) {
    if (const auto problem = check_body_has_no_fields(context.request))
        return problem_response(*problem);
    const auto session = sandboxes.create(context.clientAddress);
    if (!session)
        return problem_response(session.error());
    return json_response(http::status::created, core::to_json(*session));
}

}  // namespace

void add_sandbox_routes(Router& router, SandboxService& sandboxes) {
    router.add({http::verb::post,
                "/api/v1/sandbox/sessions",
                Access::Public,
                {},
                [&sandboxes](const RequestContext& c) { return create_sandbox(sandboxes, c); }});
}

}  // namespace orgdesk::server
