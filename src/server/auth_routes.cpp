#include "server/auth_routes.hpp"

#include "core/json_codecs.hpp"
#include "server/json_body.hpp"
#include "server/problems.hpp"
#include "server/request_parts.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

StringResponse login(AuthService& auth, const RequestContext& context) {
    const auto body = read_json_body(context.request);
    if (const auto* problem = std::get_if<Problem>(&body))
        return problem_response(*problem);
    const auto credentials = core::credentials_from_json(std::get<core::Json>(body));
    if (!credentials)
        return problem_response(credentials.error());
    const auto result = auth.login(*credentials);
    if (!result)
        return problem_response(result.error());
    return json_response(http::status::ok, core::to_json(*result));
}

StringResponse logout(AuthService& auth, const RequestContext& context) {
    if (const auto problem = check_body_has_no_fields(context.request))
        return problem_response(*problem);
    auth.logout(*context.caller);
    return no_content();
}

StringResponse me(const RequestContext& context) {
    return json_response(http::status::ok, core::to_json(context.caller->principal));
}

}  // namespace

void add_auth_routes(Router& router, AuthService& auth) {
    router.add({http::verb::post,
                "/api/v1/auth/login",
                Access::Public,
                {},
                [&auth](const RequestContext& c) { return login(auth, c); }});
    router.add({http::verb::post,
                "/api/v1/auth/logout",
                Access::SignedIn,
                {},
                [&auth](const RequestContext& c) { return logout(auth, c); }});
    router.add({http::verb::get, "/api/v1/auth/me", Access::SignedIn, {}, me});
}

}  // namespace orgdesk::server
