#pragma once
// The Commvault-style webservice of seed 002 (DESIGN.md "The API"), for integrations written
// against Commvault's REST API:
//
//   GET  /webservice                                           the service is up (no token)
//   POST /webservice/Login                                     {"username", "password" (base64)}
//   GET  /webservice/CommServ                                  this deployment's identity
//   GET|POST /webservice/WhoAmI                                the signed-in person
//   POST /webservice/RenewLoginToken                           {"sessionId": "QSDK <token>"}
//   POST /webservice/Logout                                    ends the session
//   GET  /webservice/Organization                              the caller's organizations
//   GET  /webservice/Organization/{organizationId}             one organization's details
//   GET  /webservice/Organization/{organizationId}/TwoFactorAuth      (mode 0: Orgdesk has none)
//   POST /webservice/organization/{organizationId}/action/activate     (core approve)
//   POST /webservice/organization/{organizationId}/action/deactivate   (core suspend)
//
// The same routes answer under /webconsole/api/ and /SearchSvc/CVWebService.svc/, the roots
// Commvault's own clients address, and every path under the three matches whatever its case.
//
// Answers are XML or JSON by the Accept header (XML unless JSON is asked for; Login answers JSON
// unless XML is asked for). The token Login returns ("QSDK <token>") is an ordinary session
// token: it is accepted in the Authtoken header here and on /api/v1 alike. {organizationId} is the
// organization's numeric provider id (the id in GET Organization's shortName), or its UUID.
//
// Errors keep each answer's own shape with a non-zero errorCode (the HTTP status the same
// refusal has under /api/v1, or Commvault's 5 for a wrong sign-in) and the same HTTP status as
// /api/v1 would give.
#include <optional>
#include <string>
#include <vector>

#include "platform/organization_service.hpp"
#include "platform/store.hpp"
#include "server/auth_service.hpp"
#include "server/password_work_queue.hpp"
#include "server/problems.hpp"
#include "server/public_url.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

// `publicUrl`: where the server is reached (--public-url), the CommServ's host name.
void add_webservice_routes(Router& router, AuthService& auth, PasswordWorkQueue& passwordWork,
                           platform::OrganizationService& organizations, platform::Store& store,
                           std::optional<PublicUrl> publicUrl);

// Whether the route is one of the above: its refusals are written by webservice_refusal, not
// as application/problem+json.
bool is_webservice_route(const Route& route);

// The answer of a webservice route that refuses a request before its handler runs (no token,
// an expired one), in that route's own XML or JSON shape.
StringResponse webservice_refusal(const Route& route, const Request& request,
                                  const core::Error& error);

// A path under one of the webservice's roots (any case), as its routes are written: under
// /webservice. nullopt for a path under none of them.
std::optional<std::vector<std::string>> webservice_segments(
    const std::vector<std::string>& segments);

// The answer for a path under a webservice root that no route takes (404), or with a method
// its route does not take (405): `problem`'s status and message in the generic shape.
StringResponse webservice_unrouted(const Request& request, const Problem& problem);

// The format the Accept header asks for.
enum class WireFormat { Xml, Json };
// Reads the media ranges with their q values; the JSON or XML type with the highest q wins
// (the first listed on a tie). `fallback` when neither is named (no Accept, "*/*", other types).
WireFormat negotiate_format(std::string_view accept, WireFormat fallback);

// Commvault's Login password encoding: standard base64 (RFC 4648 §4), padded or not. nullopt
// when the text is not base64.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace orgdesk::server
