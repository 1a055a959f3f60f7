// The SQLite store's whole tenants (the demo data, demo sandboxes): written in one transaction, and
// a sandbox's purged in one (the rest of the store is in sqlite_store.cpp and
// sqlite_order_store.cpp).
#include <SQLiteCpp/SQLiteCpp.h>

#include "platform/sqlite_read_pool.hpp"
#include "platform/sqlite_statement_cache.hpp"
#include "platform/sqlite_store.hpp"
#include "platform/store_sql.hpp"

namespace orgdesk::platform {

void SqliteStore::insert_tenant_rows(const TenantSeed& tenant) {
    for (const auto& partner : tenant.partners)
        insert_partner_row(partner);
    for (const auto& product : tenant.products)
        insert_product_row(product);
    for (const auto& seeded : tenant.organizations)
        insert_organization_row(seeded.org, seeded.members);
    for (const auto& order : tenant.orders)
        insert_order_row(order);
    for (const auto& subscription : tenant.subscriptions)
        insert_subscription(subscription);
    for (const auto& event : tenant.audit)
        insert_audit(event);
    for (const auto& user : tenant.users)
        insert_user_row(user);
    for (const auto& session : tenant.sessions)
        insert_session_locked(session);
}

bool SqliteStore::seed_tenant(const TenantSeed& tenant) {
    std::lock_guard lock(mutex_);
    // IMMEDIATE: another process seeding the same file waits here, then finds the tenant there.
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto existing = statements_->get("SELECT 1 FROM partners WHERE id = ?");
    existing->bind(1, tenant.partners.at(0).id);
    if (existing->executeStep())
        return false;
    insert_tenant_rows(tenant);
    tx.commit();
    return true;
}

core::SandboxUsage SqliteStore::sandbox_usage_locked(std::string_view clientAddress,
                                                     std::int64_t nowMs, std::int64_t sinceMs) {
    core::SandboxUsage usage;
    auto live =
        statements_->get("SELECT expires_at FROM sandboxes WHERE purged_at = 0 AND expires_at > ?");
    live->bind(1, static_cast<std::int64_t>(nowMs));
    while (live->executeStep())
        usage.liveExpiriesMs.push_back(live->getColumn(0).getInt64());
    auto address = statements_->get(
        "SELECT created_at FROM sandboxes WHERE client_address = ? AND created_at >= ?");
    address->bind(1, std::string(clientAddress));
    address->bind(2, static_cast<std::int64_t>(sinceMs));
    while (address->executeStep())
        usage.addressCreationsMs.push_back(address->getColumn(0).getInt64());
    return usage;
}

core::SandboxUsage SqliteStore::sandbox_usage(std::string_view clientAddress, std::int64_t nowMs,
                                              std::int64_t sinceMs) {
    std::lock_guard lock(mutex_);
    return sandbox_usage_locked(clientAddress, nowMs, sinceMs);
}

std::optional<core::SandboxUsage> SqliteStore::create_sandbox(
    const SandboxRecord& sandbox, const TenantSeed& tenant, std::int64_t usageSinceMs,
    const std::function<bool(const core::SandboxUsage&)>& admit) {
    std::lock_guard lock(mutex_);
    // IMMEDIATE: the write lock is taken before the usage is read, so no other creation (on
    // another connection to this file) can slip in between.
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto usage = sandbox_usage_locked(sandbox.clientAddress, sandbox.createdAtMs, usageSinceMs);
    if (!admit(usage))
        return usage;
    auto record = statements_->get(
        "INSERT INTO sandboxes (id, client_address, created_at, expires_at) VALUES (?, ?, ?, ?)");
    record->bind(1, sandbox.id);
    record->bind(2, sandbox.clientAddress);
    record->bind(3, static_cast<std::int64_t>(sandbox.createdAtMs));
    record->bind(4, static_cast<std::int64_t>(sandbox.expiresAtMs));
    record->exec();
    insert_tenant_rows(tenant);
    tx.commit();
    return std::nullopt;
}

std::vector<SandboxRecord> SqliteStore::expired_sandboxes(std::int64_t nowMs) {
    auto reader = read();
    auto q = reader.get(
        "SELECT id, client_address, created_at, expires_at FROM sandboxes "
        "WHERE purged_at = 0 AND expires_at <= ? ORDER BY expires_at, id");
    q->bind(1, static_cast<std::int64_t>(nowMs));
    std::vector<SandboxRecord> expired;
    while (q->executeStep()) {
        expired.push_back({q->getColumn(0).getString(), q->getColumn(1).getString(),
                           q->getColumn(2).getInt64(), q->getColumn(3).getInt64()});
    }
    return expired;
}

void SqliteStore::purge_sandbox(std::string_view id, std::int64_t nowMs,
                                std::int64_t forgetBeforeMs) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    // Only a sandbox's tenant is ever purged: an id without a live sandbox record deletes nothing.
    auto mark =
        statements_->get("UPDATE sandboxes SET purged_at = ? WHERE id = ? AND purged_at = 0");
    mark->bind(1, static_cast<std::int64_t>(nowMs));
    mark->bind(2, std::string(id));
    if (mark->exec() == 1) {
        // The organization counts (SQLite only) go with the tenant's partners; the triggers
        // would leave them at zero.
        auto counts = statements_->get(
            "DELETE FROM organization_counts WHERE partner_id = ?1 OR "
            "partner_id IN (SELECT id FROM partners WHERE distributor_id = ?1)");
        counts->bind(1, std::string(id));
        counts->exec();
        for (const auto& sql : tenant_purge_statements("?1")) {
            auto q = statements_->get(sql);
            q->bind(1, std::string(id));
            q->exec();
        }
    }
    auto forget = statements_->get("DELETE FROM sandboxes WHERE purged_at > 0 AND created_at < ?");
    forget->bind(1, static_cast<std::int64_t>(forgetBeforeMs));
    forget->exec();
    tx.commit();
}

}  // namespace orgdesk::platform
