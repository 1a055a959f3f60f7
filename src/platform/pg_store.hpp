#pragma once
// The shared store: one PostgreSQL database that several server instances use at once. Every
// method is one READ COMMITTED transaction on a pooled connection. A state change is one
// conditional UPDATE (PostgreSQL re-checks its WHERE on the newest row, so of two instances
// deciding at once exactly one succeeds); where a decision also depends on another row (the
// customer's status), that row is locked first. The schema is versioned (a schema_version table)
// and migrated when the store opens, under an advisory lock, so instances starting together
// migrate once.
#include <memory>
#include <string>

#include "platform/store.hpp"

namespace pqxx {
class transaction_base;
}

namespace orgdesk::platform {

class PgConnectionPool;

// True when `target` names a PostgreSQL database (a postgresql:// or postgres:// URL, or a
// keyword/value string such as "host=... dbname=..."), not a SQLite file path.
bool is_postgres_connection_string(const std::string& target);

class PgStore final : public Store {
  public:
    // Connects to the database `connectionString` names (libpq's URL or keyword/value form) and
    // runs pending migrations. Up to `maxConnections` transactions run at once.
    explicit PgStore(const std::string& connectionString, std::size_t maxConnections = 8);
    ~PgStore() override;
    PgStore(const PgStore&) = delete;
    PgStore& operator=(const PgStore&) = delete;

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
    // Skips orders another instance is moving right now (FOR UPDATE SKIP LOCKED); the
    // conditional transitions make sure each step is taken once either way.
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
    using Tx = pqxx::transaction_base;

    void migrate();
    // One row each, in the caller's transaction. An organization's row comes with its search
    // keys and members and gets the next provider id (returned); its caller holds
    // lock_provider_ids.
    static void lock_provider_ids(Tx& tx);
    static void insert_partner_row(Tx& tx, const Partner& partner);
    static std::int64_t insert_organization_row(Tx& tx, const core::Organization& org,
                                                const std::vector<core::Member>& members);
    static void insert_product_row(Tx& tx, const core::Product& product);
    static void insert_order_row(Tx& tx, const core::Order& order);
    static void insert_user_row(Tx& tx, const UserRecord& user);
    static void insert_session_row(Tx& tx, const SessionRecord& session);
    // Every row of `tenant`, in the caller's transaction (provider ids locked here).
    static void insert_tenant_rows(Tx& tx, const TenantSeed& tenant);
    static core::SandboxUsage read_sandbox_usage(Tx& tx, std::string_view clientAddress,
                                                 std::int64_t nowMs, std::int64_t sinceMs);
    static void insert_audit(Tx& tx, const AuditEvent& event);
    static void write_search_keys(Tx& tx, const core::Organization& org);
    static void upsert_members(Tx& tx, const std::string& orgId,
                               const std::vector<core::Member>& members, std::int64_t atMs);
    // Locks the customer organization's row for this transaction and returns its status (none if
    // it does not exist): what a decision that depends on it must do first.
    static std::optional<core::OrgStatus> lock_customer(Tx& tx, const std::string& customerId);
    static void cancel_subscriptions(Tx& tx, const std::string& customerId,
                                     const AuditEvent& cause);
    static void reject_pending_orders(Tx& tx, const std::string& customerId,
                                      const AuditEvent& cause, const std::string& actorName,
                                      const std::string& reason);
    static void recount_subscriptions(Tx& tx, const std::string& customerId);
    static void insert_subscription(Tx& tx, const core::Subscription& subscription);
    // Serializes the requests under one (user, key) across instances, then finds the unexpired
    // earlier record or removes expired ones.
    static std::optional<IdempotencyRecord> claim_idempotency_key(Tx& tx,
                                                                  const IdempotencyRecord& key,
                                                                  std::int64_t notBeforeMs);
    static void record_idempotency(Tx& tx, const IdempotencyRecord& key, const std::string& body);
    static std::optional<IdempotencyRecord> find_idempotency(Tx& tx, std::string_view userId,
                                                             std::string_view key,
                                                             std::int64_t notBeforeMs);

    std::unique_ptr<PgConnectionPool> pool_;
};

}  // namespace orgdesk::platform
