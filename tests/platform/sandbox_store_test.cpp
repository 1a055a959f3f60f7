// Demo sandboxes in the store, on SQLite and PostgreSQL: a whole tenant written in one
// transaction under the creation limits, and purged to the last row without touching anyone
// else's.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <pqxx/pqxx>

#include <map>
#include <set>
#include <string>

#include "platform/demo_data.hpp"
#include "platform/sandbox_tenant.hpp"
#include "store_backends.hpp"

namespace orgdesk::platform {
namespace {

using store_testing::Backend;

constexpr std::int64_t kNow = 1'795'369'342'000;
constexpr std::int64_t kHour = 3'600'000;

// Every table of the schema but the sandboxes' own records.
const char* const kTables[] = {
    "partners",     "organizations", "organization_search_keys", "members",  "users",
    "sessions",     "audit_events",  "idempotency_keys",         "products", "orders",
    "subscriptions"};

class SandboxStoreTest : public store_testing::BackendTest {
  protected:
    void SetUp() override { seed_demo_data(store, kNow, "hash"); }

    // A sandbox of the default size for `address`, created at `atMs`; its tenant is returned.
    TenantSeed create(const std::string& address, std::int64_t atMs = kNow) {
        const auto id = newId();
        auto tenant = sandbox_tenant(id, atMs, {}, newId);
        for (const auto& user : tenant.users) {
            SessionRecord session;
            session.id = newId();
            session.secretHash = "00";
            session.userId = user.principal.userId;
            session.createdAtMs = session.lastUsedAtMs = atMs;
            session.expiresAtMs = session.endsAtMs = atMs + kHour;
            tenant.sessions.push_back(session);
        }
        const SandboxRecord record{id, address, atMs, atMs + kHour};
        const auto refused = store.create_sandbox(record, tenant, atMs - kHour,
                                                  [](const core::SandboxUsage&) { return true; });
        EXPECT_FALSE(refused);
        return tenant;
    }

    // Rows per table, counted by the database itself.
    std::map<std::string, long> row_counts() {
        std::map<std::string, long> counts;
        if (database.backend() == Backend::Sqlite) {
            SQLite::Database db(database.sqlite_path());
            for (const auto* table : kTables)
                counts[table] =
                    db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
        } else {
            pqxx::connection connection(database.pg_connection());
            pqxx::nontransaction tx(connection);
            for (const auto* table : kTables) {
                counts[table] =
                    tx.exec1(std::string("SELECT count(*) FROM ") + table)[0].as<long>();
            }
        }
        return counts;
    }

    int organizations_in(const std::string& distributorId) {
        OrganizationQuery query;
        query.scope = {core::TenantLevel::Distributor, distributorId};
        query.limit = 1000;
        return static_cast<int>(store.list_organizations(query).items.size());
    }

    IdGenerator newId = random_uuid_generator();
};

INSTANTIATE_TEST_SUITE_P(Backends, SandboxStoreTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(SandboxStoreTest, WritesTheWholeTenantWithEveryStatusAndItsSessions) {
    const auto tenant = create("192.0.2.10");
    const auto& distributor = tenant.partners.front().id;
    ASSERT_GE(tenant.organizations.size(), 200U);
    ASSERT_GE(tenant.orders.size(), 490U);

    // Deleted organizations are left out of lists.
    int notDeleted = 0;
    for (const auto& seeded : tenant.organizations)
        notDeleted += seeded.org.status != core::OrgStatus::Deleted ? 1 : 0;
    EXPECT_EQ(organizations_in(distributor), notDeleted);
    const auto orgCounts = store.count_by_status({core::TenantLevel::Distributor, distributor});
    for (const auto status : {core::OrgStatus::New, core::OrgStatus::Active,
                              core::OrgStatus::Blocked, core::OrgStatus::Rejected})
        EXPECT_GT(orgCounts.count(status) ? orgCounts.at(status) : 0, 0) << core::to_string(status);
    const auto orderCounts =
        store.count_orders_by_status({core::TenantLevel::Distributor, distributor}, "");
    int orders = 0;
    for (const auto status : core::kAllOrderStatuses) {
        EXPECT_GT(orderCounts.count(status) ? orderCounts.at(status) : 0, 0)
            << core::to_string(status);
        orders += orderCounts.count(status) ? orderCounts.at(status) : 0;
    }
    EXPECT_EQ(orders, static_cast<int>(tenant.orders.size()));

    // A provisioned order's subscriptions are there, and its customer counts them.
    const auto& owner = tenant.users.at(3).principal;
    const auto ownersOrg = store.find_organization(owner.customerId);
    ASSERT_TRUE(ownersOrg);
    EXPECT_EQ(ownersOrg->status, core::OrgStatus::Active);
    int active = 0;
    for (const auto& s : store.list_subscriptions(owner.customerId))
        active += s.status != core::SubscriptionStatus::Cancelled ? 1 : 0;
    EXPECT_EQ(ownersOrg->subscriptionCount, active);
    EXPECT_GT(active, 0);
    EXPECT_FALSE(store.audit_trail(owner.customerId).empty());

    // One user per demo role, found by its sandbox-only username.
    ASSERT_EQ(tenant.users.size(), std::size(core::kSandboxRoles));
    for (std::size_t i = 0; i < tenant.users.size(); ++i) {
        const auto user = store.find_user_by_username(tenant.users[i].principal.username);
        ASSERT_TRUE(user);
        EXPECT_EQ(user->principal.role, core::kSandboxRoles[i]);
        EXPECT_EQ(user->principal.distributorId, distributor);
    }
}

TEST_P(SandboxStoreTest, TwoSandboxesShareNoIdAndNoName) {
    const auto a = create("192.0.2.10");
    const auto b = create("192.0.2.11");
    std::set<std::string> ids;
    for (const auto* tenant : {&a, &b}) {
        for (const auto& seeded : tenant->organizations)
            EXPECT_TRUE(ids.insert(seeded.org.id).second);
        for (const auto& order : tenant->orders)
            EXPECT_TRUE(ids.insert(order.id).second);
        for (const auto& user : tenant->users)
            EXPECT_TRUE(ids.insert(user.principal.username).second);
    }
    EXPECT_EQ(organizations_in(a.partners.front().id), organizations_in(b.partners.front().id));
}

TEST_P(SandboxStoreTest, ARefusedCreationWritesNothingAndReportsTheUsage) {
    create("192.0.2.10", kNow - 2 * kHour);  // ended an hour ago
    create("192.0.2.10", kNow - 30 * 60'000);
    create("192.0.2.99", kNow - 10 * 60'000);
    const auto before = row_counts();

    const auto id = newId();
    const auto tenant = sandbox_tenant(id, kNow, {}, newId);
    core::SandboxUsage seen;
    const auto refused = store.create_sandbox({id, "192.0.2.10", kNow, kNow + kHour}, tenant,
                                              kNow - kHour, [&](const core::SandboxUsage& usage) {
                                                  seen = usage;
                                                  return false;
                                              });
    ASSERT_TRUE(refused);
    // Live: the two not yet ended, whoever made them; this address: its one creation within
    // the window.
    EXPECT_EQ(refused->liveExpiriesMs.size(), 2U);
    EXPECT_EQ(refused->addressCreationsMs, std::vector<std::int64_t>{kNow - 30 * 60'000});
    EXPECT_EQ(seen.liveExpiriesMs.size(), 2U);
    EXPECT_FALSE(store.find_partner(id));
    EXPECT_EQ(row_counts(), before);
    const auto usage = store.sandbox_usage("192.0.2.99", kNow, kNow - kHour);
    EXPECT_EQ(usage.addressCreationsMs.size(), 1U);
}

TEST_P(SandboxStoreTest, PurgeRemovesEveryRowOfTheSandboxAndNothingElse) {
    const auto kept = create("192.0.2.11", kNow);
    const auto before = row_counts();
    const int demoOrganizations = organizations_in(std::string(kDemoDistributorId));

    const auto gone = create("192.0.2.10", kNow - 2 * kHour);
    const auto& goneId = gone.partners.front().id;
    const auto expired = store.expired_sandboxes(kNow);
    ASSERT_EQ(expired.size(), 1U);
    EXPECT_EQ(expired[0].id, goneId);
    EXPECT_EQ(expired[0].clientAddress, "192.0.2.10");

    store.purge_sandbox(goneId, kNow, kNow - 3 * kHour);

    EXPECT_EQ(row_counts(), before);  // to the last member, search key and audit event
    EXPECT_TRUE(store.expired_sandboxes(kNow).empty());
    EXPECT_FALSE(store.find_partner(goneId));
    EXPECT_FALSE(store.find_organization(gone.organizations.front().org.id));
    EXPECT_FALSE(store.find_order(gone.orders.front().id));
    EXPECT_TRUE(store.audit_trail(gone.orders.front().id).empty());
    EXPECT_FALSE(store.find_user_by_username(gone.users.front().principal.username));
    EXPECT_FALSE(store.find_session_with_user(gone.sessions.front().id));
    // The other sandbox and the real tenants are whole.
    EXPECT_TRUE(store.find_session_with_user(kept.sessions.front().id));
    EXPECT_TRUE(store.find_order(kept.orders.back().id));
    EXPECT_EQ(organizations_in(std::string(kDemoDistributorId)), demoOrganizations);
    // The purged sandbox still counts toward its address's limit while in the window...
    EXPECT_EQ(store.sandbox_usage("192.0.2.10", kNow, kNow - 3 * kHour).addressCreationsMs.size(),
              1U);
    // ...and is forgotten once the window has passed it.
    store.purge_sandbox("no-such-sandbox", kNow, kNow);
    EXPECT_TRUE(
        store.sandbox_usage("192.0.2.10", kNow, kNow - 3 * kHour).addressCreationsMs.empty());
}

TEST_P(SandboxStoreTest, SandboxesPurgedOneAfterAnotherAreEachGoneWhole) {
    // The store reuses its prepared statements from one creation and purge to the next: each
    // must see its own sandbox's values, never the last one's.
    const auto before = row_counts();
    const auto first = create("192.0.2.10", kNow - 3 * kHour);
    const auto second = create("192.0.2.11", kNow - 2 * kHour);
    ASSERT_EQ(store.expired_sandboxes(kNow).size(), 2U);
    store.purge_sandbox(first.partners.front().id, kNow, 0);
    EXPECT_FALSE(store.find_partner(first.partners.front().id));
    EXPECT_TRUE(store.find_partner(second.partners.front().id));
    ASSERT_EQ(store.expired_sandboxes(kNow).size(), 1U);
    store.purge_sandbox(second.partners.front().id, kNow, kNow);
    EXPECT_EQ(row_counts(), before);
    EXPECT_TRUE(store.expired_sandboxes(kNow).empty());
    EXPECT_EQ(store.sandbox_usage("192.0.2.10", kNow, 0).addressCreationsMs.size(), 0U);
}

TEST_P(SandboxStoreTest, PurgingAnIdThatIsNoSandboxDeletesNothing) {
    const auto before = row_counts();
    store.purge_sandbox(kDemoDistributorId, kNow, kNow - kHour);
    EXPECT_EQ(row_counts(), before);
    EXPECT_TRUE(store.find_partner(kDemoDistributorId));
}

TEST_P(SandboxStoreTest, ASandboxSessionCarriesItsHardEnd) {
    const auto tenant = create("192.0.2.10");
    const auto found = store.find_session_with_user(tenant.sessions.back().id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->session.endsAtMs, kNow + kHour);
    EXPECT_EQ(found->session.userId, tenant.users.back().principal.userId);
    // An ordinary session has none.
    SessionRecord plain = tenant.sessions.back();
    plain.id = newId();
    plain.endsAtMs = 0;
    store.insert_session(plain);
    EXPECT_EQ(store.find_session_with_user(plain.id)->session.endsAtMs, 0);
}

}  // namespace
}  // namespace orgdesk::platform
