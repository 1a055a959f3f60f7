#pragma once
// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
#include "server/auth_service.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

void add_auth_routes(Router& router, AuthService& auth);

}  // namespace orgdesk::server
