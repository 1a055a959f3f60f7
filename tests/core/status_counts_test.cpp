// The counts a list page carries: every status the list shows, zeros included (for customers,
// Deleted never).
#include <gtest/gtest.h>

#include "core/status_counts.hpp"

namespace orgdesk::core {
namespace {

TEST(ListableStatusCounts, StatusesWithoutOrganizationsCountZero) {
    const auto counts = listable_status_counts({{OrgStatus::Active, 3}});
    EXPECT_EQ(counts, (std::map<OrgStatus, int>{{OrgStatus::New, 0},
                                                {OrgStatus::Active, 3},
                                                {OrgStatus::Blocked, 0},
                                                {OrgStatus::Rejected, 0}}));
}

TEST(ListableStatusCounts, NoOrganizationsAtAllStillNamesEveryListableStatus) {
    const auto counts = listable_status_counts({});
    EXPECT_EQ(counts.size(), 4U);
    for (const auto& [status, n] : counts)
        EXPECT_EQ(n, 0) << to_string(status);
}

TEST(ListableStatusCounts, DeletedIsNeverCounted) {
    const auto counts = listable_status_counts(
        {{OrgStatus::New, 2}, {OrgStatus::Deleted, 5}, {OrgStatus::Rejected, 1}});
    EXPECT_FALSE(counts.contains(OrgStatus::Deleted));
    EXPECT_EQ(counts.at(OrgStatus::New), 2);
    EXPECT_EQ(counts.at(OrgStatus::Rejected), 1);
}

TEST(EveryStatusCounts, EveryOrderStatusIsNamedWithItsCountOrZero) {
    const auto counts = every_status_counts({{OrderStatus::PendingApproval, 4}});
    EXPECT_EQ(counts.size(), std::size(kAllOrderStatuses));
    for (const auto status : kAllOrderStatuses)
        EXPECT_EQ(counts.at(status), status == OrderStatus::PendingApproval ? 4 : 0)
            << to_string(status);
}

}  // namespace
}  // namespace orgdesk::core
