#pragma once
// Demo sandboxes: a private, seeded tenant that lives for a while and is then purged. The limits
// on how many run at once and how many one client address may start, decided from the times the
// server reads from its store; and the wire form of a new sandbox (a sign-in per demo role).
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_codecs.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

struct SandboxLimits {
    int maxLive = 100;                         // sandboxes not yet expired, across all visitors
    int maxPerAddress = 10;                    // creations by one client address...
    std::int64_t addressWindowMs = 3'600'000;  // ...within this long
};

// What the limits are judged on.
struct SandboxUsage {
    std::vector<std::int64_t> liveExpiriesMs;      // of the sandboxes still live, any order
    std::vector<std::int64_t> addressCreationsMs;  // this address's creations within the window
};

enum class SandboxRefusal { None, TooManyLive, TooManyFromAddress };

struct SandboxVerdict {
    SandboxRefusal refusal = SandboxRefusal::None;
    std::int64_t retryAtMs = 0;  // when a refused creation may succeed
    bool allowed() const { return refusal == SandboxRefusal::None; }
};

// Refused while `maxLive` sandboxes are live (until the soonest of them expires), or while the
// address has made `maxPerAddress` within the window (until the oldest of those leaves it).
SandboxVerdict judge_sandbox_creation(const SandboxLimits& limits, const SandboxUsage& usage,
                                      std::int64_t nowMs);

// The 429 answer to a refused creation, e.g. "All demo sandboxes are in use. Try again in 12
// minutes.", carrying the seconds to wait.
Error sandbox_refused(const SandboxVerdict& verdict, const SandboxLimits& limits,
                      std::int64_t nowMs);

// The answer when the server runs with sandboxes switched off.
Error sandboxes_switched_off();

// A new sandbox: its id, when it ends, and one sign-in (token and user) per demo role, in the
// order Distributor Admin, Seller Admin, Account Manager, Customer Owner.
struct SandboxSession {
    std::string id;
    std::int64_t expiresAtMs = 0;
    std::vector<LoginResult> signIns;
};

// The demo roles of a sandbox, in the order of SandboxSession::signIns.
inline constexpr Role kSandboxRoles[] = {Role::DistributorAdmin, Role::SellerAdmin,
                                         Role::AccountManager, Role::CustomerOwner};

Json to_json(const SandboxSession& session);
Result<SandboxSession> sandbox_session_from_json(const Json& json);

}  // namespace orgdesk::core
