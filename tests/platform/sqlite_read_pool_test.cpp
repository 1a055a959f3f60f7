#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "platform/demo_data.hpp"
#include "platform/sqlite_store.hpp"
#include "temp_database.hpp"

namespace orgdesk::platform {
namespace {

constexpr std::int64_t kNow = 1'700'000'000'000;

// Reads run on their own connections beside the writer: while one thread approves and rejects
// an organization over and over, readers on other threads always find it whole, and once the
// writer is done every reader sees its last write.
TEST(SqliteReads, ReadersOnOtherThreadsSeeOnlyCommittedStatesAndTheLastWrite) {
    testing::TempDatabase file;
    SqliteStore store(file.path());
    seed_demo_data(store, kNow, "hash");
    const core::TenantScope seller{core::TenantLevel::Seller, std::string(kDemoSellerOneId)};
    OrganizationQuery newOnes;
    newOnes.scope = seller;
    newOnes.status = core::OrgStatus::New;
    newOnes.limit = 1;
    const auto id = store.list_organizations(newOnes).items.at(0).id;

    std::atomic<bool> writing{true};
    std::atomic<int> failures{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 4; ++r) {
        readers.emplace_back([&] {
            while (writing) {
                const auto o = store.find_organization(id);
                if (!o ||
                    (o->status != core::OrgStatus::New && o->status != core::OrgStatus::Active))
                    ++failures;
                if (store.count_by_status(seller).empty())
                    ++failures;
            }
        });
    }
    std::int64_t version = store.find_organization(id)->version;
    for (int i = 0; i < 100; ++i) {
        const bool approve = i % 2 == 0;
        const auto from = approve ? core::OrgStatus::New : core::OrgStatus::Active;
        const auto to = approve ? core::OrgStatus::Active : core::OrgStatus::New;
        ASSERT_TRUE(store.change_status({id, from, to, version, kNow + i,
                                         AuditEvent{kNow + i, "u1", approve ? "approve" : "reopen",
                                                    "organization", id, "{}", "{}"}}));
        ++version;
    }
    writing = false;
    for (auto& t : readers)
        t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(store.find_organization(id)->version, version);
    EXPECT_EQ(store.find_organization(id)->status, core::OrgStatus::New);
}

}  // namespace
}  // namespace orgdesk::platform
