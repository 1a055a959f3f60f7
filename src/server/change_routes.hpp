#pragma once
// Live updates: GET /api/v1/changes is a long poll. Without `after` it answers at once with the
// current cursor; with `after=<cursor>` it answers as soon as anything in the caller's tenant
// changes after that cursor ({"changed": true} and a new cursor), or after `wait` seconds
// (default 25) with {"changed": false}. The answer carries no data: the app reloads what it shows
// through the scoped API.
#include <cstdint>

#include "platform/change_feed.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

// `epoch` tells this run of the server from others (its start time), so a cursor from before a
// restart is seen as out of date rather than as a position in the new sequence.
void add_change_routes(Router& router, platform::ChangeFeed& feed, std::int64_t epoch);

}  // namespace orgdesk::server
