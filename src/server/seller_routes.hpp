#pragma once
// GET /api/v1/sellers: the sellers a caller may create customer organizations under. A
// Distributor Admin sees its distributor's sellers, seller staff their own seller.
#include "platform/store.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

void add_seller_routes(Router& router, platform::Store& store);

}  // namespace orgdesk::server
