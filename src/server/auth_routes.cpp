#include "server/auth_routes.hpp"

#include <string>

#include "core/json_codecs.hpp"
#include "core/password_change.hpp"
#include "server/json_body.hpp"
#include "server/problems.hpp"
#include "server/request_parts.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

StringResponse login_answer(const core::Result<core::LoginResult>& result) {
    if (!result)
        return problem_response(result.error());
    return json_response(http::status::ok, core::to_json(*result));
}

RouteResponse login(AuthService& auth, PasswordWorkQueue& passwordWork,
                    const RequestContext& context) {
    auto body = decode_json_body(context.request, core::credentials_from_json);
    if (auto* refusal = std::get_if<StringResponse>(&body))
        return std::move(*refusal);
    auto& credentials = std::get<core::Credentials>(body);
    if (const auto refusal = auth.sign_in_refusal(credentials.username, context.clientAddress))
        return problem_response(*refusal);
    // The work outlives this request context: it keeps its own copies.
    return passwordWork.answer([&auth, credentials = std::move(credentials),
                                address = std::string(context.clientAddress)] {
        return login_answer(auth.login(credentials, address));
    });
}

RouteResponse change_password(AuthService& auth, PasswordWorkQueue& passwordWork,
                              const RequestContext& context) {
    auto body = decode_json_body(context.request, core::password_change_from_json);
    if (auto* refusal = std::get_if<StringResponse>(&body))
        return std::move(*refusal);
    auto& change = std::get<core::PasswordChange>(body);
    const auto& caller = *context.caller;
    if (const auto problem = core::new_password_problem(caller.principal.username, change))
        return problem_response(core::new_password_refused(*problem));
    if (const auto refusal = auth.sign_in_refusal(caller.principal.username, context.clientAddress))
        return problem_response(*refusal);
    return passwordWork.answer(
        [&auth, caller, change = std::move(change), address = std::string(context.clientAddress)] {
            return login_answer(auth.change_password(caller, change, address));
        });
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

void add_auth_routes(Router& router, AuthService& auth, PasswordWorkQueue& passwordWork) {
    router.add(
        {http::verb::post,
         "/api/v1/auth/login",
         Access::Public,
         {},
         [&auth, &passwordWork](const RequestContext& c) { return login(auth, passwordWork, c); }});
    router.add({http::verb::post,
                "/api/v1/auth/logout",
                Access::SignedIn,
                {},
                [&auth](const RequestContext& c) { return logout(auth, c); }});
    router.add({http::verb::get, "/api/v1/auth/me", Access::SignedIn, {}, me});
    router.add({http::verb::put,
                "/api/v1/auth/password",
                Access::SignedIn,
                {},
                [&auth, &passwordWork](const RequestContext& c) {
                    return change_password(auth, passwordWork, c);
                }});
}

}  // namespace orgdesk::server
