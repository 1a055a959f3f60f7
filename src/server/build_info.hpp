#pragma once
// What this server is: the version CMake's project has and the commit built (read at configure
// time; "unknown" outside a git checkout). For /metrics' orgdesk_build_info and Commvault's
// CommServ call.
#include <string>

namespace orgdesk::server {

std::string build_version();
std::string build_commit();

}  // namespace orgdesk::server
