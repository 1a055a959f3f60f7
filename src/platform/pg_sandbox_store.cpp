// The PostgreSQL store's whole tenants (the demo data, demo sandboxes): written in one transaction,
// and a sandbox's purged in one (the rest of the store is in pg_store.cpp and pg_order_store.cpp).
#include "platform/pg_store.hpp"
#include "platform/pg_support.hpp"

namespace orgdesk::platform {
namespace {

// Advisory lock key (pg_advisory_xact_lock) that serializes sandbox creations across instances,
// so two at once cannot both pass a limit that has room for one.
constexpr std::int64_t kSandboxLock = 0x4f72676465736b03;  // "Orgdesk" 03
// Advisory lock key that serializes seedings of a whole tenant (the demo data).
constexpr std::int64_t kSeedLock = 0x4f72676465736b04;  // "Orgdesk" 04

}  // namespace

void PgStore::insert_tenant_rows(Tx& tx, const TenantSeed& tenant) {
    for (const auto& partner : tenant.partners)
        insert_partner_row(tx, partner);
    for (const auto& product : tenant.products)
        insert_product_row(tx, product);
    lock_provider_ids(tx);
    for (const auto& seeded : tenant.organizations)
        insert_organization_row(tx, seeded.org, seeded.members);
    for (const auto& order : tenant.orders)
        insert_order_row(tx, order);
    for (const auto& subscription : tenant.subscriptions)
        insert_subscription(tx, subscription);
    for (const auto& event : tenant.audit)
        insert_audit(tx, event);
    for (const auto& user : tenant.users)
        insert_user_row(tx, user);
    for (const auto& session : tenant.sessions)
        insert_session_row(tx, session);
}

bool PgStore::seed_tenant(const TenantSeed& tenant) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        // Instances started together on one database seed one at a time; the later ones find
        // the tenant there.
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", kSeedLock);
        if (!tx.exec_params("SELECT 1 FROM partners WHERE id = $1", tenant.partners.at(0).id)
                 .empty())
            return false;
        insert_tenant_rows(tx, tenant);
        return true;
    });
}

core::SandboxUsage PgStore::read_sandbox_usage(Tx& tx, std::string_view clientAddress,
                                               std::int64_t nowMs, std::int64_t sinceMs) {
    core::SandboxUsage usage;
    for (const auto& r : tx.exec_params(
             "SELECT expires_at FROM sandboxes WHERE purged_at = 0 AND expires_at > $1", nowMs))
        usage.liveExpiriesMs.push_back(r[0].as<std::int64_t>());
    for (const auto& r : tx.exec_params(
             "SELECT created_at FROM sandboxes WHERE client_address = $1 AND created_at >= $2",
             std::string(clientAddress), sinceMs))
        usage.addressCreationsMs.push_back(r[0].as<std::int64_t>());
    return usage;
}

core::SandboxUsage PgStore::sandbox_usage(std::string_view clientAddress, std::int64_t nowMs,
                                          std::int64_t sinceMs) {
    return run_pg_transaction(
        *pool_, [&](PgWork& tx) { return read_sandbox_usage(tx, clientAddress, nowMs, sinceMs); });
}

std::optional<core::SandboxUsage> PgStore::create_sandbox(
    const SandboxRecord& sandbox, const TenantSeed& tenant, std::int64_t usageSinceMs,
    const std::function<bool(const core::SandboxUsage&)>& admit) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<core::SandboxUsage> {
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", kSandboxLock);
        auto usage =
            read_sandbox_usage(tx, sandbox.clientAddress, sandbox.createdAtMs, usageSinceMs);
        if (!admit(usage)) {
            tx.roll_back();
            return usage;
        }
        tx.exec_params(
            "INSERT INTO sandboxes (id, client_address, created_at, expires_at) "
            "VALUES ($1, $2, $3, $4)",
            sandbox.id, sandbox.clientAddress, sandbox.createdAtMs, sandbox.expiresAtMs);
        insert_tenant_rows(tx, tenant);
        return std::nullopt;
    });
}

std::vector<SandboxRecord> PgStore::expired_sandboxes(std::int64_t nowMs) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        std::vector<SandboxRecord> expired;
        for (const auto& r :
             tx.exec_params("SELECT id, client_address, created_at, expires_at FROM sandboxes "
                            "WHERE purged_at = 0 AND expires_at <= $1 ORDER BY expires_at, id",
                            nowMs)) {
            expired.push_back({r[0].as<std::string>(), r[1].as<std::string>(),
                               r[2].as<std::int64_t>(), r[3].as<std::int64_t>()});
        }
        return expired;
    });
}

void PgStore::purge_sandbox(std::string_view id, std::int64_t nowMs, std::int64_t forgetBeforeMs) {
    run_pg_transaction(*pool_, [&](PgWork& tx) {
        // Only a sandbox's tenant is ever purged; of two instances purging at once, one marks it
        // and deletes, the other finds it marked (the row lock orders them).
        const auto marked =
            tx.exec_params("UPDATE sandboxes SET purged_at = $1 WHERE id = $2 AND purged_at = 0",
                           nowMs, std::string(id));
        if (marked.affected_rows() == 1) {
            for (const auto& sql : tenant_purge_statements("$1"))
                tx.exec_params(sql, std::string(id));
        }
        tx.exec_params("DELETE FROM sandboxes WHERE purged_at > 0 AND created_at < $1",
                       forgetBeforeMs);
        return 0;
    });
}

}  // namespace orgdesk::platform
