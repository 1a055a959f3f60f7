#pragma once
// The Store: where the platform keeps its state. SQLite (embedded), PostgreSQL and in-memory
// implementations share this interface. Every method is one transaction; every state change
// writes its audit event in that same transaction.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access_policy.hpp"
#include "core/list_cursor.hpp"
#include "core/member.hpp"
#include "core/order.hpp"
#include "core/order_lifecycle.hpp"
#include "core/organization.hpp"
#include "core/product.hpp"
#include "core/sandbox.hpp"
#include "core/subscription.hpp"

namespace orgdesk::platform {

// A distributor (distributorId empty) or a seller (distributorId names its distributor).
struct Partner {
    std::string id;
    std::string name;
    std::string distributorId;
};

struct AuditEvent {
    std::int64_t atMs = 0;
    std::string actorId;     // user id, or "system"
    std::string action;      // "approve", "create", ...
    std::string entityType;  // "organization", "order", "subscription"
    std::string entityId;
    std::string before;  // JSON text, may be empty
    std::string after;   // JSON text, may be empty
};

struct OrganizationQuery {
    core::TenantScope scope;
    std::optional<core::OrgStatus> status;  // nullopt: every status but Deleted
    std::string search;                     // as typed; matched by core::search_keys
    std::optional<core::ListCursor> after;
    int limit = core::kDefaultPageSize;
};

struct OrganizationPage {
    std::vector<core::Organization> items;
    std::optional<core::ListCursor> next;
};

// One conditional write: applied only while the organization still has status `from` (and, when
// given, version `expectedVersion`). The version goes up by one.
struct StatusChange {
    std::string orgId;
    core::OrgStatus from = core::OrgStatus::New;
    core::OrgStatus to = core::OrgStatus::New;
    std::optional<std::int64_t> expectedVersion;
    std::int64_t atMs = 0;
    AuditEvent audit;
};

// The answer a create gave under an Idempotency-Key, kept so a repeated request gets it again.
struct IdempotencyRecord {
    std::string userId;
    std::string key;
    std::string requestHash;  // of the request body, to tell a repeat from a different request
    int status = 0;           // HTTP status of the answer
    std::string body;         // the answer's body
    std::int64_t createdAtMs = 0;
};

// A new organization with its members and audit event, written in one transaction.
struct OrganizationInsert {
    core::Organization org;  // providerId ignored: the store assigns the next one
    std::vector<core::Member> members;
    AuditEvent audit;
    // With a key: an unexpired record under the same (user, key) wins over the insert (nothing is
    // written then); else the record is written with the insert, its body made by `answer` from
    // the organization as inserted (with its provider id).
    std::optional<IdempotencyRecord> idempotency;
    std::function<std::string(const core::Organization&)> answer;
    std::int64_t idempotencyNotBeforeMs = 0;  // records created before this have expired
};

struct InsertOutcome {
    std::optional<core::Organization> inserted;  // as stored
    std::optional<IdempotencyRecord> earlier;    // the record that was there first
};

// One conditional write of a whole organization: applied only while it still has version
// `expectedVersion` (so nothing read before is lost). `after` carries the new values, its
// version expectedVersion + 1; partners, creation time, provider id and the subscription count
// never change here. Members are upserted by id (new ones inserted, existing ones' name, email
// and role updated).
struct OrganizationUpdate {
    core::Organization after;
    std::int64_t expectedVersion = 0;
    std::vector<core::Member> members;
    AuditEvent audit;
    // In the same transaction: cancel every subscription not yet cancelled (suspend with
    // "cancel", delete), and reject the orders still pending approval (suspend, delete), each
    // with its own audit event by the same actor.
    bool cancelSubscriptions = false;
    bool rejectPendingOrders = false;
    std::string actorName;  // recorded as who decided the orders rejected
    std::string rejectionReason = std::string(core::kRejectedBySuspensionReason);
};

struct OrderQuery {
    core::TenantScope scope;
    std::optional<core::OrderStatus> status;
    std::string customerId;     // empty: every customer in scope
    std::int64_t fromMs = 0;    // created at or after; 0: no bound
    std::int64_t beforeMs = 0;  // created before; 0: no bound
    std::optional<core::ListCursor> after;
    int limit = core::kDefaultPageSize;
};

struct OrderRows {
    std::vector<core::Order> items;
    std::optional<core::ListCursor> next;
};

// A new order with its audit event, written in one transaction; the Idempotency-Key works as for
// organizations (an unexpired record under the same user and key wins, nothing is written). With
// `customerStatus`, written only while the customer organization still has that status (so a
// suspension between placing's read and its write leaves no order pending on a Blocked
// customer); otherwise nothing is written and the outcome is empty.
struct OrderInsert {
    core::Order order;
    std::optional<core::OrgStatus> customerStatus;
    AuditEvent audit;
    std::optional<IdempotencyRecord> idempotency;
    std::function<std::string(const core::Order&)> answer;
    std::int64_t idempotencyNotBeforeMs = 0;
};

struct OrderInsertOutcome {
    std::optional<core::Order> inserted;
    std::optional<IdempotencyRecord> earlier;
};

// One conditional write of an order's status and decision fields: applied only while the order
// still has status `from` (and, when given, version `expectedVersion`); the version goes up by
// one. `subscriptions` are inserted in the same transaction (provisioning), and the customer's
// subscription count follows. With `customerStatus`, applied only while the customer
// organization still has that status (so provisioning never creates subscriptions for a customer
// suspended or deleted since it was read).
struct OrderTransition {
    core::Order after;
    core::OrderStatus from = core::OrderStatus::PendingApproval;
    std::optional<std::int64_t> expectedVersion;
    std::optional<core::OrgStatus> customerStatus;
    std::vector<core::Subscription> subscriptions;
    AuditEvent audit;
};

// One conditional write of a subscription's status, on the version that was read.
struct SubscriptionUpdate {
    core::Subscription after;
    std::int64_t expectedVersion = 0;
    AuditEvent audit;
};

struct UserRecord {
    core::Principal principal;
    std::string passwordHash;  // Argon2id, libsodium's crypto_pwhash_str format
};

struct SessionRecord {
    std::string id;          // the public id part of the token
    std::string secretHash;  // hex of a hash of the secret part; the secret itself is never kept
    std::string userId;
    std::int64_t createdAtMs = 0;
    std::int64_t lastUsedAtMs = 0;
    std::int64_t expiresAtMs = 0;
    bool revoked = false;
    // A hard end (0: none) that use never extends: a sandbox's sessions end with the sandbox.
    std::int64_t endsAtMs = 0;
};

// A session with the user it belongs to: what every signed-in request reads first.
struct SessionWithUser {
    SessionRecord session;
    UserRecord user;
};

// One organization of a tenant written whole, with its members.
struct SeedOrganization {
    core::Organization org;  // providerId ignored: the store numbers it
    std::vector<core::Member> members;
};

// A whole tenant written in one transaction (a demo sandbox): its distributor and sellers, their
// catalog, the customer organizations with their members, the orders as they stand now with
// the subscriptions provisioned ones made, the audit trail of all of it, and the users with
// their sessions. Every row carries the distributor's id, so the tenant can be purged whole.
struct TenantSeed {
    std::vector<Partner> partners;  // the distributor first
    std::vector<core::Product> products;
    std::vector<SeedOrganization> organizations;
    std::vector<core::Order> orders;
    std::vector<core::Subscription> subscriptions;
    std::vector<AuditEvent> audit;
    std::vector<UserRecord> users;
    std::vector<SessionRecord> sessions;
};

// A demo sandbox: the tenant under distributor `id`, who asked for it, and when it ends.
struct SandboxRecord {
    std::string id;  // the sandbox's distributor id
    std::string clientAddress;
    std::int64_t createdAtMs = 0;
    std::int64_t expiresAtMs = 0;
};

// What /metrics reports of the whole database at one moment: every tenant together, so no
// tenant's figure is told apart.
struct OperationsSnapshot {
    std::int64_t sessionsLive = 0;
    std::int64_t ordersPendingApproval = 0;
    std::int64_t oldestPendingCreatedAtMs = 0;  // 0: none pending
    std::int64_t provisioningBacklog = 0;       // approved orders not provisioned yet
    std::int64_t sandboxesLive = 0;
};

// The store's database connections now, and for SQLite the write-ahead log's size.
struct DatabaseUse {
    std::size_t connectionsOpen = 0;
    std::size_t connectionsInUse = 0;
    std::optional<std::uint64_t> walBytes;  // SQLite only
};

class Store {
  public:
    virtual ~Store() = default;

    virtual OperationsSnapshot operations_snapshot(std::int64_t nowMs) = 0;
    virtual DatabaseUse database_use() = 0;
    // This deployment's CommServ GUID (Commvault's CommServ call): made once by the schema,
    // the same for every instance on the database and after a restore.
    virtual std::string commcell_guid() = 0;

    virtual void insert_partner(const Partner& partner) = 0;
    virtual std::optional<Partner> find_partner(std::string_view id) = 0;
    // The sellers of one distributor, by name.
    virtual std::vector<Partner> list_sellers(std::string_view distributorId) = 0;

    virtual void insert_organization(const core::Organization& org, const AuditEvent& audit) = 0;
    virtual InsertOutcome create_organization(const OrganizationInsert& insert) = 0;
    virtual std::optional<IdempotencyRecord> find_idempotency_record(std::string_view userId,
                                                                     std::string_view key,
                                                                     std::int64_t notBeforeMs) = 0;
    // Any status, Deleted included (callers scope and filter).
    virtual std::optional<core::Organization> find_organization(std::string_view id) = 0;
    // By the sequential provider id (assigned on insert: 1, 2, 3, ... in insertion order; the
    // id in `org.providerId` is ignored by insert_organization).
    virtual std::optional<core::Organization> find_organization_by_provider_id(
        std::int64_t providerId) = 0;
    virtual OrganizationPage list_organizations(const OrganizationQuery& query) = 0;
    // Organizations per status within a scope (Deleted excluded).
    virtual std::map<core::OrgStatus, int> count_by_status(const core::TenantScope& scope) = 0;
    // True when applied; false when the condition no longer held (nothing written then).
    virtual bool change_status(const StatusChange& change) = 0;
    // True when applied; false when the version no longer matched (nothing written then).
    virtual bool update_organization(const OrganizationUpdate& update) = 0;
    // Oldest first.
    virtual std::vector<core::Member> list_members(std::string_view orgId) = 0;
    // Oldest first.
    virtual std::vector<AuditEvent> audit_trail(std::string_view entityId) = 0;

    // The catalog.
    virtual void insert_product(const core::Product& product) = 0;
    // A distributor's products, by name.
    virtual std::vector<core::Product> list_products(std::string_view distributorId) = 0;

    virtual OrderInsertOutcome create_order(const OrderInsert& insert) = 0;
    virtual std::optional<core::Order> find_order(std::string_view id) = 0;
    // Newest first, like organizations.
    virtual OrderRows list_orders(const OrderQuery& query) = 0;
    // Orders per status within a scope (and, if not empty, one customer).
    virtual std::map<core::OrderStatus, int> count_orders_by_status(
        const core::TenantScope& scope, std::string_view customerId) = 0;
    // True when applied; false when the condition no longer held (nothing written then).
    virtual bool transition_order(const OrderTransition& transition) = 0;
    // Orders the provisioning worker still has to take further (Approved or Provisioning),
    // oldest decision first.
    virtual std::vector<core::Order> orders_to_provision(int limit) = 0;

    // Oldest first, cancelled ones included.
    virtual std::vector<core::Subscription> list_subscriptions(std::string_view customerId) = 0;
    virtual std::optional<core::Subscription> find_subscription(std::string_view id) = 0;
    // True when applied; false when the version no longer matched.
    virtual bool update_subscription(const SubscriptionUpdate& update) = 0;

    virtual void insert_user(const UserRecord& user) = 0;
    virtual std::optional<UserRecord> find_user(std::string_view id) = 0;
    virtual std::optional<UserRecord> find_user_by_username(std::string_view username) = 0;

    virtual void insert_session(const SessionRecord& session) = 0;
    // The session and its user in one read (one statement, one round trip); nothing when the
    // session is unknown or its user is gone.
    virtual std::optional<SessionWithUser> find_session_with_user(std::string_view id) = 0;
    virtual void touch_session(std::string_view id, std::int64_t lastUsedAtMs,
                               std::int64_t expiresAtMs) = 0;
    virtual void revoke_session(std::string_view id) = 0;
    // In one transaction: stores the user's new password hash, revokes every session of the
    // user, and inserts `newSession` (the caller's fresh one). False when there is no such user.
    virtual bool change_password(std::string_view userId, const std::string& passwordHash,
                                 const SessionRecord& newSession) = 0;

    // Writes a whole tenant (the demo data) in one transaction unless its distributor, the first
    // partner, exists already: afterwards all of it is there or, after any failure, none of it,
    // so an interrupted seeding never passes for a finished one. Serialized with other seedings
    // (across instances on one database). True when written.
    virtual bool seed_tenant(const TenantSeed& tenant) = 0;

    // Demo sandboxes. What the creation limits are judged on at `nowMs`: the expiry of every
    // sandbox still live, and the creations by `clientAddress` since `sinceMs` (purged or not).
    virtual core::SandboxUsage sandbox_usage(std::string_view clientAddress, std::int64_t nowMs,
                                             std::int64_t sinceMs) = 0;
    // In one transaction, serialized with every other creation (across instances on one
    // database): reads the usage as sandbox_usage does, and writes the sandbox and its whole
    // tenant only when `admit` accepts it. Returns the usage `admit` refused, or nullopt once
    // written.
    virtual std::optional<core::SandboxUsage> create_sandbox(
        const SandboxRecord& sandbox, const TenantSeed& tenant, std::int64_t usageSinceMs,
        const std::function<bool(const core::SandboxUsage&)>& admit) = 0;
    // Sandboxes that ended at or before `nowMs` and are not purged yet, soonest first.
    virtual std::vector<SandboxRecord> expired_sandboxes(std::int64_t nowMs) = 0;
    // Deletes every row of the sandbox's tenant (its organizations with their members, search
    // keys and audit trail, orders, subscriptions, catalog, users, sessions, Idempotency-Keys and
    // partners) in one transaction, and marks it purged; the record itself stays until
    // `forgetBeforeMs` has passed its creation (for the per-address limit).
    virtual void purge_sandbox(std::string_view id, std::int64_t nowMs,
                               std::int64_t forgetBeforeMs) = 0;
};

}  // namespace orgdesk::platform
