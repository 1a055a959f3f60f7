#pragma once
// The tenant of a demo sandbox, made whole before it is written: a distributor with three
// sellers, about 200 customer organizations in every status with their members, about 500 orders
// in every status with the subscriptions provisioned ones made, the audit trail of all of it,
// and one user per demo role. Pure: every id comes from the generator it is given, so each
// sandbox's rows are its own.
#include <cstdint>
#include <string>

#include "platform/service_support.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

struct SandboxSize {
    int customers = 200;
    int orders = 500;
};

// The tenant under distributor `distributorId` as it stands at `nowMs`. Its users come in the
// order of core::kSandboxRoles; they have no password (a sandbox is entered by its tokens only)
// and their usernames are unique to the sandbox. Sessions are left to the caller.
TenantSeed sandbox_tenant(const std::string& distributorId, std::int64_t nowMs,
                          const SandboxSize& size, const IdGenerator& newId);

}  // namespace orgdesk::platform
