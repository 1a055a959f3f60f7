#pragma once
// Turns one HTTP request into one answer: routes it, checks the session token for routes that
// need one, falls back to the web app's static files, and gives every answer the same headers.
// Independent of sockets, so the whole request path can be reasoned about in one place.
#include "server/auth_service.hpp"
#include "server/http_types.hpp"
#include "server/problems.hpp"
#include "server/router.hpp"
#include "server/static_files.hpp"

namespace orgdesk::server {

class HttpApplication {
  public:
    // `staticFiles` may be null: then only the API is served. `reachedOverHttps`: the server's
    // public URL is https, so every answer carries Strict-Transport-Security.
    HttpApplication(const Router& router, AuthService& auth, const StaticFiles* staticFiles,
                    bool reachedOverHttps);

    // Never throws: a fault becomes a 500 problem (and a log line). A deferred answer comes with
    // its headers already set, like any other. `clientAddress`: the peer's IP address.
    Answer handle(const Request& request, std::string_view clientAddress = {}) const;

    // The answer to a request that could not be read whole (too large, malformed): it ends the
    // connection, since the rest of the request is still unread.
    StringResponse refuse(const Problem& problem, unsigned httpVersion) const;

  private:
    Answer route(const Request& request, std::string_view clientAddress) const;
    RouteResponse run(const RouteFound& found, const Request& request, std::string_view rawQuery,
                      std::string_view clientAddress) const;

    const Router& router_;
    AuthService& auth_;
    const StaticFiles* staticFiles_;
    bool reachedOverHttps_;
};

}  // namespace orgdesk::server
