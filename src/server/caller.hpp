#pragma once
// Who sent a request: the signed-in user and the session their token belongs to.
#include <string>

#include "core/access_policy.hpp"

namespace orgdesk::server {

struct Caller {
    core::Principal principal;
    std::string sessionId;  // the token's public id part, never its secret
};

}  // namespace orgdesk::server
