#pragma once
// The Store: where the platform keeps its state. SQLite (embedded), PostgreSQL and in-memory
// implementations share this interface. Every method is one transaction; every state change
// writes its audit event in that same transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access_policy.hpp"
#include "core/list_cursor.hpp"
#include "core/organization.hpp"

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
    std::string entityType;  // "organization"
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
};

class Store {
  public:
    virtual ~Store() = default;

    virtual void insert_partner(const Partner& partner) = 0;
    virtual std::optional<Partner> find_partner(std::string_view id) = 0;

    virtual void insert_organization(const core::Organization& org, const AuditEvent& audit) = 0;
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
    virtual std::vector<AuditEvent> audit_trail(std::string_view entityId) = 0;

    virtual void insert_user(const UserRecord& user) = 0;
    virtual std::optional<UserRecord> find_user(std::string_view id) = 0;
    virtual std::optional<UserRecord> find_user_by_username(std::string_view username) = 0;

    virtual void insert_session(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> find_session(std::string_view id) = 0;
    virtual void touch_session(std::string_view id, std::int64_t lastUsedAtMs,
                               std::int64_t expiresAtMs) = 0;
    virtual void revoke_session(std::string_view id) = 0;
};

}  // namespace orgdesk::platform
