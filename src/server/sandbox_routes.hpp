#pragma once
// POST /api/v1/sandbox/sessions: a new demo sandbox with a sign-in per demo role.
#include "server/router.hpp"
#include "server/sandbox_service.hpp"

namespace orgdesk::server {

void add_sandbox_routes(Router& router, SandboxService& sandboxes);

}  // namespace orgdesk::server
