#pragma once
// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me,
// PUT /api/v1/auth/password. Password checks run on the PasswordWorkQueue.
#include "server/auth_service.hpp"
#include "server/password_work_queue.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

void add_auth_routes(Router& router, AuthService& auth, PasswordWorkQueue& passwordWork);

}  // namespace orgdesk::server
