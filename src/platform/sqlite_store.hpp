#pragma once
// The embedded store: one SQLite database file in WAL mode with foreign keys on. The schema is
// versioned (PRAGMA user_version) and migrated when the store opens.
#include <memory>
#include <mutex>
#include <string>

#include "platform/store.hpp"

namespace SQLite {
class Database;
}

namespace orgdesk::platform {

class StatementCache;
class SqliteRead;
class SqliteReadPool;

class SqliteStore final : public Store {
  public:
    // Opens (creating if needed) the database at `path` and runs pending migrations.
    explicit SqliteStore(const std::string& path);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    // The schema version this build migrates to, and the one the open database has.
    static int latest_schema_version();
    int schema_version();

    void insert_partner(const Partner& partner) override;
    std::optional<Partner> find_partner(std::string_view id) override;
    std::vector<Partner> list_sellers(std::string_view distributorId) override;

    void insert_organization(const core::Organization& org, const AuditEvent& audit) override;
    InsertOutcome create_organization(const OrganizationInsert& insert) override;
    std::optional<IdempotencyRecord> find_idempotency_record(std::string_view userId,
                                                             std::string_view key,
                                                             std::int64_t notBeforeMs) override;
    std::optional<core::Organization> find_organization(std::string_view id) override;
    std::optional<core::Organization> find_organization_by_provider_id(
        std::int64_t providerId) override;
    OrganizationPage list_organizations(const OrganizationQuery& query) override;
    std::map<core::OrgStatus, int> count_by_status(const core::TenantScope& scope) override;
    bool change_status(const StatusChange& change) override;
    bool update_organization(const OrganizationUpdate& update) override;
    std::vector<core::Member> list_members(std::string_view orgId) override;
    std::vector<AuditEvent> audit_trail(std::string_view entityId) override;

    void insert_product(const core::Product& product) override;
    std::vector<core::Product> list_products(std::string_view distributorId) override;
    OrderInsertOutcome create_order(const OrderInsert& insert) override;
    std::optional<core::Order> find_order(std::string_view id) override;
    OrderRows list_orders(const OrderQuery& query) override;
    std::map<core::OrderStatus, int> count_orders_by_status(const core::TenantScope& scope,
                                                            std::string_view customerId) override;
    bool transition_order(const OrderTransition& transition) override;
    std::vector<core::Order> orders_to_provision(int limit) override;
    std::vector<core::Subscription> list_subscriptions(std::string_view customerId) override;
    std::optional<core::Subscription> find_subscription(std::string_view id) override;
    bool update_subscription(const SubscriptionUpdate& update) override;

    void insert_user(const UserRecord& user) override;
    std::optional<UserRecord> find_user(std::string_view id) override;
    std::optional<UserRecord> find_user_by_username(std::string_view username) override;

    void insert_session(const SessionRecord& session) override;
    std::optional<SessionWithUser> find_session_with_user(std::string_view id) override;
    void touch_session(std::string_view id, std::int64_t lastUsedAtMs,
                       std::int64_t expiresAtMs) override;
    void revoke_session(std::string_view id) override;
    bool change_password(std::string_view userId, const std::string& passwordHash,
                         const SessionRecord& newSession) override;

    bool seed_tenant(const TenantSeed& tenant) override;
    core::SandboxUsage sandbox_usage(std::string_view clientAddress, std::int64_t nowMs,
                                     std::int64_t sinceMs) override;
    std::optional<core::SandboxUsage> create_sandbox(
        const SandboxRecord& sandbox, const TenantSeed& tenant, std::int64_t usageSinceMs,
        const std::function<bool(const core::SandboxUsage&)>& admit) override;
    std::vector<SandboxRecord> expired_sandboxes(std::int64_t nowMs) override;
    void purge_sandbox(std::string_view id, std::int64_t nowMs,
                       std::int64_t forgetBeforeMs) override;

    OperationsSnapshot operations_snapshot(std::int64_t nowMs) override;
    DatabaseUse database_use() override;
    std::string commcell_guid() override;

  private:
    void migrate();
    // One row each, in the caller's transaction (mutex_ held). An organization's row comes with
    // its search keys and members, and gets the next provider id (returned).
    void insert_partner_row(const Partner& partner);
    std::int64_t insert_organization_row(const core::Organization& org,
                                         const std::vector<core::Member>& members);
    void insert_product_row(const core::Product& product);
    void insert_order_row(const core::Order& order);
    void insert_user_row(const UserRecord& user);
    // Every row of `tenant`, in the caller's transaction.
    void insert_tenant_rows(const TenantSeed& tenant);
    core::SandboxUsage sandbox_usage_locked(std::string_view clientAddress, std::int64_t nowMs,
                                            std::int64_t sinceMs);
    void insert_audit(const AuditEvent& event);
    void write_search_keys(const core::Organization& org);
    void upsert_members(const std::string& orgId, const std::vector<core::Member>& members,
                        std::int64_t atMs);
    // Orders, products and subscriptions live in sqlite_order_store.cpp; these run inside the
    // caller's transaction.
    void cancel_subscriptions(const std::string& customerId, const AuditEvent& cause);
    void reject_pending_orders(const std::string& customerId, const AuditEvent& cause,
                               const std::string& actorName, const std::string& reason);
    void recount_subscriptions(const std::string& customerId);
    void insert_subscription(const core::Subscription& subscription);
    // Records the answer under an Idempotency-Key (in the caller's transaction), or finds the
    // unexpired earlier one; expired records are removed.
    std::optional<IdempotencyRecord> claim_idempotency_key(const IdempotencyRecord& key,
                                                           std::int64_t notBeforeMs);
    void record_idempotency(const IdempotencyRecord& key, const std::string& body);
    std::optional<IdempotencyRecord> find_idempotency_locked(std::string_view userId,
                                                             std::string_view key,
                                                             std::int64_t notBeforeMs);
    void insert_session_locked(const SessionRecord& session);  // mutex_ held
    // Access for one read outside a transaction: a pooled reader, or the writer under mutex_.
    SqliteRead read();

    // One connection, used by one thread at a time: SQLite serializes writers anyway, and this
    // keeps every method a single transaction on a single connection.
    std::mutex mutex_;
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<StatementCache> statements_;  // after db_: finalized before it closes
    std::unique_ptr<SqliteReadPool> readers_;     // none for an in-memory database
};

}  // namespace orgdesk::platform
