// GCC 12 warns that moving a Beast file response into the Answer variant may read an
// uninitialized file handle: a false positive in file_posix's move constructor, which sets the
// handle of the object moved from.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "server/http_application.hpp"

#include <exception>
#include <optional>

#include <spdlog/spdlog.h>

#include "core/access_policy.hpp"
#include "server/bearer_token.hpp"
#include "server/request_log.hpp"
#include "server/security_headers.hpp"
#include "server/url.hpp"
#include "server/webservice_routes.hpp"

namespace orgdesk::server {
namespace {

bool is_api_path(const std::vector<std::string>& segments) {
    return !segments.empty() && segments.front() == "api";
}

StringResponse api_answer(StringResponse response) {
    forbid_caching(response.base());
    return response;
}

Answer as_answer(RouteResponse response) {
    if (auto* now = std::get_if<StringResponse>(&response))
        return Response(std::move(*now));
    return std::get<DeferredResponse>(std::move(response));
}

}  // namespace

HttpApplication::HttpApplication(const Router& router, AuthService& auth,
                                 const StaticFiles* staticFiles, bool reachedOverHttps)
    : router_(router),
      auth_(auth),
      staticFiles_(staticFiles),
      reachedOverHttps_(reachedOverHttps) {}

Answer HttpApplication::handle(const Request& request, std::string_view clientAddress,
                               std::string_view requestId, RequestFacts* facts) const {
    Answer answer = [&]() -> Answer {
        try {
            return route(request, clientAddress, facts);
        } catch (const std::exception& e) {
            spdlog::error("{} {} failed: {} req={}", request.method_string(),
                          loggable_path(request.target()), e.what(), requestId);
            return Response(api_answer(problem_response(internal_error())));
        }
    }();
    const auto finish = [version = request.version(), keepAlive = request.keep_alive(),
                         https = reachedOverHttps_](auto& r) {
        r.version(version);
        r.keep_alive(keepAlive);
        apply_security_headers(r.base(), https);
    };
    if (auto* response = std::get_if<Response>(&answer)) {
        std::visit(finish, *response);
        return answer;
    }
    return as_answer(finish_answer(std::get<DeferredResponse>(std::move(answer)), finish));
}

StringResponse HttpApplication::refuse(const Problem& problem, unsigned httpVersion) const {
    auto response = api_answer(problem_response(problem));
    apply_security_headers(response.base(), reachedOverHttps_);
    response.version(httpVersion);
    response.keep_alive(false);
    return response;
}

Answer HttpApplication::route(const Request& request, std::string_view clientAddress,
                              RequestFacts* facts) const {
    const auto target = split_target(request.target());
    const auto segments = decode_path_segments(target.path);
    if (!segments)
        return Response(api_answer(problem_response(malformed_path())));

    // A path under a webservice root is routed as its routes are written (under /webservice).
    const auto webservice = webservice_segments(*segments);
    auto lookup = router_.find(request.method(), webservice ? *webservice : *segments);
    if (auto* found = std::get_if<RouteFound>(&lookup)) {
        if (facts != nullptr)
            facts->route = found->route;
        return as_answer(finish_answer(run(*found, request, target.query, clientAddress, facts),
                                       [](StringResponse& r) { forbid_caching(r.base()); }));
    }
    if (const auto* wrongMethod = std::get_if<RouteWrongMethod>(&lookup)) {
        auto response = webservice ? webservice_unrouted(request, method_not_allowed())
                                   : problem_response(method_not_allowed());
        response.set(http::field::allow, wrongMethod->allow);
        return Response(api_answer(std::move(response)));
    }
    if (webservice)  // no static file lives under a webservice root
        return Response(api_answer(webservice_unrouted(request, route_not_found())));
    if (is_api_path(*segments) || staticFiles_ == nullptr) {
        return Response(api_answer(problem_response(route_not_found())));
    }
    if (facts != nullptr)
        facts->staticFile = true;
    return staticFiles_->serve(request, *segments);
}

RouteResponse HttpApplication::run(const RouteFound& found, const Request& request,
                                   std::string_view rawQuery, std::string_view clientAddress,
                                   RequestFacts* facts) const {
    const auto query = parse_query(rawQuery);
    if (!query) {
        return problem_response(invalid_parameter("the query string", "has a malformed %-escape"));
    }
    std::optional<Caller> caller;
    if (found.route->access == Access::SignedIn) {
        auto authenticated =
            auth_.authenticate(token_from_headers(request), !found.route->backgroundPoll);
        if (!authenticated) {
            if (is_webservice_route(*found.route))  // refused in the webservice's own shape
                return webservice_refusal(*found.route, request, authenticated.error());
            auto response = problem_response(authenticated.error());
            response.set(http::field::www_authenticate, "Bearer");
            return response;
        }
        caller = std::move(authenticated).value();
        if (facts != nullptr && facts->withCaller) {
            facts->userId = caller->principal.userId;
            facts->tenantId = core::tenant_of(caller->principal);
        }
    }
    const RequestContext context{request, found.params, *query, caller ? &*caller : nullptr,
                                 clientAddress};
    return found.route->handler(context);
}

}  // namespace orgdesk::server
