#pragma once
// The Commvault-style webservice of seed 002 (DESIGN.md "The API"), for integrations written
// against Commvault's REST API:
//
//   POST /webservice/Login                                     {"username", "password" (base64)}
//   GET  /webservice/Organization                              the caller's organizations
//   POST /webservice/organization/{organizationId}/action/activate     (core approve)
//   POST /webservice/organization/{organizationId}/action/deactivate   (core suspend)
//
// Answers are XML or JSON by the Accept header (XML unless JSON is asked for; Login answers JSON
// unless XML is asked for). The token Login returns ("QSDK <token>") is an ordinary session
// token: it is accepted in the Authtoken header here and on /api/v1 alike. {organizationId} is the
// organization's numeric provider id (the id in GET Organization's shortName), or its UUID.
//
// Errors keep each answer's own shape with a non-zero errorCode (the HTTP status the same
// refusal has under /api/v1, or Commvault's 5 for a wrong sign-in) and the same HTTP status as
// /api/v1 would give.
#include "platform/organization_service.hpp"
#include "platform/store.hpp"
#include "server/auth_service.hpp"
#include "server/password_work_queue.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

void add_webservice_routes(Router& router, AuthService& auth, PasswordWorkQueue& passwordWork,
                           platform::OrganizationService& organizations, platform::Store& store);

// Whether the route is one of the above: its refusals are written by webservice_refusal, not
// as application/problem+json.
bool is_webservice_route(const Route& route);

// The answer of a webservice route that refuses a request before its handler runs (no token,
// an expired one), in that route's own XML or JSON shape.
StringResponse webservice_refusal(const Route& route, const Request& request,
                                  const core::Error& error);

// The format the Accept header asks for.
enum class WireFormat { Xml, Json };
// Reads the media ranges with their q values; the JSON or XML type with the highest q wins
// (the first listed on a tie). `fallback` when neither is named (no Accept, "*/*", other types).
WireFormat negotiate_format(std::string_view accept, WireFormat fallback);

// Commvault's Login password encoding: standard base64 (RFC 4648 §4), padded or not. nullopt
// when the text is not base64.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace orgdesk::server
