#pragma once
// The query string of a customer list: ?q=&status=&limit=&cursor=.
#include "core/result.hpp"
#include "platform/organization_service.hpp"
#include "server/url.hpp"

namespace orgdesk::server {

// InvalidInput naming the parameter at fault for an unknown status, a limit outside
// 1..core::kMaxPageSize or a cursor this server did not make.
core::Result<platform::ListRequest> list_request_from_query(const QueryParams& query);

}  // namespace orgdesk::server
