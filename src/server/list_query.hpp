#pragma once
// The query strings of lists: customers ?q=&status=&limit=&cursor=, orders
// ?status=&customerId=&from=&to=&limit=&cursor=.
#include "core/result.hpp"
#include "platform/order_service.hpp"
#include "platform/organization_service.hpp"
#include "server/url.hpp"

namespace orgdesk::server {

// InvalidInput naming the parameter at fault for an unknown status, a limit outside
// 1..core::kMaxPageSize or a cursor this server did not make.
core::Result<platform::ListRequest> list_request_from_query(const QueryParams& query);
// `to` is exclusive: from=2026-11-01&to=2026-12-01 is November.
core::Result<platform::OrderListRequest> order_list_request_from_query(const QueryParams& query);

}  // namespace orgdesk::server
