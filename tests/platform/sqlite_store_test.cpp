// The store on a real database, SQLite (a temporary file) and PostgreSQL (a private server):
// migrations, scoping, conditional writes and the audit rows written with them.
#include <gtest/gtest.h>

#include <regex>

#include <SQLiteCpp/SQLiteCpp.h>

#include <pqxx/pqxx>

#include <atomic>
#include <thread>
#include <vector>

#include "platform/demo_data.hpp"
#include "platform/sqlite_schema.hpp"
#include "store_backends.hpp"

namespace orgdesk::platform {
namespace {

using core::OrgStatus;
constexpr std::int64_t kNow = 1'795'369'342'000;

OrganizationQuery query_in(core::TenantScope scope) {
    OrganizationQuery query;
    query.scope = std::move(scope);
    return query;
}

using store_testing::Backend;

int schema_version_of(Store& store) {
    if (auto* sqlite = dynamic_cast<SqliteStore*>(&store))
        return sqlite->schema_version();
    return dynamic_cast<PgStore&>(store).schema_version();
}

int latest_schema_version(Backend backend) {
    return backend == Backend::Sqlite ? SqliteStore::latest_schema_version()
                                      : PgStore::latest_schema_version();
}

class StoreTest : public store_testing::BackendTest {
  protected:
    void SetUp() override { seed_demo_data(store, kNow, "hash"); }

    core::TenantScope seller_one() const {
        return {core::TenantLevel::Seller, std::string(kDemoSellerOneId)};
    }

    std::string first_with(OrgStatus status) {
        auto q = query_in(seller_one());
        q.status = status;
        q.limit = 1;
        return store.list_organizations(q).items.at(0).id;
    }
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(StoreTest, MigratesANewDatabaseToTheLatestSchema) {
    EXPECT_EQ(schema_version_of(store), latest_schema_version(GetParam()));
    if (GetParam() == Backend::Sqlite) {
        SQLite::Database raw(database.sqlite_path());
        EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
    }
}

// Issue 26: the CommServ GUID is a version 4 UUID made once, by the schema, and kept.
TEST_P(StoreTest, TheCommServGuidIsAUuidMadeOnceAndKept) {
    const auto guid = store.commcell_guid();
    EXPECT_TRUE(std::regex_match(
        guid, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
        << guid;
    EXPECT_EQ(database.open()->commcell_guid(), guid);
}

TEST_P(StoreTest, ReopeningKeepsDataAndDoesNotMigrateTwice) {
    const auto reopened = database.open();
    auto& again = *reopened;
    EXPECT_EQ(schema_version_of(again), latest_schema_version(GetParam()));
    EXPECT_TRUE(again.find_organization(kDemoOwnerCustomerId).has_value());
    EXPECT_EQ(seed_demo_data(again, kNow, "hash").size(), 5U);  // seeding twice adds nothing
    auto all = query_in({core::TenantLevel::Distributor, std::string(kDemoDistributorId)});
    all.limit = 500;
    EXPECT_EQ(again.list_organizations(all).items.size(), 54U);  // 60 minus 6 deleted
}

TEST_P(StoreTest, ProviderIdsAreSequentialInInsertionOrder) {
    const auto first = store.find_organization_by_provider_id(1);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->id, kDemoOwnerCustomerId);  // the demo's first organization
    const auto orgs = demo_organizations(kNow);
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        const auto found = store.find_organization(orgs[i].id);
        ASSERT_TRUE(found.has_value());
        EXPECT_EQ(found->providerId, static_cast<std::int64_t>(i + 1)) << orgs[i].name;
    }
    EXPECT_FALSE(store.find_organization_by_provider_id(0).has_value());
    EXPECT_FALSE(store.find_organization_by_provider_id(61).has_value());

    auto next = orgs[1];
    next.id = "aaaaaaaa-0000-4000-8000-000000000001";
    next.providerId = 999;  // ignored: the store numbers organizations itself
    next.customerReference = "CR-NEW";
    next.externalContract = "EC-NEW";
    next.purchasedNumbers = {"+1"};
    store.insert_organization(next, {kNow, "system", "create", "organization", next.id, "", ""});
    EXPECT_EQ(store.find_organization(next.id)->providerId, 61);
    EXPECT_EQ(store.find_organization_by_provider_id(61)->id, next.id);
}

TEST_P(StoreTest, SeedingStoresTheDemoMembers) {
    const auto org = store.find_organization(kDemoOwnerCustomerId);
    ASSERT_TRUE(org.has_value());
    const auto members = store.list_members(org->id);
    EXPECT_EQ(members, demo_members(*org));
    EXPECT_EQ(org->userCount, static_cast<int>(members.size()));
    EXPECT_EQ(members.at(0).role, core::MemberRole::Owner);
}

TEST_P(StoreTest, UpdateIsConditionalOnTheVersionRead) {
    auto before = *store.find_organization(first_with(OrgStatus::Active));
    auto after = before;
    after.name = "Renamed Oy";
    after.customerReference = "CR-RENAMED";
    after.version = before.version + 1;
    after.updatedAtMs = kNow + 1;
    OrganizationUpdate update;
    update.after = after;
    update.expectedVersion = before.version;
    update.audit = {kNow + 1, "u1", "edit", "organization", before.id, "{}", "{}"};
    ASSERT_TRUE(store.update_organization(update));

    const auto stored = *store.find_organization(before.id);
    EXPECT_EQ(stored.name, "Renamed Oy");
    EXPECT_EQ(stored.version, before.version + 1);
    EXPECT_EQ(stored.providerId, before.providerId);
    EXPECT_EQ(stored.createdAtMs, before.createdAtMs);
    EXPECT_EQ(store.audit_trail(before.id).back().action, "edit");
    // The search keys follow the data.
    auto q = query_in(seller_one());
    q.search = "CR-RENAMED";
    EXPECT_EQ(store.list_organizations(q).items.size(), 1u);
    q.search = before.customerReference;
    EXPECT_TRUE(store.list_organizations(q).items.empty());

    // A second writer that read the same version loses, and writes nothing (not even audit).
    const auto auditSize = store.audit_trail(before.id).size();
    update.after.name = "Lost Update Oy";
    EXPECT_FALSE(store.update_organization(update));
    EXPECT_EQ(store.find_organization(before.id)->name, "Renamed Oy");
    EXPECT_EQ(store.audit_trail(before.id).size(), auditSize);
}

TEST_P(StoreTest, UpdateUpsertsMembers) {
    auto org = *store.find_organization(kDemoOwnerCustomerId);
    auto members = store.list_members(org.id);
    members.at(0).role = core::MemberRole::Admin;
    members.push_back({"new-member", "Nina New", "nina@new.example", core::MemberRole::Owner});
    OrganizationUpdate update;
    update.after = org;
    update.after.userCount = static_cast<int>(members.size());
    update.expectedVersion = org.version;
    update.members = members;
    update.audit = {kNow, "u1", "ownership", "organization", org.id, "", ""};
    ASSERT_TRUE(store.update_organization(update));
    EXPECT_EQ(store.list_members(org.id), members);
}

TEST_P(StoreTest, IdempotencyRecordsAnswerRepeatsUntilTheyExpire) {
    auto org = demo_organizations(kNow)[1];
    org.id = "idem-org-1";
    org.customerReference = "CR-IDEM";
    org.externalContract = "EC-IDEM";
    org.purchasedNumbers = {"+99"};
    OrganizationInsert insert;
    insert.org = org;
    insert.audit = {kNow, "u1", "create", "organization", org.id, "", ""};
    insert.idempotency = IdempotencyRecord{"u1", "key-1", "hash-1", 201, "", kNow};
    insert.answer = [](const core::Organization& o) {
        return "{\"providerId\":" + std::to_string(o.providerId) + "}";
    };
    insert.idempotencyNotBeforeMs = kNow - 1000;
    const auto first = store.create_organization(insert);
    ASSERT_TRUE(first.inserted.has_value());
    EXPECT_EQ(first.inserted->providerId, 61);

    const auto record = store.find_idempotency_record("u1", "key-1", kNow - 1000);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->body, "{\"providerId\":61}");
    EXPECT_EQ(record->requestHash, "hash-1");
    EXPECT_FALSE(store.find_idempotency_record("u2", "key-1", kNow - 1000).has_value());

    // The same key again: the earlier record wins and nothing is inserted.
    insert.org.id = "idem-org-2";
    const auto second = store.create_organization(insert);
    EXPECT_FALSE(second.inserted.has_value());
    ASSERT_TRUE(second.earlier.has_value());
    EXPECT_FALSE(store.find_organization("idem-org-2").has_value());

    // Once expired, the key is free again.
    EXPECT_FALSE(store.find_idempotency_record("u1", "key-1", kNow + 1).has_value());
    insert.idempotencyNotBeforeMs = kNow + 1;
    insert.idempotency->createdAtMs = kNow + 2;
    insert.org.customerReference = "CR-IDEM-2";
    insert.org.externalContract = "EC-IDEM-2";
    insert.org.purchasedNumbers = {"+98"};
    EXPECT_TRUE(store.create_organization(insert).inserted.has_value());
}

TEST_P(StoreTest, RefusesADatabaseFromANewerVersion) {
    if (GetParam() == Backend::Sqlite) {
        SQLite::Database raw(database.sqlite_path(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    } else {
        pqxx::connection raw(database.pg_connection());
        pqxx::nontransaction(raw).exec("UPDATE schema_version SET version = 99");
    }
    EXPECT_THROW(database.open(), std::runtime_error);
}

TEST_P(StoreTest, PagesCoverTheListExactlyOnceNewestFirst) {
    auto q = query_in(seller_one());
    q.limit = 7;
    std::vector<std::string> seen;
    std::int64_t previous = INT64_MAX;
    for (int pages = 0; pages < 20; ++pages) {
        const auto page = store.list_organizations(q);
        for (const auto& o : page.items) {
            EXPECT_LE(o.createdAtMs, previous);
            previous = o.createdAtMs;
            EXPECT_EQ(o.sellerId, kDemoSellerOneId);
            EXPECT_NE(o.status, OrgStatus::Deleted);
            seen.push_back(o.id);
        }
        if (!page.next)
            break;
        q.after = page.next;
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
    EXPECT_EQ(seen.size(), 27U);
}

TEST_P(StoreTest, SearchUsesTheKeyIndex) {
    auto q = query_in(seller_one());
    q.search = "müller";
    const auto page = store.list_organizations(q);
    ASSERT_EQ(page.items.size(), 1U);
    EXPECT_EQ(page.items[0].name, "Bäckerei Müller GmbH");
    q.search = "%";  // a character, not a wildcard
    EXPECT_TRUE(store.list_organizations(q).items.empty());

    if (GetParam() != Backend::Sqlite)
        return;  // PostgreSQL plans by table size: on a table this small it rightly scans
    // Within one status, or within each listable one, the matching keys are one range each.
    SQLite::Database raw(database.sqlite_path());
    for (const char* status : {"status = 'New'", "status IN ('New', 'Active')"}) {
        SQLite::Statement plan(raw, std::string("EXPLAIN QUERY PLAN SELECT org_id FROM "
                                                "organization_search_keys WHERE key >= 'a' AND "
                                                "key < 'b' AND ") +
                                        status);
        ASSERT_TRUE(plan.executeStep());
        EXPECT_NE(
            plan.getColumn(3).getString().find("USING PRIMARY KEY (status=? AND key>? AND key<?)"),
            std::string::npos)
            << status << ": " << plan.getColumn(3).getString();
    }
}

TEST_P(StoreTest, SearchPagesEveryMatchOnceNewestFirstAndFollowsStatusChanges) {
    // Five organizations whose names share a prefix, one of them in another seller's tenant.
    const auto template_ = demo_organizations(kNow)[1];
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        auto o = template_;
        o.id = "bbbbbbbb-0000-4000-8000-00000000000" + std::to_string(i);
        o.name = "Zephyr Quill " + std::to_string(i);
        o.status = OrgStatus::New;
        o.createdAtMs = kNow + 100 + i;
        o.sellerId = i == 4 ? std::string(kDemoSellerTwoId) : std::string(kDemoSellerOneId);
        o.customerReference = "ZQ-" + std::to_string(i);
        o.externalContract = "ZQ-C" + std::to_string(i);  // a second key under the prefix "zq-"
        store.insert_organization(o, {kNow, "system", "create", "organization", o.id, "", ""});
        ids.push_back(o.id);
    }

    // Every page of two, followed to the end.
    const auto every_page = [this](OrganizationQuery q) {
        q.limit = 2;
        std::vector<std::string> seen;
        for (int pages = 0; pages < 5; ++pages) {
            const auto page = store.list_organizations(q);
            for (const auto& o : page.items)
                seen.push_back(o.id);
            if (!page.next)
                break;
            q.after = page.next;
        }
        return seen;
    };
    auto q = query_in(seller_one());
    q.search = "zephyr quill";
    EXPECT_EQ(every_page(q), (std::vector<std::string>{ids[3], ids[2], ids[1], ids[0]}));
    // Two keys of each organization match "zq-": each still fills one place of a page.
    q.search = "zq-";
    EXPECT_EQ(every_page(q), (std::vector<std::string>{ids[3], ids[2], ids[1], ids[0]}));

    // An organization approved leaves the New search and joins the Active one at once.
    const auto before = store.find_organization(ids[2]).value();
    ASSERT_TRUE(store.change_status(
        {ids[2], OrgStatus::New, OrgStatus::Active, before.version, kNow + 200,
         AuditEvent{kNow + 200, "u1", "approve", "organization", ids[2], "{}", "{}"}}));
    q.status = OrgStatus::New;
    EXPECT_EQ(every_page(q), (std::vector<std::string>{ids[3], ids[1], ids[0]}));
    q.status = OrgStatus::Active;
    const auto active = store.list_organizations(q).items;
    ASSERT_EQ(active.size(), 1U);
    EXPECT_EQ(active[0].id, ids[2]);
}

TEST_P(StoreTest, StatusChangeIsConditionalAndAudited) {
    const auto id = first_with(OrgStatus::New);
    const auto before = store.find_organization(id).value();
    StatusChange change{id,
                        OrgStatus::New,
                        OrgStatus::Active,
                        before.version,
                        kNow + 5,
                        AuditEvent{kNow + 5, "u1", "approve", "organization", id, "{}", "{}"}};
    EXPECT_TRUE(store.change_status(change));
    const auto after = store.find_organization(id).value();
    EXPECT_EQ(after.status, OrgStatus::Active);
    EXPECT_EQ(after.version, before.version + 1);
    EXPECT_EQ(after.updatedAtMs, kNow + 5);

    // The same change again finds the organization no longer New: nothing is written.
    EXPECT_FALSE(store.change_status(change));
    const auto trail = store.audit_trail(id);
    ASSERT_EQ(trail.size(), 2U);  // create, approve
    EXPECT_EQ(trail[0].action, "create");
    EXPECT_EQ(trail[1].action, "approve");
    EXPECT_EQ(trail[1].actorId, "u1");
}

TEST_P(StoreTest, AStaleVersionWritesNothing) {
    const auto id = first_with(OrgStatus::New);
    StatusChange change{id, OrgStatus::New, OrgStatus::Active, 42, kNow, {}};
    EXPECT_FALSE(store.change_status(change));
    EXPECT_EQ(store.find_organization(id)->status, OrgStatus::New);
    EXPECT_EQ(store.audit_trail(id).size(), 1U);
}

TEST_P(StoreTest, AFailedInsertLeavesNoTrace) {
    auto org = store.find_organization(kDemoOwnerCustomerId).value();
    org.id = "c9999999-0000-4000-8000-000000000009";
    org.sellerId = "no-such-seller";  // violates the foreign key
    EXPECT_THROW(
        store.insert_organization(org, {kNow, "u1", "create", "organization", org.id, "", ""}),
        std::exception);
    EXPECT_FALSE(store.find_organization(org.id).has_value());
    EXPECT_TRUE(store.audit_trail(org.id).empty());
}

TEST_P(StoreTest, CountsByStatusWithinScope) {
    const auto counts = store.count_by_status(seller_one());
    EXPECT_EQ(counts.count(OrgStatus::Deleted), 0U);
    int total = 0;
    for (const auto& [status, n] : counts)
        total += n;
    EXPECT_EQ(total, 27);
    EXPECT_GE(counts.at(OrgStatus::New), 6);
}

// The SQLite store keeps its counts in a table its triggers update (migration 4): after an
// insert, a status change and an update to Deleted, the counts are what a recount gives.
TEST_P(StoreTest, CountsFollowInsertsStatusChangesAndUpdates) {
    const core::TenantScope distributor{core::TenantLevel::Distributor,
                                        std::string(kDemoDistributorId)};
    auto sellerCounts = store.count_by_status(seller_one());
    auto distributorCounts = store.count_by_status(distributor);

    const auto newId = first_with(OrgStatus::New);
    ASSERT_TRUE(store.change_status({newId, OrgStatus::New, OrgStatus::Active, {}, kNow, {}}));
    auto org = store.find_organization(kDemoOwnerCustomerId).value();
    org.id = "c9999999-0000-4000-8000-000000000009";
    org.status = OrgStatus::Blocked;
    store.insert_organization(org, {kNow, "u1", "create", "organization", org.id, "", ""});
    auto removed = store.find_organization(first_with(OrgStatus::Rejected)).value();
    OrganizationUpdate update;
    update.expectedVersion = removed.version;
    update.after = removed;
    update.after.status = OrgStatus::Deleted;
    ASSERT_TRUE(store.update_organization(update));

    for (auto* counts : {&sellerCounts, &distributorCounts}) {
        --(*counts)[OrgStatus::New];
        ++(*counts)[OrgStatus::Active];
        ++(*counts)[OrgStatus::Blocked];
        --(*counts)[OrgStatus::Rejected];
        std::erase_if(*counts, [](const auto& entry) { return entry.second == 0; });
    }
    EXPECT_EQ(store.count_by_status(seller_one()), sellerCounts);
    EXPECT_EQ(store.count_by_status(distributor), distributorCounts);
}

TEST_P(StoreTest, SessionsAreStoredTouchedAndRevoked) {
    store.insert_session(
        {"sid", "hash", "u0000000-0000-4000-8000-000000000002", kNow, kNow, kNow + 1000, false});
    store.touch_session("sid", kNow + 10, kNow + 2000);
    // Read with its user, as every signed-in request does.
    const auto withUser = store.find_session_with_user("sid").value();
    EXPECT_EQ(withUser.session.lastUsedAtMs, kNow + 10);
    EXPECT_FALSE(withUser.session.revoked);
    EXPECT_EQ(withUser.session.expiresAtMs, kNow + 2000);
    EXPECT_EQ(withUser.session.secretHash, "hash");
    EXPECT_EQ(withUser.user.principal.userId, "u0000000-0000-4000-8000-000000000002");
    EXPECT_EQ(withUser.user.principal.username,
              store.find_user(withUser.user.principal.userId)->principal.username);
    EXPECT_FALSE(store.find_session_with_user("other").has_value());
    store.revoke_session("sid");
    EXPECT_TRUE(store.find_session_with_user("sid")->session.revoked);
}

TEST_P(StoreTest, UsernamesAreCaseInsensitive) {
    const auto user = store.find_user_by_username("Seller@Demo.Test");
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->principal.role, core::Role::SellerAdmin);
    EXPECT_EQ(user->principal.sellerId, kDemoSellerOneId);
}

}  // namespace
}  // namespace orgdesk::platform

namespace orgdesk::platform {
namespace {

// A database written by the first release (schema version 1) with data in it.
void write_version_one_database(const std::string& path) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(std::string(kSqliteMigrations[0]));
    raw.exec("PRAGMA user_version = 1");
    raw.exec(
        "INSERT INTO partners (id, name, distributor_id) VALUES ('d1', 'Dist', NULL), "
        "('s1', 'Seller', 'd1')");
    for (const char* id : {"org-c", "org-a", "org-b"}) {  // inserted in this order
        SQLite::Statement q(raw,
                            "INSERT INTO organizations (id, name, segment, status, "
                            "ownership_type, owner_name, owner_email, distributor_id, seller_id, "
                            "version, created_at, updated_at) VALUES (?, ?, 'SMB', 'Active', "
                            "'Customer', 'Olga', 'olga@x.example', 'd1', 's1', 3, 10, 20)");
        q.bind(1, id);
        q.bind(2, std::string("Name of ") + id);
        q.exec();
        SQLite::Statement key(raw, "INSERT INTO organization_search_keys VALUES (?, ?)");
        key.bind(1, std::string("name of ") + id);
        key.bind(2, id);
        key.exec();
    }
}

TEST(SqliteMigration, VersionOneWithDataMigratesKeepingRowsAndNumberingThem) {
    testing::TempDatabase file;
    write_version_one_database(file.path());

    SqliteStore store(file.path());
    EXPECT_EQ(store.schema_version(), SqliteStore::latest_schema_version());
    const auto c = store.find_organization("org-c");
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->name, "Name of org-c");
    EXPECT_EQ(c->version, 3);
    EXPECT_EQ(c->rejectionReason, "");
    EXPECT_EQ(c->providerId, 1);
    EXPECT_EQ(store.find_organization("org-a")->providerId, 2);
    EXPECT_EQ(store.find_organization("org-b")->providerId, 3);
    EXPECT_EQ(store.find_organization_by_provider_id(2)->id, "org-a");
    EXPECT_TRUE(store.list_members("org-a").empty());

    // The search keys written before version 6 carry their organizations' scope and status.
    OrganizationQuery search;
    search.scope = {core::TenantLevel::Seller, "s1"};
    search.status = OrgStatus::Active;
    search.search = "name of org";
    std::vector<std::string> found;
    for (const auto& o : store.list_organizations(search).items)
        found.push_back(o.id);
    EXPECT_EQ(found, (std::vector<std::string>{"org-c", "org-b", "org-a"}));  // same time: by id
    // After version 7 (keys ordered by status first) a search of every status finds them too,
    // and a status change still moves an organization's keys.
    search.status.reset();
    EXPECT_EQ(store.list_organizations(search).items.size(), 3U);
    const auto a = store.find_organization("org-a").value();
    ASSERT_TRUE(
        store.change_status({"org-a", OrgStatus::Active, OrgStatus::Blocked, a.version, 30,
                             AuditEvent{30, "u1", "block", "organization", "org-a", "", ""}}));
    search.status = OrgStatus::Blocked;
    const auto blocked = store.list_organizations(search).items;
    ASSERT_EQ(blocked.size(), 1U);
    EXPECT_EQ(blocked[0].id, "org-a");

    // New organizations continue the numbering; the column is unique.
    auto d = *c;
    d.id = "org-d";
    store.insert_organization(d, {1, "system", "create", "organization", "org-d", "", ""});
    EXPECT_EQ(store.find_organization("org-d")->providerId, 4);
    SQLite::Database raw(file.path(), SQLite::OPEN_READWRITE);
    EXPECT_THROW(raw.exec("UPDATE organizations SET provider_id = 1 WHERE id = 'org-d'"),
                 SQLite::Exception);
}

}  // namespace
}  // namespace orgdesk::platform

namespace orgdesk::platform {
namespace {

TEST(PgStoreMigration, InstancesStartingTogetherOnANewDatabaseMigrateItOnce) {
    const auto connection = orgdesk::testing::PgTestCluster::shared().create_schema();
    constexpr int kInstances = 6;
    std::vector<std::unique_ptr<PgStore>> stores(kInstances);
    std::vector<std::thread> starting;
    std::atomic<int> failures{0};
    for (int i = 0; i < kInstances; ++i) {
        starting.emplace_back([&, i] {
            try {
                stores[static_cast<std::size_t>(i)] = std::make_unique<PgStore>(connection);
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++failures;
            }
        });
    }
    for (auto& thread : starting)
        thread.join();
    ASSERT_EQ(failures, 0);
    for (const auto& store : stores)
        EXPECT_EQ(store->schema_version(), PgStore::latest_schema_version());
    // Each store sees what another wrote: they share one state.
    stores[0]->insert_partner({"d1", "Distributor One", ""});
    EXPECT_EQ(stores[kInstances - 1]->find_partner("d1")->name, "Distributor One");
}

TEST(PgConnectionString, UrlsAndKeywordStringsSelectPostgresAndPathsSqlite) {
    EXPECT_TRUE(is_postgres_connection_string("postgresql://orgdesk@db.example/orgdesk"));
    EXPECT_TRUE(is_postgres_connection_string("postgres://db.example:5433/orgdesk"));
    EXPECT_TRUE(is_postgres_connection_string("host=/run/postgresql dbname=orgdesk"));
    EXPECT_TRUE(is_postgres_connection_string("dbname=orgdesk"));
    EXPECT_FALSE(is_postgres_connection_string("data/orgdesk.db"));
    EXPECT_FALSE(is_postgres_connection_string("/var/lib/orgdesk/orgdesk.db"));
    EXPECT_FALSE(is_postgres_connection_string("./a=b.db"));
}

}  // namespace
}  // namespace orgdesk::platform
