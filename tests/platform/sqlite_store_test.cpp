// The SQLite store on a real temporary database file: migrations, scoping, conditional writes and
// the audit rows written with them.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "platform/demo_data.hpp"
#include "platform/sqlite_store.hpp"
#include "temp_database.hpp"

namespace orgdesk::platform {
namespace {

using core::OrgStatus;
constexpr std::int64_t kNow = 1'795'369'342'000;

OrganizationQuery query_in(core::TenantScope scope) {
    OrganizationQuery query;
    query.scope = std::move(scope);
    return query;
}

class SqliteStoreTest : public ::testing::Test {
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

    testing::TempDatabase file;
    SqliteStore store{file.path()};
};

TEST_F(SqliteStoreTest, MigratesANewFileToTheLatestSchema) {
    EXPECT_EQ(store.schema_version(), SqliteStore::latest_schema_version());
    SQLite::Database raw(file.path());
    EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(SqliteStoreTest, ReopeningKeepsDataAndDoesNotMigrateTwice) {
    SqliteStore again(file.path());
    EXPECT_EQ(again.schema_version(), SqliteStore::latest_schema_version());
    EXPECT_TRUE(again.find_organization(kDemoOwnerCustomerId).has_value());
    EXPECT_EQ(seed_demo_data(again, kNow, "hash").size(), 5U);  // seeding twice adds nothing
    auto all = query_in({core::TenantLevel::Distributor, std::string(kDemoDistributorId)});
    all.limit = 500;
    EXPECT_EQ(again.list_organizations(all).items.size(), 54U);  // 60 minus 6 deleted
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerVersion) {
    {
        SQLite::Database raw(file.path(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    EXPECT_THROW(SqliteStore newer(file.path()), std::runtime_error);
}

TEST_F(SqliteStoreTest, PagesCoverTheListExactlyOnceNewestFirst) {
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

TEST_F(SqliteStoreTest, SearchUsesTheKeyIndex) {
    auto q = query_in(seller_one());
    q.search = "müller";
    const auto page = store.list_organizations(q);
    ASSERT_EQ(page.items.size(), 1U);
    EXPECT_EQ(page.items[0].name, "Bäckerei Müller GmbH");

    SQLite::Database raw(file.path());
    SQLite::Statement plan(raw,
                           "EXPLAIN QUERY PLAN SELECT org_id FROM organization_search_keys "
                           "WHERE key >= 'a' AND key < 'b'");
    ASSERT_TRUE(plan.executeStep());
    EXPECT_NE(plan.getColumn(3).getString().find("USING PRIMARY KEY"), std::string::npos)
        << plan.getColumn(3).getString();
}

TEST_F(SqliteStoreTest, StatusChangeIsConditionalAndAudited) {
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

TEST_F(SqliteStoreTest, AStaleVersionWritesNothing) {
    const auto id = first_with(OrgStatus::New);
    StatusChange change{id, OrgStatus::New, OrgStatus::Active, 42, kNow, {}};
    EXPECT_FALSE(store.change_status(change));
    EXPECT_EQ(store.find_organization(id)->status, OrgStatus::New);
    EXPECT_EQ(store.audit_trail(id).size(), 1U);
}

TEST_F(SqliteStoreTest, AFailedInsertLeavesNoTrace) {
    auto org = store.find_organization(kDemoOwnerCustomerId).value();
    org.id = "c9999999-0000-4000-8000-000000000009";
    org.sellerId = "no-such-seller";  // violates the foreign key
    EXPECT_THROW(
        store.insert_organization(org, {kNow, "u1", "create", "organization", org.id, "", ""}),
        SQLite::Exception);
    EXPECT_FALSE(store.find_organization(org.id).has_value());
    EXPECT_TRUE(store.audit_trail(org.id).empty());
}

TEST_F(SqliteStoreTest, CountsByStatusWithinScope) {
    const auto counts = store.count_by_status(seller_one());
    EXPECT_EQ(counts.count(OrgStatus::Deleted), 0U);
    int total = 0;
    for (const auto& [status, n] : counts)
        total += n;
    EXPECT_EQ(total, 27);
    EXPECT_GE(counts.at(OrgStatus::New), 6);
}

TEST_F(SqliteStoreTest, SessionsAreStoredTouchedAndRevoked) {
    store.insert_session(
        {"sid", "hash", "u0000000-0000-4000-8000-000000000002", kNow, kNow, kNow + 1000, false});
    store.touch_session("sid", kNow + 10, kNow + 2000);
    auto s = store.find_session("sid").value();
    EXPECT_EQ(s.lastUsedAtMs, kNow + 10);
    EXPECT_EQ(s.expiresAtMs, kNow + 2000);
    EXPECT_FALSE(s.revoked);
    store.revoke_session("sid");
    EXPECT_TRUE(store.find_session("sid")->revoked);
    EXPECT_FALSE(store.find_session("other").has_value());
}

TEST_F(SqliteStoreTest, UsernamesAreCaseInsensitive) {
    const auto user = store.find_user_by_username("Seller@Demo.Test");
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->principal.role, core::Role::SellerAdmin);
    EXPECT_EQ(user->principal.sellerId, kDemoSellerOneId);
}

}  // namespace
}  // namespace orgdesk::platform
