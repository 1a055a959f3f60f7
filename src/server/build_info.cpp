#include "server/build_info.hpp"

#ifndef ORGDESK_VERSION
#define ORGDESK_VERSION "unknown"
#endif
#ifndef ORGDESK_COMMIT
#define ORGDESK_COMMIT "unknown"
#endif

namespace orgdesk::server {

std::string build_version() {
    return ORGDESK_VERSION;
}

std::string build_commit() {
    return ORGDESK_COMMIT;
}

}  // namespace orgdesk::server
