#include "server/sandbox_service.hpp"

#include <utility>

#include "platform/sandbox_tenant.hpp"
#include "server/session_token.hpp"

namespace orgdesk::server {

SandboxService::SandboxService(platform::Store& store, platform::Clock clock,
                               SandboxOptions options)
    : store_(store),
      clock_(std::move(clock)),
      options_(std::move(options)),
      // Random ids whatever the server's own generator: a sandbox's ids must never collide
      // with another sandbox's or the real tenants'.
      newId_(platform::random_uuid_generator()) {}

core::Result<core::SandboxSession> SandboxService::create(std::string_view clientAddress) {
    if (!options_.enabled)
        return core::sandboxes_switched_off();
    const auto& limits = options_.limits;
    const std::int64_t now = clock_();
    const std::int64_t windowStart = now - limits.addressWindowMs;
    // Asked before the tenant is made, so a refused visitor costs one small query.
    const auto verdict = core::judge_sandbox_creation(
        limits, store_.sandbox_usage(clientAddress, now, windowStart), now);
    if (!verdict.allowed())
        return core::sandbox_refused(verdict, limits, now);

    const std::int64_t expiresAt =
        now + std::chrono::duration_cast<std::chrono::milliseconds>(options_.lifetime).count();
    platform::SandboxRecord sandbox{newId_(), std::string(clientAddress), now, expiresAt};
    auto tenant = platform::sandbox_tenant(sandbox.id, now, options_.size, newId_);

    core::SandboxSession session{sandbox.id, expiresAt, {}};
    for (const auto& user : tenant.users) {
        const auto token = generate_session_token();
        platform::SessionRecord record;
        record.id = token.id;
        record.secretHash = hash_token_secret(token.secret);
        record.userId = user.principal.userId;
        record.createdAtMs = now;
        record.lastUsedAtMs = now;
        record.expiresAtMs = expiresAt;
        record.endsAtMs = expiresAt;
        tenant.sessions.push_back(std::move(record));
        session.signIns.push_back({token.text(), expiresAt, user.principal});
    }

    // Judged again where it is written: other creations may have landed meanwhile.
    core::SandboxVerdict atWrite;
    const auto refused =
        store_.create_sandbox(sandbox, tenant, windowStart, [&](const core::SandboxUsage& usage) {
            atWrite = core::judge_sandbox_creation(limits, usage, now);
            return atWrite.allowed();
        });
    if (refused)
        return core::sandbox_refused(atWrite, limits, now);
    return session;
}

int SandboxService::purge_expired() {
    const std::int64_t now = clock_();
    int purged = 0;
    for (const auto& sandbox : store_.expired_sandboxes(now)) {
        // A purged sandbox's record is kept while it still counts toward its address's limit.
        store_.purge_sandbox(sandbox.id, now, now - options_.limits.addressWindowMs);
        ++purged;
    }
    return purged;
}

}  // namespace orgdesk::server
