#include "platform/pg_store.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/search.hpp"
#include "platform/pg_connection_pool.hpp"
#include "platform/pg_schema.hpp"
#include "platform/pg_support.hpp"
#include "platform/store_sql.hpp"

namespace orgdesk::platform {
namespace {

using core::Organization;
using core::OrgStatus;

// Advisory lock keys (pg_advisory_xact_lock): one for migrations, one that numbers provider ids.
constexpr std::int64_t kMigrationLock = 0x4f72676465736b01;   // "Orgdesk" 01
constexpr std::int64_t kProviderIdLock = 0x4f72676465736b02;  // "Orgdesk" 02

Organization read_organization(const pqxx::row& r) {
    Organization o;
    int c = 0;
    o.id = r[c++].as<std::string>();
    o.name = r[c++].as<std::string>();
    o.segment = r[c++].as<std::string>();
    o.status = core::parse_org_status(r[c++].as<std::string>()).value_or(OrgStatus::New);
    o.ownershipType = core::parse_ownership_type(r[c++].as<std::string>())
                          .value_or(core::OwnershipType::Customer);
    const auto ownerName = r[c++];
    const auto ownerEmail = r[c++];
    if (!ownerName.is_null())
        o.owner = core::Person{text_of(ownerName), text_of(ownerEmail)};
    o.billing.company = r[c++].as<std::string>();
    o.billing.address = r[c++].as<std::string>();
    o.billing.country = r[c++].as<std::string>();
    o.billing.taxId = r[c++].as<std::string>();
    o.billing.email = r[c++].as<std::string>();
    o.primaryContact.name = r[c++].as<std::string>();
    o.primaryContact.role = r[c++].as<std::string>();
    o.primaryContact.phone = r[c++].as<std::string>();
    o.customerReference = r[c++].as<std::string>();
    o.externalContract = r[c++].as<std::string>();
    o.purchasedNumbers = from_json_array(r[c++].as<std::string>());
    o.buyerTags = from_json_array(r[c++].as<std::string>());
    o.distributorId = r[c++].as<std::string>();
    o.sellerId = r[c++].as<std::string>();
    o.subscriptionCount = r[c++].as<int>();
    o.userCount = r[c++].as<int>();
    o.version = r[c++].as<std::int64_t>();
    o.createdAtMs = r[c++].as<std::int64_t>();
    o.updatedAtMs = r[c++].as<std::int64_t>();
    o.providerId = r[c++].as<std::int64_t>();
    o.rejectionReason = r[c++].as<std::string>();
    return o;
}

// The placeholders of name through buyer_tags, in kOrganizationColumns' order, their values added
// to `p`. Inserts and updates share it so the two never disagree about a column.
std::vector<std::string> organization_data(PgParams& p, const Organization& o) {
    std::vector<std::string> at;
    at.push_back(p.add(o.name));
    at.push_back(p.add(o.segment));
    at.push_back(p.add(std::string(core::to_string(o.status))));
    at.push_back(p.add(std::string(core::to_string(o.ownershipType))));
    at.push_back(p.add(o.owner ? std::optional(o.owner->name) : std::nullopt));
    at.push_back(p.add(o.owner ? std::optional(o.owner->email) : std::nullopt));
    for (const auto* text :
         {&o.billing.company, &o.billing.address, &o.billing.country, &o.billing.taxId,
          &o.billing.email, &o.primaryContact.name, &o.primaryContact.role, &o.primaryContact.phone,
          &o.customerReference, &o.externalContract}) {
        at.push_back(p.add(*text));
    }
    at.push_back(p.add(to_json_array(o.purchasedNumbers)));
    at.push_back(p.add(to_json_array(o.buyerTags)));
    return at;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts)
        out += (out.empty() ? "" : ", ") + part;
    return out;
}

// kUserSelectColumns from column `c` on.
UserRecord read_user(const pqxx::row& r, int c = 0) {
    UserRecord u;
    u.principal.userId = r[c++].as<std::string>();
    u.principal.username = r[c++].as<std::string>();
    u.principal.displayName = r[c++].as<std::string>();
    const auto storedRole = r[c++].as<std::string>();
    u.passwordHash = r[c++].as<std::string>();
    u.principal.distributorId = r[c++].as<std::string>();
    u.principal.sellerId = r[c++].as<std::string>();
    u.principal.customerId = r[c++].as<std::string>();
    u.principal.memberId = r[c++].as<std::string>();
    const auto memberRole = r[c];
    u.principal.role = resolved_role(
        storedRole, u.principal.memberId,
        memberRole.is_null() ? std::nullopt : std::optional<std::string_view>(memberRole.c_str()));
    return u;
}

// kSessionColumns.
SessionRecord read_session(const pqxx::row& r) {
    return SessionRecord{r[0].as<std::string>(),  r[1].as<std::string>(),  r[2].as<std::string>(),
                         r[3].as<std::int64_t>(), r[4].as<std::int64_t>(), r[5].as<std::int64_t>(),
                         r[6].as<bool>(),         r[7].as<std::int64_t>()};
}

// The LIKE pattern of the strings that start with `prefix`.
std::string like_prefix(const std::string& prefix) {
    std::string pattern;
    for (char c : prefix) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + '%';
}

std::string organization_scope(const core::TenantScope& scope, PgParams& p) {
    return scope_condition(scope, "o", "id", p.add(scope.id));
}

}  // namespace

void PgStore::insert_session_row(Tx& tx, const SessionRecord& s) {
    tx.exec_params(
        "INSERT INTO sessions (id, secret_hash, user_id, created_at, last_used_at, "
        "expires_at, revoked, ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        s.id, s.secretHash, s.userId, s.createdAtMs, s.lastUsedAtMs, s.expiresAtMs, s.revoked,
        s.endsAtMs);
}

bool is_postgres_connection_string(const std::string& target) {
    if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0)
        return true;
    // libpq's keyword/value form starts with a keyword and "=": "host=... dbname=...".
    const auto equals = target.find('=');
    return equals != std::string::npos && equals > 0 &&
           std::all_of(target.begin(), target.begin() + static_cast<std::ptrdiff_t>(equals),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

PgStore::PgStore(const std::string& connectionString, std::size_t maxConnections)
    : pool_(std::make_unique<PgConnectionPool>(connectionString,
                                               std::max<std::size_t>(1, maxConnections))) {
    migrate();
}

PgStore::~PgStore() = default;

OperationsSnapshot PgStore::operations_snapshot(std::int64_t nowMs) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        const auto result = tx.exec_params(operations_snapshot_query("$1"), nowMs);
        const auto row = result[0];
        return OperationsSnapshot{row[0].as<std::int64_t>(), row[1].as<std::int64_t>(),
                                  row[2].as<std::int64_t>(), row[3].as<std::int64_t>(),
                                  row[4].as<std::int64_t>()};
    });
}

std::string PgStore::commcell_guid() {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        const auto result = tx.exec(kCommcellGuidQuery);
        if (result.empty())
            throw std::runtime_error("the database has no CommServ GUID (instance_settings)");
        return result[0][0].as<std::string>();
    });
}

DatabaseUse PgStore::database_use() {
    const auto [open, lent] = pool_->open_and_lent();
    return {open, lent, std::nullopt};
}

int PgStore::latest_schema_version() {
    return static_cast<int>(kPgMigrations.size());
}

int PgStore::schema_version() {
    return run_pg_transaction(*pool_, [](PgWork& tx) {
        return tx.exec("SELECT version FROM schema_version")[0][0].as<int>();
    });
}

void PgStore::migrate() {
    run_pg_transaction(*pool_, [](PgWork& tx) {
        // Instances starting together queue here; the first migrates, the others find it done.
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
        tx.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        const auto rows = tx.exec("SELECT version FROM schema_version");
        int version = rows.empty() ? 0 : rows[0][0].as<int>();
        if (rows.empty())
            tx.exec("INSERT INTO schema_version (version) VALUES (0)");
        if (version > latest_schema_version()) {
            throw std::runtime_error(
                "The database was written by a newer Orgdesk (schema version " +
                std::to_string(version) + "). Upgrade Orgdesk or use another database.");
        }
        for (; version < latest_schema_version(); ++version) {
            tx.exec(std::string(kPgMigrations[static_cast<std::size_t>(version)]));
            tx.exec_params("UPDATE schema_version SET version = $1", version + 1);
        }
        return 0;
    });
}

void PgStore::insert_audit(Tx& tx, const AuditEvent& e) {
    tx.exec_params(
        "INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, before, after) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        e.atMs, e.actorId, e.action, e.entityType, e.entityId, e.before, e.after);
}

void PgStore::insert_partner(const Partner& partner) {
    run_pg_transaction(*pool_, [&](PgWork& tx) {
        insert_partner_row(tx, partner);
        return 0;
    });
}

void PgStore::insert_partner_row(Tx& tx, const Partner& partner) {
    PgParams p;
    const std::string sql =
        "INSERT INTO partners (id, name, distributor_id) VALUES (" + p.add(partner.id) + ", " +
        p.add(partner.name) + ", " +
        p.add(partner.distributorId.empty() ? std::nullopt : std::optional(partner.distributorId)) +
        ")";
    p.exec(tx, sql);
}

std::optional<Partner> PgStore::find_partner(std::string_view id) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<Partner> {
        const auto rows = tx.exec_params(
            "SELECT id, name, distributor_id FROM partners WHERE id = $1", std::string(id));
        if (rows.empty())
            return std::nullopt;
        return Partner{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(),
                       text_of(rows[0][2])};
    });
}

std::vector<Partner> PgStore::list_sellers(std::string_view distributorId) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        std::vector<Partner> sellers;
        for (const auto& r : tx.exec_params("SELECT id, name, distributor_id FROM partners "
                                            "WHERE distributor_id = $1 ORDER BY name, id",
                                            std::string(distributorId))) {
            sellers.push_back(
                {r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>()});
        }
        return sellers;
    });
}

void PgStore::insert_organization(const Organization& o, const AuditEvent& audit) {
    OrganizationInsert insert;
    insert.org = o;
    insert.audit = audit;
    static_cast<void>(create_organization(insert));
}

void PgStore::write_search_keys(Tx& tx, const Organization& o) {
    tx.exec_params("DELETE FROM organization_search_keys WHERE org_id = $1", o.id);
    for (const auto& k : core::search_keys(o)) {
        tx.exec_params(
            "INSERT INTO organization_search_keys (key, org_id) VALUES ($1, $2) "
            "ON CONFLICT DO NOTHING",
            k, o.id);
    }
}

void PgStore::upsert_members(Tx& tx, const std::string& orgId,
                             const std::vector<core::Member>& members, std::int64_t atMs) {
    for (const auto& m : members) {
        tx.exec_params(
            "INSERT INTO members (id, org_id, name, email, role, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, email = excluded.email, role = excluded.role "
            "WHERE members.org_id = excluded.org_id",
            m.id, orgId, m.name, m.email, std::string(core::to_string(m.role)), atMs);
    }
}

std::optional<IdempotencyRecord> PgStore::find_idempotency(Tx& tx, std::string_view userId,
                                                           std::string_view key,
                                                           std::int64_t notBeforeMs) {
    const auto rows = tx.exec_params(
        "SELECT request_hash, status, body, created_at FROM idempotency_keys "
        "WHERE user_id = $1 AND key = $2 AND created_at >= $3",
        std::string(userId), std::string(key), notBeforeMs);
    if (rows.empty())
        return std::nullopt;
    IdempotencyRecord r;
    r.userId = std::string(userId);
    r.key = std::string(key);
    r.requestHash = rows[0][0].as<std::string>();
    r.status = rows[0][1].as<int>();
    r.body = rows[0][2].as<std::string>();
    r.createdAtMs = rows[0][3].as<std::int64_t>();
    return r;
}

std::optional<IdempotencyRecord> PgStore::claim_idempotency_key(Tx& tx,
                                                                const IdempotencyRecord& key,
                                                                std::int64_t notBeforeMs) {
    // A repeat racing its first request (on this or another instance) waits here until the
    // first commits, then finds its record (READ COMMITTED: the next statement sees it).
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1 || chr(1) || $2, 0))",
                   key.userId, key.key);
    if (auto earlier = find_idempotency(tx, key.userId, key.key, notBeforeMs))
        return earlier;
    // Expired records go now, so the key can be used again and the table stays small.
    tx.exec_params("DELETE FROM idempotency_keys WHERE created_at < $1", notBeforeMs);
    return std::nullopt;
}

void PgStore::record_idempotency(Tx& tx, const IdempotencyRecord& key, const std::string& body) {
    tx.exec_params(
        "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        key.userId, key.key, key.requestHash, key.status, body, key.createdAtMs);
}

std::optional<IdempotencyRecord> PgStore::find_idempotency_record(std::string_view userId,
                                                                  std::string_view key,
                                                                  std::int64_t notBeforeMs) {
    return run_pg_transaction(
        *pool_, [&](PgWork& tx) { return find_idempotency(tx, userId, key, notBeforeMs); });
}

// Provider ids are numbered 1, 2, 3, ... in insertion order, across instances: whoever numbers
// one holds this lock until its transaction ends.
void PgStore::lock_provider_ids(Tx& tx) {
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kProviderIdLock);
}

std::int64_t PgStore::insert_organization_row(Tx& tx, const Organization& o,
                                              const std::vector<core::Member>& members) {
    PgParams p;
    const auto id = p.add(o.id);
    const auto data = joined(organization_data(p, o));
    const std::string rest = joined(
        {p.add(o.distributorId), p.add(o.sellerId), p.add(o.subscriptionCount), p.add(o.userCount),
         p.add(std::int64_t{o.version}), p.add(o.createdAtMs), p.add(o.updatedAtMs)});
    const auto reason = p.add(o.rejectionReason);
    const auto rows =
        p.exec(tx, std::string("INSERT INTO organizations (") + kOrganizationColumns +
                       ") VALUES (" + id + ", " + data + ", " + rest +
                       ", (SELECT coalesce(max(provider_id), 0) + 1 FROM organizations), " +
                       reason + ") RETURNING provider_id");
    Organization inserted = o;
    inserted.providerId = rows[0][0].as<std::int64_t>();
    write_search_keys(tx, inserted);
    upsert_members(tx, o.id, members, o.createdAtMs);
    return inserted.providerId;
}

InsertOutcome PgStore::create_organization(const OrganizationInsert& insert) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        InsertOutcome outcome;
        if (insert.idempotency) {
            outcome.earlier =
                claim_idempotency_key(tx, *insert.idempotency, insert.idempotencyNotBeforeMs);
            if (outcome.earlier) {
                tx.roll_back();
                return outcome;  // nothing written
            }
        }
        lock_provider_ids(tx);
        Organization inserted = insert.org;
        inserted.providerId = insert_organization_row(tx, insert.org, insert.members);
        insert_audit(tx, insert.audit);
        if (insert.idempotency) {
            record_idempotency(tx, *insert.idempotency,
                               insert.answer ? insert.answer(inserted) : insert.idempotency->body);
        }
        outcome.inserted = std::move(inserted);
        return outcome;
    });
}

bool PgStore::update_organization(const OrganizationUpdate& update) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        const Organization& o = update.after;
        PgParams p;
        const auto data = organization_data(p, o);
        const char* names[] = {"name",
                               "segment",
                               "status",
                               "ownership_type",
                               "owner_name",
                               "owner_email",
                               "billing_company",
                               "billing_address",
                               "billing_country",
                               "billing_tax_id",
                               "billing_email",
                               "contact_name",
                               "contact_role",
                               "contact_phone",
                               "customer_reference",
                               "external_contract",
                               "purchased_numbers",
                               "buyer_tags"};
        std::vector<std::string> sets;
        for (std::size_t i = 0; i < data.size(); ++i)
            sets.push_back(std::string(names[i]) + " = " + data[i]);
        sets.push_back("user_count = " + p.add(o.userCount));
        sets.push_back("rejection_reason = " + p.add(o.rejectionReason));
        sets.push_back("version = " + p.add(std::int64_t{update.expectedVersion + 1}));
        sets.push_back("updated_at = " + p.add(o.updatedAtMs));
        const auto sql = "UPDATE organizations SET " + joined(sets) + " WHERE id = " + p.add(o.id) +
                         " AND version = " + p.add(std::int64_t{update.expectedVersion});
        if (p.exec(tx, sql).affected_rows() != 1) {
            tx.roll_back();
            return false;  // nothing written
        }
        // The row is locked now: provisioning and order placing for this customer wait for us.
        write_search_keys(tx, o);
        upsert_members(tx, o.id, update.members, o.updatedAtMs);
        insert_audit(tx, update.audit);
        if (update.cancelSubscriptions)
            cancel_subscriptions(tx, o.id, update.audit);
        if (update.rejectPendingOrders)
            reject_pending_orders(tx, o.id, update.audit, update.actorName, update.rejectionReason);
        return true;
    });
}

std::vector<core::Member> PgStore::list_members(std::string_view orgId) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        std::vector<core::Member> members;
        for (const auto& r : tx.exec_params("SELECT id, name, email, role FROM members "
                                            "WHERE org_id = $1 ORDER BY created_at, seq",
                                            std::string(orgId))) {
            core::Member m;
            m.id = r[0].as<std::string>();
            m.name = r[1].as<std::string>();
            m.email = r[2].as<std::string>();
            m.role =
                core::parse_member_role(r[3].as<std::string>()).value_or(core::MemberRole::Member);
            members.push_back(std::move(m));
        }
        return members;
    });
}

std::optional<Organization> PgStore::find_organization(std::string_view id) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<Organization> {
        const auto rows = tx.exec_params(
            std::string("SELECT ") + kOrganizationColumns + " FROM organizations WHERE id = $1",
            std::string(id));
        if (rows.empty())
            return std::nullopt;
        return read_organization(rows[0]);
    });
}

std::optional<Organization> PgStore::find_organization_by_provider_id(std::int64_t providerId) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<Organization> {
        const auto rows = tx.exec_params(std::string("SELECT ") + kOrganizationColumns +
                                             " FROM organizations WHERE provider_id = $1",
                                         providerId);
        if (rows.empty())
            return std::nullopt;
        return read_organization(rows[0]);
    });
}

OrganizationPage PgStore::list_organizations(const OrganizationQuery& query) {
    PgParams p;
    std::string sql = std::string("SELECT ") + kOrganizationColumns +
                      " FROM organizations o WHERE " + organization_scope(query.scope, p);
    sql += query.status ? " AND o.status = " + p.add(std::string(core::to_string(*query.status)))
                        : " AND o.status <> 'Deleted'";
    const auto search = core::normalize_search_text(query.search);
    if (!search.empty()) {
        // A left-anchored LIKE on a "C" column is a range scan of the key index (the bound
        // SQLite uses, the prefix plus byte 0xFF, is not valid text for PostgreSQL).
        sql += " AND o.id IN (SELECT org_id FROM organization_search_keys WHERE key LIKE " +
               p.add(like_prefix(search)) + ")";
    }
    sql += pg_after_cursor("o", query.after, p);
    sql += " ORDER BY o.created_at DESC, o.id DESC";
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        auto page = read_pg_page<Organization>(tx, sql, p, query.limit, read_organization);
        return OrganizationPage{std::move(page.items), page.next};
    });
}

std::map<OrgStatus, int> PgStore::count_by_status(const core::TenantScope& scope) {
    PgParams p;
    const auto sql = "SELECT o.status, count(*) FROM organizations o WHERE " +
                     organization_scope(scope, p) + " AND o.status <> 'Deleted' GROUP BY o.status";
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        return pg_status_counts(tx, p, sql,
                                [](const std::string& s) { return core::parse_org_status(s); });
    });
}

bool PgStore::change_status(const StatusChange& change) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        PgParams p;
        std::string sql =
            "UPDATE organizations SET status = " + p.add(std::string(core::to_string(change.to))) +
            ", version = version + 1, updated_at = " + p.add(change.atMs) +
            " WHERE id = " + p.add(change.orgId) +
            " AND status = " + p.add(std::string(core::to_string(change.from)));
        if (change.expectedVersion)
            sql += " AND version = " + p.add(std::int64_t{*change.expectedVersion});
        if (p.exec(tx, sql).affected_rows() != 1) {
            tx.roll_back();
            return false;
        }
        insert_audit(tx, change.audit);
        return true;
    });
}

std::vector<AuditEvent> PgStore::audit_trail(std::string_view entityId) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        std::vector<AuditEvent> events;
        for (const auto& r :
             tx.exec_params("SELECT at, actor_id, action, entity_type, entity_id, before, after "
                            "FROM audit_events WHERE entity_id = $1 ORDER BY seq",
                            std::string(entityId))) {
            events.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(),
                              r[2].as<std::string>(), r[3].as<std::string>(),
                              r[4].as<std::string>(), r[5].as<std::string>(),
                              r[6].as<std::string>()});
        }
        return events;
    });
}

void PgStore::insert_user(const UserRecord& user) {
    run_pg_transaction(*pool_, [&](PgWork& tx) {
        insert_user_row(tx, user);
        return 0;
    });
}

void PgStore::insert_user_row(Tx& tx, const UserRecord& user) {
    const auto& u = user.principal;
    tx.exec_params(std::string("INSERT INTO users (") + kUserColumns +
                       ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                   u.userId, u.username, u.displayName, stored_role(u), user.passwordHash,
                   u.distributorId, u.sellerId, u.customerId, u.memberId);
}

std::optional<UserRecord> PgStore::find_user(std::string_view id) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<UserRecord> {
        const auto rows = tx.exec_params(std::string("SELECT ") + kUserSelectColumns +
                                             " FROM users u" + kUserJoin + " WHERE u.id = $1",
                                         std::string(id));
        if (rows.empty())
            return std::nullopt;
        return read_user(rows[0]);
    });
}

std::optional<UserRecord> PgStore::find_user_by_username(std::string_view username) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<UserRecord> {
        const auto rows =
            tx.exec_params(std::string("SELECT ") + kUserSelectColumns + " FROM users u" +
                               kUserJoin + " WHERE lower(u.username) = lower($1)",
                           std::string(username));
        if (rows.empty())
            return std::nullopt;
        return read_user(rows[0]);
    });
}

void PgStore::insert_session(const SessionRecord& s) {
    run_pg_transaction(*pool_, [&](PgWork& tx) {
        insert_session_row(tx, s);
        return 0;
    });
}

std::optional<SessionWithUser> PgStore::find_session_with_user(std::string_view id) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<SessionWithUser> {
        const auto rows =
            tx.exec_params(std::string(kSessionWithUserQuery) + "$1", std::string(id));
        if (rows.empty())
            return std::nullopt;
        return SessionWithUser{read_session(rows[0]), read_user(rows[0], 8)};
    });
}

void PgStore::touch_session(std::string_view id, std::int64_t lastUsedAtMs,
                            std::int64_t expiresAtMs) {
    run_pg_transaction(*pool_, [&](PgWork& tx) {
        tx.exec_params("UPDATE sessions SET last_used_at = $1, expires_at = $2 WHERE id = $3",
                       lastUsedAtMs, expiresAtMs, std::string(id));
        return 0;
    });
}

void PgStore::revoke_session(std::string_view id) {
    run_pg_transaction(*pool_, [&](PgWork& tx) {
        tx.exec_params("UPDATE sessions SET revoked = TRUE WHERE id = $1", std::string(id));
        return 0;
    });
}

// The new hash, every earlier session of the user revoked, and the caller's new session: one
// transaction, so no old token outlives the change.
bool PgStore::change_password(std::string_view userId, const std::string& passwordHash,
                              const SessionRecord& newSession) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        const auto updated = tx.exec_params("UPDATE users SET password_hash = $1 WHERE id = $2",
                                            passwordHash, std::string(userId));
        if (updated.affected_rows() != 1)
            return false;
        tx.exec_params("UPDATE sessions SET revoked = TRUE WHERE user_id = $1",
                       std::string(userId));
        insert_session_row(tx, newSession);
        return true;
    });
}

}  // namespace orgdesk::platform
