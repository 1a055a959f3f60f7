#pragma once
// The customer organization routes of the wire contract that exist so far: list, retrieve, and
// the status changes approve, reject, suspend, resume and delete.
#include "platform/organization_service.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

void add_customer_routes(Router& router, platform::OrganizationService& organizations);

}  // namespace orgdesk::server
