#pragma once
// Turns one HTTP request into one answer: routes it, checks the session token for routes that
// need one, falls back to the web app's static files, and gives every answer the same headers.
// Independent of sockets, so the whole request path can be reasoned about in one place.
#include <string>
#include <string_view>

#include "server/auth_service.hpp"
#include "server/http_types.hpp"
#include "server/problems.hpp"
#include "server/router.hpp"
#include "server/static_files.hpp"

namespace orgdesk::server {

// What routing learned of a request, for its metrics and log line: the route matched (it lives
// as long as the router), or that a web app file answered; and, only when `withCaller` is set
// (the JSON log wants them), who called on a route that needs a session.
struct RequestFacts {
    const Route* route = nullptr;
    bool staticFile = false;
    bool withCaller = false;
    std::string userId;
    std::string tenantId;
};

class HttpApplication {
  public:
    // `staticFiles` may be null: then only the API is served. `reachedOverHttps`: the server's
    // public URL is https, so every answer carries Strict-Transport-Security.
    HttpApplication(const Router& router, AuthService& auth, const StaticFiles* staticFiles,
                    bool reachedOverHttps);

    // Never throws: a fault becomes a 500 problem (and a log line). A deferred answer comes with
    // its headers already set, like any other. `clientAddress`: the peer's IP address.
    // `requestId`: the request's id (request_id.hpp), for the log line of a fault. `facts`, if
    // given, gets the route matched and the caller (see RequestFacts).
    Answer handle(const Request& request, std::string_view clientAddress = {},
                  std::string_view requestId = {}, RequestFacts* facts = nullptr) const;

    // The answer to a request that could not be read whole (too large, malformed): it ends the
    // connection, since the rest of the request is still unread.
    StringResponse refuse(const Problem& problem, unsigned httpVersion) const;

  private:
    Answer route(const Request& request, std::string_view clientAddress, RequestFacts* facts) const;
    RouteResponse run(const RouteFound& found, const Request& request, std::string_view rawQuery,
                      std::string_view clientAddress, RequestFacts* facts) const;

    const Router& router_;
    AuthService& auth_;
    const StaticFiles* staticFiles_;
    bool reachedOverHttps_;
};

}  // namespace orgdesk::server
