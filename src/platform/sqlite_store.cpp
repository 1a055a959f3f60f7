#include "platform/sqlite_store.hpp"

#include <filesystem>
#include <system_error>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/search.hpp"
#include "core/status_counts.hpp"
#include "platform/sqlite_read_pool.hpp"
#include "platform/sqlite_schema.hpp"
#include "platform/sqlite_statement_cache.hpp"
#include "platform/sqlite_support.hpp"
#include "platform/store_sql.hpp"

namespace orgdesk::platform {
namespace {

using core::Organization;
using core::OrgStatus;

Organization read_organization(SQLite::Statement& q) {
    Organization o;
    int c = 0;
    o.id = q.getColumn(c++).getString();
    o.name = q.getColumn(c++).getString();
    o.segment = q.getColumn(c++).getString();
    o.status = core::parse_org_status(q.getColumn(c++).getString()).value_or(OrgStatus::New);
    o.ownershipType = core::parse_ownership_type(q.getColumn(c++).getString())
                          .value_or(core::OwnershipType::Customer);
    const auto ownerName = q.getColumn(c++);
    const auto ownerEmail = q.getColumn(c++);
    if (!ownerName.isNull())
        o.owner = core::Person{text_of(ownerName), text_of(ownerEmail)};
    o.billing.company = q.getColumn(c++).getString();
    o.billing.address = q.getColumn(c++).getString();
    o.billing.country = q.getColumn(c++).getString();
    o.billing.taxId = q.getColumn(c++).getString();
    o.billing.email = q.getColumn(c++).getString();
    o.primaryContact.name = q.getColumn(c++).getString();
    o.primaryContact.role = q.getColumn(c++).getString();
    o.primaryContact.phone = q.getColumn(c++).getString();
    o.customerReference = q.getColumn(c++).getString();
    o.externalContract = q.getColumn(c++).getString();
    o.purchasedNumbers = from_json_array(q.getColumn(c++).getString());
    o.buyerTags = from_json_array(q.getColumn(c++).getString());
    o.distributorId = q.getColumn(c++).getString();
    o.sellerId = q.getColumn(c++).getString();
    o.subscriptionCount = q.getColumn(c++).getInt();
    o.userCount = q.getColumn(c++).getInt();
    o.version = q.getColumn(c++).getInt64();
    o.createdAtMs = q.getColumn(c++).getInt64();
    o.updatedAtMs = q.getColumn(c++).getInt64();
    o.providerId = q.getColumn(c++).getInt64();
    o.rejectionReason = q.getColumn(c++).getString();
    return o;
}

// Every status a list shows, as an SQL list of literals: "('New', 'Active', ...)". Made once,
// not at every search.
const std::string& listable_statuses() {
    static const std::string list = [] {
        std::string made;
        for (const auto status : core::kAllOrgStatuses) {
            if (core::is_listable(status))
                made += (made.empty() ? "('" : ", '") + std::string(core::to_string(status)) + "'";
        }
        return made + ")";
    }();
    return list;
}

// Organizations are queried as "o"; an organization is its own customer.
std::string organization_scope(const core::TenantScope& scope) {
    return scope_condition(scope, "o", "id");
}

// Binds name through buyer_tags, in kOrganizationColumns' order, from parameter `c` on; returns
// the next parameter. Inserts and updates share it so the two never disagree about a column.
int bind_organization_data(SQLite::Statement& q, int c, const Organization& o) {
    q.bind(c++, o.name);
    q.bind(c++, o.segment);
    q.bind(c++, std::string(core::to_string(o.status)));
    q.bind(c++, std::string(core::to_string(o.ownershipType)));
    if (o.owner) {
        q.bind(c++, o.owner->name);
        q.bind(c++, o.owner->email);
    } else {
        q.bind(c++);
        q.bind(c++);
    }
    for (const auto* text :
         {&o.billing.company, &o.billing.address, &o.billing.country, &o.billing.taxId,
          &o.billing.email, &o.primaryContact.name, &o.primaryContact.role, &o.primaryContact.phone,
          &o.customerReference, &o.externalContract}) {
        q.bind(c++, *text);
    }
    q.bind(c++, to_json_array(o.purchasedNumbers));
    q.bind(c++, to_json_array(o.buyerTags));
    return c;
}

// kUserSelectColumns from column `c` on.
UserRecord read_user(SQLite::Statement& q, int c = 0) {
    UserRecord u;
    u.principal.userId = q.getColumn(c++).getString();
    u.principal.username = q.getColumn(c++).getString();
    u.principal.displayName = q.getColumn(c++).getString();
    const std::string storedRole = q.getColumn(c++).getString();
    u.passwordHash = q.getColumn(c++).getString();
    u.principal.distributorId = q.getColumn(c++).getString();
    u.principal.sellerId = q.getColumn(c++).getString();
    u.principal.customerId = q.getColumn(c++).getString();
    u.principal.memberId = q.getColumn(c++).getString();
    const auto memberRole = q.getColumn(c);
    u.principal.role = resolved_role(
        storedRole, u.principal.memberId,
        memberRole.isNull() ? std::nullopt : std::optional<std::string_view>(memberRole.getText()));
    return u;
}

// kSessionColumns.
SessionRecord read_session(SQLite::Statement& q) {
    return SessionRecord{q.getColumn(0).getString(),   q.getColumn(1).getString(),
                         q.getColumn(2).getString(),   q.getColumn(3).getInt64(),
                         q.getColumn(4).getInt64(),    q.getColumn(5).getInt64(),
                         q.getColumn(6).getInt() != 0, q.getColumn(7).getInt64()};
}

bool is_in_memory(const std::string& path) {
    // ":memory:", a temporary database (""), or a URI, which may name either.
    return path.empty() || path == ":memory:" || path.starts_with("file:");
}

// SQLite counts every allocation under one process-wide mutex unless told not to; with readers on
// several threads, that mutex was contended at every statement. Configuration is taken only
// before SQLite initializes, that is before the first connection opens; later it is refused and
// changes nothing.
void configure_sqlite_once() {
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)configured;
}

std::unique_ptr<SQLite::Database> open_writer(const std::string& path) {
    configure_sqlite_once();
    // The writer is only used with mutex_ held, so SQLite's own per-call mutex is not needed.
    return std::make_unique<SQLite::Database>(
        path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
        /*busyTimeoutMs=*/5000);
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path)
    : db_(open_writer(path)), statements_(std::make_unique<StatementCache>(*db_)) {
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
    db_->exec("PRAGMA foreign_keys = ON");
    migrate();
    if (!is_in_memory(path))
        readers_ = std::make_unique<SqliteReadPool>(path);
}

SqliteRead SqliteStore::read() {
    if (readers_)
        return {*readers_, readers_->take()};
    return {std::unique_lock(mutex_), *statements_};
}

SqliteStore::~SqliteStore() = default;

OperationsSnapshot SqliteStore::operations_snapshot(std::int64_t nowMs) {
    auto reader = read();
    auto q = reader.get(operations_snapshot_query("?1"));
    q->bind(1, nowMs);
    q->executeStep();
    return {q->getColumn(0).getInt64(), q->getColumn(1).getInt64(), q->getColumn(2).getInt64(),
            q->getColumn(3).getInt64(), q->getColumn(4).getInt64()};
}

std::string SqliteStore::commcell_guid() {
    auto reader = read();
    auto q = reader.get(kCommcellGuidQuery);
    if (!q->executeStep())
        throw std::runtime_error("the database has no CommServ GUID (instance_settings)");
    return q->getColumn(0).getString();
}

DatabaseUse SqliteStore::database_use() {
    DatabaseUse use;
    // The writer connection, in use while another thread holds it.
    use.connectionsOpen = 1;
    if (std::unique_lock writer(mutex_, std::try_to_lock); !writer.owns_lock())
        use.connectionsInUse = 1;
    if (readers_) {
        const auto readers = readers_->use();
        use.connectionsOpen += readers.open;
        use.connectionsInUse += readers.lent;
        std::error_code ec;
        const auto wal = std::filesystem::file_size(db_->getFilename() + "-wal", ec);
        use.walBytes = ec ? 0 : wal;  // no file yet: nothing written since the last checkpoint
    }
    return use;
}

int SqliteStore::latest_schema_version() {
    return static_cast<int>(kSqliteMigrations.size());
}

int SqliteStore::schema_version() {
    std::lock_guard lock(mutex_);
    return db_->execAndGet("PRAGMA user_version").getInt();
}

void SqliteStore::migrate() {
    std::lock_guard lock(mutex_);
    int version = db_->execAndGet("PRAGMA user_version").getInt();
    if (version > latest_schema_version()) {
        throw std::runtime_error("The database was written by a newer Orgdesk (schema version " +
                                 std::to_string(version) +
                                 "). Upgrade Orgdesk or use another database file.");
    }
    if (version > 0 && version < latest_schema_version()) {
        // A migration may rewrite a table: on a file of a million organizations that takes
        // about a minute, which the person starting the server should not take for a hang.
        spdlog::info(
            "updating the database file from schema version {} to {}; on a large file "
            "this can take a few minutes",
            version, latest_schema_version());
    }
    for (; version < latest_schema_version(); ++version) {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        db_->exec(std::string(kSqliteMigrations[static_cast<std::size_t>(version)]));
        db_->exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

void SqliteStore::insert_audit(const AuditEvent& e) {
    auto q = statements_->get(
        "INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, "
        "before, after) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, static_cast<std::int64_t>(e.atMs));
    q->bind(2, e.actorId);
    q->bind(3, e.action);
    q->bind(4, e.entityType);
    q->bind(5, e.entityId);
    q->bind(6, e.before);
    q->bind(7, e.after);
    q->exec();
}

void SqliteStore::insert_partner(const Partner& partner) {
    std::lock_guard lock(mutex_);
    insert_partner_row(partner);
}

void SqliteStore::insert_partner_row(const Partner& partner) {
    auto q = statements_->get("INSERT INTO partners (id, name, distributor_id) VALUES (?, ?, ?)");
    q->bind(1, partner.id);
    q->bind(2, partner.name);
    if (partner.distributorId.empty()) {
        q->bind(3);
    } else {
        q->bind(3, partner.distributorId);
    }
    q->exec();
}

std::optional<Partner> SqliteStore::find_partner(std::string_view id) {
    auto reader = read();
    auto q = reader.get("SELECT id, name, distributor_id FROM partners WHERE id = ?");
    q->bind(1, std::string(id));
    if (!q->executeStep())
        return std::nullopt;
    return Partner{q->getColumn(0).getString(), q->getColumn(1).getString(),
                   text_of(q->getColumn(2))};
}

std::vector<Partner> SqliteStore::list_sellers(std::string_view distributorId) {
    auto reader = read();
    auto q = reader.get(
        "SELECT id, name, distributor_id FROM partners WHERE distributor_id = ? "
        "ORDER BY name, id");
    q->bind(1, std::string(distributorId));
    std::vector<Partner> sellers;
    while (q->executeStep()) {
        sellers.push_back({q->getColumn(0).getString(), q->getColumn(1).getString(),
                           q->getColumn(2).getString()});
    }
    return sellers;
}

void SqliteStore::insert_organization(const Organization& o, const AuditEvent& audit) {
    OrganizationInsert insert;
    insert.org = o;
    insert.audit = audit;
    static_cast<void>(create_organization(insert));
}

void SqliteStore::write_search_keys(const Organization& o) {
    auto clear = statements_->get("DELETE FROM organization_search_keys WHERE org_id = ?");
    clear->bind(1, o.id);
    clear->exec();
    // The organization's row is written first; its scope, status and creation time are copied
    // from it (a trigger keeps them following the row, migration 6).
    auto key = statements_->get(
        "INSERT INTO organization_search_keys (key, org_id, distributor_id, seller_id, status, "
        "created_at) SELECT ?, id, distributor_id, seller_id, status, created_at "
        "FROM organizations WHERE id = ?");
    for (const auto& k : core::search_keys(o)) {
        key->bind(1, k);
        key->bind(2, o.id);
        key->exec();
        key->reset();
    }
}

void SqliteStore::upsert_members(const std::string& orgId, const std::vector<core::Member>& members,
                                 std::int64_t atMs) {
    auto q = statements_->get(
        "INSERT INTO members (id, org_id, name, email, role, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "name = excluded.name, email = excluded.email, role = excluded.role "
        "WHERE members.org_id = excluded.org_id");
    for (const auto& m : members) {
        q->bind(1, m.id);
        q->bind(2, orgId);
        q->bind(3, m.name);
        q->bind(4, m.email);
        q->bind(5, std::string(core::to_string(m.role)));
        q->bind(6, static_cast<std::int64_t>(atMs));
        q->exec();
        q->reset();
    }
}

std::optional<IdempotencyRecord> SqliteStore::find_idempotency_locked(std::string_view userId,
                                                                      std::string_view key,
                                                                      std::int64_t notBeforeMs) {
    auto q = statements_->get(
        "SELECT request_hash, status, body, created_at FROM idempotency_keys "
        "WHERE user_id = ? AND key = ? AND created_at >= ?");
    q->bind(1, std::string(userId));
    q->bind(2, std::string(key));
    q->bind(3, static_cast<std::int64_t>(notBeforeMs));
    if (!q->executeStep())
        return std::nullopt;
    IdempotencyRecord r;
    r.userId = std::string(userId);
    r.key = std::string(key);
    r.requestHash = q->getColumn(0).getString();
    r.status = q->getColumn(1).getInt();
    r.body = q->getColumn(2).getString();
    r.createdAtMs = q->getColumn(3).getInt64();
    return r;
}

std::optional<IdempotencyRecord> SqliteStore::claim_idempotency_key(const IdempotencyRecord& key,
                                                                    std::int64_t notBeforeMs) {
    if (auto earlier = find_idempotency_locked(key.userId, key.key, notBeforeMs))
        return earlier;
    // Expired records go now, so the key can be used again and the table stays small.
    auto expire = statements_->get("DELETE FROM idempotency_keys WHERE created_at < ?");
    expire->bind(1, static_cast<std::int64_t>(notBeforeMs));
    expire->exec();
    return std::nullopt;
}

void SqliteStore::record_idempotency(const IdempotencyRecord& key, const std::string& body) {
    auto record = statements_->get(
        "INSERT INTO idempotency_keys (user_id, key, request_hash, "
        "status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    record->bind(1, key.userId);
    record->bind(2, key.key);
    record->bind(3, key.requestHash);
    record->bind(4, key.status);
    record->bind(5, body);
    record->bind(6, static_cast<std::int64_t>(key.createdAtMs));
    record->exec();
}

std::optional<IdempotencyRecord> SqliteStore::find_idempotency_record(std::string_view userId,
                                                                      std::string_view key,
                                                                      std::int64_t notBeforeMs) {
    std::lock_guard lock(mutex_);
    return find_idempotency_locked(userId, key, notBeforeMs);
}

std::int64_t SqliteStore::insert_organization_row(const Organization& o,
                                                  const std::vector<core::Member>& members) {
    auto q = statements_->get(std::string("INSERT INTO organizations (") + kOrganizationColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?, ?, ?, ?, ?, ?, ?, "
                              "(SELECT coalesce(max(provider_id), 0) + 1 FROM organizations), "
                              "?) RETURNING provider_id");
    int c = 1;
    q->bind(c++, o.id);
    c = bind_organization_data(*q, c, o);
    q->bind(c++, o.distributorId);
    q->bind(c++, o.sellerId);
    q->bind(c++, o.subscriptionCount);
    q->bind(c++, o.userCount);
    q->bind(c++, static_cast<std::int64_t>(o.version));
    q->bind(c++, static_cast<std::int64_t>(o.createdAtMs));
    q->bind(c++, static_cast<std::int64_t>(o.updatedAtMs));
    q->bind(c++, o.rejectionReason);
    std::int64_t providerId = 0;
    if (q->executeStep())
        providerId = q->getColumn(0).getInt64();
    q->reset();
    Organization inserted = o;
    inserted.providerId = providerId;
    write_search_keys(inserted);
    upsert_members(o.id, members, o.createdAtMs);
    return providerId;
}

InsertOutcome SqliteStore::create_organization(const OrganizationInsert& insert) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    InsertOutcome outcome;
    if (insert.idempotency) {
        outcome.earlier = claim_idempotency_key(*insert.idempotency, insert.idempotencyNotBeforeMs);
        if (outcome.earlier)
            return outcome;  // nothing written
    }

    Organization inserted = insert.org;
    inserted.providerId = insert_organization_row(insert.org, insert.members);
    insert_audit(insert.audit);
    if (insert.idempotency) {
        record_idempotency(*insert.idempotency,
                           insert.answer ? insert.answer(inserted) : insert.idempotency->body);
    }
    tx.commit();
    outcome.inserted = std::move(inserted);
    return outcome;
}

bool SqliteStore::update_organization(const OrganizationUpdate& update) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const Organization& o = update.after;
    auto q = statements_->get(
        "UPDATE organizations SET name = ?, segment = ?, status = ?, ownership_type = ?, "
        "owner_name = ?, owner_email = ?, billing_company = ?, billing_address = ?, "
        "billing_country = ?, billing_tax_id = ?, billing_email = ?, contact_name = ?, "
        "contact_role = ?, contact_phone = ?, customer_reference = ?, external_contract = ?, "
        "purchased_numbers = ?, buyer_tags = ?, user_count = ?, "
        "rejection_reason = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?");
    int c = 1;
    c = bind_organization_data(*q, c, o);
    q->bind(c++, o.userCount);
    q->bind(c++, o.rejectionReason);
    q->bind(c++, static_cast<std::int64_t>(update.expectedVersion + 1));
    q->bind(c++, static_cast<std::int64_t>(o.updatedAtMs));
    q->bind(c++, o.id);
    q->bind(c++, static_cast<std::int64_t>(update.expectedVersion));
    if (q->exec() != 1)
        return false;  // the transaction rolls back: nothing written
    write_search_keys(o);
    upsert_members(o.id, update.members, o.updatedAtMs);
    insert_audit(update.audit);
    if (update.cancelSubscriptions)
        cancel_subscriptions(o.id, update.audit);
    if (update.rejectPendingOrders)
        reject_pending_orders(o.id, update.audit, update.actorName, update.rejectionReason);
    tx.commit();
    return true;
}

std::vector<core::Member> SqliteStore::list_members(std::string_view orgId) {
    auto reader = read();
    auto q = reader.get(
        "SELECT id, name, email, role FROM members WHERE org_id = ? "
        "ORDER BY created_at, rowid");
    q->bind(1, std::string(orgId));
    std::vector<core::Member> members;
    while (q->executeStep()) {
        core::Member m;
        m.id = q->getColumn(0).getString();
        m.name = q->getColumn(1).getString();
        m.email = q->getColumn(2).getString();
        m.role =
            core::parse_member_role(q->getColumn(3).getString()).value_or(core::MemberRole::Member);
        members.push_back(std::move(m));
    }
    return members;
}

std::optional<Organization> SqliteStore::find_organization(std::string_view id) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kOrganizationColumns +
                        " FROM organizations WHERE id = ?");
    q->bind(1, std::string(id));
    if (!q->executeStep())
        return std::nullopt;
    return read_organization(*q);
}

std::optional<Organization> SqliteStore::find_organization_by_provider_id(std::int64_t providerId) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kOrganizationColumns +
                        " FROM organizations WHERE provider_id = ?");
    q->bind(1, static_cast<std::int64_t>(providerId));
    if (!q->executeStep())
        return std::nullopt;
    return read_organization(*q);
}

OrganizationPage SqliteStore::list_organizations(const OrganizationQuery& query) {
    // A search is answered from its matching search keys, which carry their organization's
    // scope, status and creation time (migration 6) and are ordered by status first (migration
    // 7): the page is chosen among the asked status's keys, and only its own rows are read. A
    // prefix matching a thousand organizations then costs a thousand small index entries instead
    // of a thousand organization rows. An organization with several keys under the prefix counts
    // once: GROUP BY with the ORDER BY's own terms sorts the keys once, where DISTINCT sorted
    // them twice (a fifth of a name search's time at 1,000,000 organizations). The page's rows
    // are then read by id and put newest first in C++: SQLite's sort copied each whole record.
    const auto search = core::normalize_search_text(query.search);
    const bool byKeys = !search.empty();
    const std::string t = byKeys ? "k" : "o";
    const std::string idColumn = byKeys ? "org_id" : "id";
    std::string filter = scope_condition(query.scope, t, idColumn);
    if (query.status) {
        filter += " AND " + t + ".status = ?";
    } else if (byKeys) {
        filter += " AND k.status IN " + listable_statuses();  // a key range per status
    } else {
        filter += " AND o.status <> 'Deleted'";
    }
    if (query.after)
        filter += after_cursor_condition(t, "?", "?", "?", idColumn);
    const std::string order =
        " ORDER BY " + t + ".created_at DESC, " + t + "." + idColumn + " DESC";

    std::string sql =
        std::string("SELECT ") + kOrganizationColumns + " FROM organizations o WHERE ";
    if (byKeys) {
        sql +=
            "o.id IN (SELECT org_id FROM (SELECT k.created_at, k.org_id FROM "
            "organization_search_keys k WHERE k.key >= ? AND k.key < ? AND " +
            filter + " GROUP BY k.created_at, k.org_id" + order +
            " LIMIT ?)) ORDER BY o.created_at DESC, o.id DESC";
    } else {
        sql += filter + order + " LIMIT ?";
    }

    auto reader = read();
    auto q = reader.get(sql);
    int c = 1;
    if (byKeys) {
        q->bind(c++, search);
        q->bind(c++, core::prefix_upper_bound(search));
    }
    q->bind(c++, query.scope.id);
    if (query.status)
        q->bind(c++, std::string(core::to_string(*query.status)));
    auto page = read_page<Organization>(*q, c, query.after, query.limit, read_organization,
                                        byKeys ? RowOrder::SortNewestFirst : RowOrder::AsQueried);
    return {std::move(page.items), page.next};
}

std::map<OrgStatus, int> SqliteStore::count_by_status(const core::TenantScope& scope) {
    auto reader = read();
    // A distributor's or seller's counts are kept up to date by triggers (migration 4); a
    // customer's own organization is one row.
    const char* level = scope.level == core::TenantLevel::Distributor ? "distributor" : "seller";
    auto q = reader.get(
        scope.level == core::TenantLevel::Customer
            ? "SELECT o.status, count(*) FROM organizations o WHERE " + organization_scope(scope) +
                  " AND o.status <> 'Deleted' GROUP BY o.status"
            : std::string("SELECT status, n FROM organization_counts WHERE level = ? AND "
                          "partner_id = ? AND status <> 'Deleted' AND n > 0"));
    if (scope.level == core::TenantLevel::Customer) {
        q->bind(1, scope.id);
    } else {
        q->bind(1, level);
        q->bind(2, scope.id);
    }
    std::map<OrgStatus, int> counts;
    while (q->executeStep()) {
        if (const auto status = core::parse_org_status(q->getColumn(0).getString())) {
            counts[*status] = q->getColumn(1).getInt();
        }
    }
    return counts;
}

bool SqliteStore::change_status(const StatusChange& change) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::string sql =
        "UPDATE organizations SET status = ?, version = version + 1, updated_at = ? "
        "WHERE id = ? AND status = ?";
    if (change.expectedVersion)
        sql += " AND version = ?";
    auto q = statements_->get(sql);
    q->bind(1, std::string(core::to_string(change.to)));
    q->bind(2, static_cast<std::int64_t>(change.atMs));
    q->bind(3, change.orgId);
    q->bind(4, std::string(core::to_string(change.from)));
    if (change.expectedVersion)
        q->bind(5, static_cast<std::int64_t>(*change.expectedVersion));
    if (q->exec() != 1)
        return false;  // the transaction rolls back: nothing written
    insert_audit(change.audit);
    tx.commit();
    return true;
}

std::vector<AuditEvent> SqliteStore::audit_trail(std::string_view entityId) {
    auto reader = read();
    auto q = reader.get(
        "SELECT at, actor_id, action, entity_type, entity_id, before, after "
        "FROM audit_events WHERE entity_id = ? ORDER BY seq");
    q->bind(1, std::string(entityId));
    std::vector<AuditEvent> events;
    while (q->executeStep()) {
        events.push_back({q->getColumn(0).getInt64(), q->getColumn(1).getString(),
                          q->getColumn(2).getString(), q->getColumn(3).getString(),
                          q->getColumn(4).getString(), q->getColumn(5).getString(),
                          q->getColumn(6).getString()});
    }
    return events;
}

void SqliteStore::insert_user(const UserRecord& user) {
    std::lock_guard lock(mutex_);
    insert_user_row(user);
}

void SqliteStore::insert_user_row(const UserRecord& user) {
    auto q = statements_->get(std::string("INSERT INTO users (") + kUserColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const auto& p = user.principal;
    q->bind(1, p.userId);
    q->bind(2, p.username);
    q->bind(3, p.displayName);
    q->bind(4, stored_role(p));
    q->bind(5, user.passwordHash);
    q->bind(6, p.distributorId);
    q->bind(7, p.sellerId);
    q->bind(8, p.customerId);
    q->bind(9, p.memberId);
    q->exec();
}

std::optional<UserRecord> SqliteStore::find_user(std::string_view id) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kUserSelectColumns + " FROM users u" + kUserJoin +
                        " WHERE u.id = ?");
    q->bind(1, std::string(id));
    if (!q->executeStep())
        return std::nullopt;
    return read_user(*q);
}

std::optional<UserRecord> SqliteStore::find_user_by_username(std::string_view username) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kUserSelectColumns + " FROM users u" + kUserJoin +
                        " WHERE u.username = ?");
    q->bind(1, std::string(username));
    if (!q->executeStep())
        return std::nullopt;
    return read_user(*q);
}

void SqliteStore::insert_session(const SessionRecord& s) {
    std::lock_guard lock(mutex_);
    insert_session_locked(s);
}

void SqliteStore::insert_session_locked(const SessionRecord& s) {
    auto q = statements_->get(
        "INSERT INTO sessions (id, secret_hash, user_id, created_at, "
        "last_used_at, expires_at, revoked, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, s.id);
    q->bind(2, s.secretHash);
    q->bind(3, s.userId);
    q->bind(4, static_cast<std::int64_t>(s.createdAtMs));
    q->bind(5, static_cast<std::int64_t>(s.lastUsedAtMs));
    q->bind(6, static_cast<std::int64_t>(s.expiresAtMs));
    q->bind(7, s.revoked ? 1 : 0);
    q->bind(8, static_cast<std::int64_t>(s.endsAtMs));
    q->exec();
}

std::optional<SessionWithUser> SqliteStore::find_session_with_user(std::string_view id) {
    auto reader = read();
    auto q = reader.get(std::string(kSessionWithUserQuery) + "?");
    q->bind(1, std::string(id));
    if (!q->executeStep())
        return std::nullopt;
    return SessionWithUser{read_session(*q), read_user(*q, 8)};
}

void SqliteStore::touch_session(std::string_view id, std::int64_t lastUsedAtMs,
                                std::int64_t expiresAtMs) {
    std::lock_guard lock(mutex_);
    auto q = statements_->get("UPDATE sessions SET last_used_at = ?, expires_at = ? WHERE id = ?");
    q->bind(1, static_cast<std::int64_t>(lastUsedAtMs));
    q->bind(2, static_cast<std::int64_t>(expiresAtMs));
    q->bind(3, std::string(id));
    q->exec();
}

void SqliteStore::revoke_session(std::string_view id) {
    std::lock_guard lock(mutex_);
    auto q = statements_->get("UPDATE sessions SET revoked = 1 WHERE id = ?");
    q->bind(1, std::string(id));
    q->exec();
}

bool SqliteStore::change_password(std::string_view userId, const std::string& passwordHash,
                                  const SessionRecord& newSession) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto update = statements_->get("UPDATE users SET password_hash = ? WHERE id = ?");
    update->bind(1, passwordHash);
    update->bind(2, std::string(userId));
    if (update->exec() != 1)
        return false;
    auto revoke = statements_->get("UPDATE sessions SET revoked = 1 WHERE user_id = ?");
    revoke->bind(1, std::string(userId));
    revoke->exec();
    insert_session_locked(newSession);
    tx.commit();
    return true;
}

}  // namespace orgdesk::platform
