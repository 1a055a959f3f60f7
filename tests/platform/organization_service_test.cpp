// The organization service over a real SQLite file: scoping, the core's rules, and the conditional
// write that lets exactly one of two concurrent approvals win.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/organization_lifecycle.hpp"
#include "platform/demo_data.hpp"
#include "platform/organization_service.hpp"
#include "store_backends.hpp"

namespace orgdesk::platform {
namespace {

using core::OrgAction;
using core::OrgStatus;
constexpr std::int64_t kNow = 1'795'369'342'000;

class OrganizationServiceTest : public store_testing::BackendTest {
  protected:
    void SetUp() override { seed_demo_data(store, kNow, "hash"); }

    core::Principal as(std::string_view username) {
        return store.find_user_by_username(username).value().principal;
    }

    std::string first(std::string_view username, OrgStatus status) {
        ListRequest request;
        request.status = status;
        return service.list(as(username), request).value().items.at(0).org.id;
    }

    OrganizationService service{store, [] { return kNow + 1000; }};
};

INSTANTIATE_TEST_SUITE_P(Backends, OrganizationServiceTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(OrganizationServiceTest, ListCountsNameEveryListableStatusZerosIncluded) {
    // The demo owner sees only its own Active organization.
    const auto page = service.list(as("owner@demo.test"), {});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->counts, (std::map<OrgStatus, int>{{OrgStatus::New, 0},
                                                      {OrgStatus::Active, 1},
                                                      {OrgStatus::Blocked, 0},
                                                      {OrgStatus::Rejected, 0}}));
}

TEST_P(OrganizationServiceTest, ApproveMakesANewOrganizationActive) {
    const auto id = first("seller@demo.test", OrgStatus::New);
    const auto result = service.change_status(as("seller@demo.test"), id, OrgAction::Approve);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->org.status, OrgStatus::Active);
    EXPECT_EQ(store.find_organization(id)->status, OrgStatus::Active);
    // What the seller may do next is recomputed for the new status.
    EXPECT_EQ(result->actions,
              (std::vector<OrgAction>{OrgAction::Suspend, OrgAction::Delete, OrgAction::Edit}));
    const auto trail = store.audit_trail(id);
    ASSERT_EQ(trail.size(), 2U);
    EXPECT_EQ(trail[1].before, R"({"status":"New","version":1})");
    EXPECT_EQ(trail[1].after, R"({"status":"Active","version":2})");
    EXPECT_EQ(trail[1].atMs, kNow + 1000);
}

TEST_P(OrganizationServiceTest, ApprovingTwiceGivesTheSeedMessage) {
    const auto id = first("manager@demo.test", OrgStatus::New);
    ASSERT_TRUE(service.change_status(as("manager@demo.test"), id, OrgAction::Approve).ok());
    const auto again = service.change_status(as("manager@demo.test"), id, OrgAction::Approve);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, core::ErrorKind::Conflict);
    EXPECT_EQ(again.error().message, core::kCannotActivateMessage);
}

TEST_P(OrganizationServiceTest, AnotherSellersCustomerIsNotFound) {
    const auto id = first("seller@demo.test", OrgStatus::New);
    const auto other = as("seller2@demo.test");
    EXPECT_EQ(service.get(other, id).error().kind, core::ErrorKind::NotFound);
    EXPECT_EQ(service.change_status(other, id, OrgAction::Approve).error().kind,
              core::ErrorKind::NotFound);
    EXPECT_EQ(store.find_organization(id)->status, OrgStatus::New);
    ListRequest everything;
    everything.limit = core::kMaxPageSize;
    const auto page = service.list(other, everything).value();
    for (const auto& view : page.items) {
        EXPECT_EQ(view.org.sellerId, kDemoSellerTwoId);
    }
}

TEST_P(OrganizationServiceTest, TheCustomerOwnerSeesOnlyTheirOwnOrganization) {
    ListRequest everything;
    const auto page = service.list(as("owner@demo.test"), everything).value();
    ASSERT_EQ(page.items.size(), 1U);
    EXPECT_EQ(page.items[0].org.id, kDemoOwnerCustomerId);
    EXPECT_EQ(page.items[0].actions, (std::vector<OrgAction>{OrgAction::Edit}));
}

TEST_P(OrganizationServiceTest, AStaleIfMatchIsRefusedAndWritesNothing) {
    const auto id = first("seller@demo.test", OrgStatus::New);
    const auto result =
        service.change_status(as("seller@demo.test"), id, OrgAction::Approve, /*ifMatch=*/99);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, core::ErrorKind::StaleVersion);
    EXPECT_EQ(store.find_organization(id)->status, OrgStatus::New);
}

TEST_P(OrganizationServiceTest, ListingDeletedOrganizationsIsRefused) {
    ListRequest request;
    request.status = OrgStatus::Deleted;
    const auto result = service.list(as("seller@demo.test"), request);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().fields.at(0).field, "status");
}

TEST_P(OrganizationServiceTest, TwoConcurrentApprovalsOnTwoConnectionsHaveOneWinner) {
    // Two stores on one database: two connections, as two server processes would have.
    const auto secondStore = database.open();
    auto& secondConnection = *secondStore;
    OrganizationService second{secondConnection, [] { return kNow + 2000; }};
    for (int round = 0; round < 5; ++round) {
        ListRequest request;
        request.status = OrgStatus::New;
        const auto news = service.list(as("seller@demo.test"), request).value();
        if (news.items.empty())
            break;
        const auto id = news.items[0].org.id;
        std::atomic<int> wins = 0, conflicts = 0;
        auto approve = [&](OrganizationService& svc, const core::Principal& who) {
            const auto r = svc.change_status(who, id, OrgAction::Approve);
            if (r.ok()) {
                ++wins;
            } else if (r.error().message == core::kCannotActivateMessage) {
                ++conflicts;
            }
        };
        std::thread a(approve, std::ref(service), as("seller@demo.test"));
        std::thread b(approve, std::ref(second), as("manager@demo.test"));
        a.join();
        b.join();
        EXPECT_EQ(wins, 1);
        EXPECT_EQ(conflicts, 1);
        EXPECT_EQ(store.audit_trail(id).size(), 2U);  // one create, one approve
    }
}

}  // namespace
}  // namespace orgdesk::platform

namespace orgdesk::platform {
namespace {

class OrganizationCommandsTest : public OrganizationServiceTest {};

INSTANTIATE_TEST_SUITE_P(Backends, OrganizationCommandsTest, store_testing::every_backend(),
                         store_testing::backend_name);

TEST_P(OrganizationCommandsTest, ConcurrentEditsNeverLoseAnUpdate) {
    const auto who = as("seller@demo.test");
    const auto id = first("seller@demo.test", OrgStatus::Active);
    // Eight writers edit at once without If-Match; each one's write is conditional on the version
    // it read, so every success is a whole, separate version and the losers are told so.
    std::atomic<int> successes{0}, stale{0};
    std::vector<std::thread> writers;
    for (int i = 0; i < 8; ++i) {
        writers.emplace_back([&, i] {
            const auto result =
                service.edit(who, id, core::Json{{"buyerTags", {"writer-" + std::to_string(i)}}});
            if (result.ok()) {
                ++successes;
            } else if (result.error().kind == core::ErrorKind::StaleVersion) {
                ++stale;
            }
        });
    }
    for (auto& w : writers)
        w.join();
    EXPECT_GE(successes.load(), 1);
    EXPECT_EQ(successes.load() + stale.load(), 8);
    const auto org = *store.find_organization(id);
    EXPECT_EQ(org.version, 1 + successes.load());
    int edits = 0;
    for (const auto& e : store.audit_trail(id))
        edits += e.action == "edit" ? 1 : 0;
    EXPECT_EQ(edits, successes.load());
}

TEST_P(OrganizationCommandsTest, StaleIfMatchWritesNothing) {
    const auto who = as("seller@demo.test");
    const auto id = first("seller@demo.test", OrgStatus::New);
    const auto result = service.edit(who, id, core::Json{{"name", "Other Name"}}, 99);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, core::ErrorKind::StaleVersion);
    EXPECT_NE(result.error().message.find("changed by someone else"), std::string::npos);
    EXPECT_EQ(store.find_organization(id)->version, 1);
}

}  // namespace
}  // namespace orgdesk::platform
