#pragma once
// GET /healthz: 200 {"status":"ok"} while the store answers, 503 otherwise. For load balancers
// and process supervisors, so it needs no token.
#include "platform/store.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

void add_health_routes(Router& router, platform::Store& store);

}  // namespace orgdesk::server
