#pragma once
// GET /api/v1/openapi.json: an OpenAPI 3.0 document of every route in the route table. The
// paths come from the table itself; what a route does, takes and answers comes from a
// description table in openapi.cpp keyed by method and pattern, so a route added without a
// description there is caught by a test (and shows as "Undocumented" in the document).
#include <string_view>
#include <vector>

#include "core/json_codecs.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

inline constexpr const char* kOpenApiPath = "/api/v1/openapi.json";

// How a route's answers are written.
enum class ApiStyle {
    Json,        // JSON answers, errors as application/problem+json
    Webservice,  // the Commvault-style webservice: XML or JSON by Accept, errors in its shapes
};

struct QueryParameterDoc {
    std::string_view name{};
    std::string_view description{};
    std::string_view type{};  // "string", "boolean", "integer"
};

struct RouteDoc {
    http::verb method = http::verb::get;
    std::string_view pattern{};
    std::string_view summary{};
    std::string_view description{};
    std::string_view tag{};
    ApiStyle style = ApiStyle::Json;
    std::string_view requestSchema{};  // a components/schemas name, or empty for no body
    bool requestRequired = false;
    int successStatus = 200;
    std::string_view successDescription{};
    std::string_view responseSchema{};  // a components/schemas name, or empty for no body
    std::vector<int> errorStatuses{};   // 401 is added for SignedIn routes
    std::string_view errorSchema{};     // the errors' schema; empty: Problem (problem+json)
    bool listQuery = false;             // takes ?q=&status=&limit=&cursor=
    std::vector<QueryParameterDoc> queryParameters{};  // its other query parameters
    bool ifMatch = false;                              // accepts If-Match (412 on a stale version)
    bool idempotencyKey = false;                       // accepts Idempotency-Key
    bool etag = false;                                 // answers with an ETag
    bool location = false;                             // answers with a Location (creates)
};

// The description of the route `method` `pattern`, or null when it has none.
const RouteDoc* find_route_doc(http::verb method, std::string_view pattern);

// Every description, for tests that check the table against the routes.
const std::vector<RouteDoc>& route_docs();

// The document for the routes in `router` as they are now.
core::Json openapi_document(const Router& router);

// Adds GET /api/v1/openapi.json (public). The document is built on its first request, when the
// table is complete, and kept: the table does not change once the server runs.
void add_openapi_route(Router& router);

}  // namespace orgdesk::server
