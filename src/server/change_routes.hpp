#pragma once
// Live updates: GET /api/v1/changes is a long poll. Without `after` it answers at once with the
// current cursor; with `after=<cursor>` it answers as soon as anything in the caller's tenant
// changes after that cursor ({"changed": true} and a new cursor), or after `wait` seconds
// (default 25) with {"changed": false}. The answer carries no data: the app reloads what it shows
// through the scoped API.
#include "platform/change_feed.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

// The cursors are opaque (see change_cursor.hpp) and open only in this run of this server: one
// from before a restart, or from another instance, is answered at once with a fresh cursor and
// `changed: true`, since the client may have missed anything.
void add_change_routes(Router& router, platform::ChangeFeed& feed);

}  // namespace orgdesk::server
