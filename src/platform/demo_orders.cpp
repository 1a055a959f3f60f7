#include "platform/demo_orders.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "core/json_codecs.hpp"
#include "core/order_placement.hpp"
#include "platform/demo_data.hpp"

namespace orgdesk::platform {
namespace {

using core::OrderStatus;

constexpr std::int64_t kHourMs = 3600LL * 1000;

// The seller staff who decided the demo's orders, by seller.
struct Decider {
    std::string_view id;
    std::string_view name;
};
constexpr Decider kSellerOneDecider{"u0000000-0000-4000-8000-000000000002", "Sam Seller"};
constexpr Decider kSellerTwoDecider{"u0000000-0000-4000-8000-000000000004", "Sasha Seller"};

std::string numbered_id(char prefix, int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%c0000000-0000-4000-8000-%012d", prefix, n);
    return buffer;
}

// Writes orders into the demo tenant as the real placing and transitions would have left them.
struct DemoOrders {
    TenantSeed& tenant;
    std::vector<core::Product> catalog;
    int orders = 0;
    int subscriptions = 0;

    // An order for `org` with its first `lineCount` orderable products, placed as its owner at
    // `atMs` (with its audit event); kept once moved on, or as it is (see keep).
    std::optional<core::Order> place(const core::Organization& org, int lineCount,
                                     std::int64_t atMs) {
        core::Organization asActive = org;  // a Blocked customer ordered while still Active
        asActive.status = core::OrgStatus::Active;
        const auto products = core::orderable_products(catalog, asActive);
        std::vector<core::OrderLineRequest> lines;
        for (int k = 0; k < lineCount && k < static_cast<int>(products.size()); ++k)
            lines.push_back({products[static_cast<std::size_t>(k)].sku, 1 + (orders + k * 7) % 25});
        if (lines.empty())
            return std::nullopt;
        const auto priced = core::priced_lines(lines, products);
        if (!priced)
            return std::nullopt;
        core::Order order;
        order.id = numbered_id('a', ++orders);
        order.customerId = org.id;
        order.sellerId = org.sellerId;
        order.distributorId = org.distributorId;
        order.lines = priced->lines;
        order.price = core::price_of(*priced, org.billing.country);
        order.placedById = "system";
        order.placedByName = org.owner ? org.owner->name : org.primaryContact.name;
        order.createdAtMs = atMs;
        order.updatedAtMs = atMs;
        tenant.audit.push_back({atMs, "system", "place", "order", order.id, "",
                                core::Json{{"status", "PendingApproval"}}.dump()});
        return order;
    }

    // Moves `order` on to `status` through the real transitions, decided by the seller's staff,
    // with the audit event of each step and the subscriptions a provisioned order makes.
    void move(core::Order& order, OrderStatus status, const std::string& reason = {}) {
        const Decider decider =
            order.sellerId == kDemoSellerOneId ? kSellerOneDecider : kSellerTwoDecider;
        std::vector<OrderStatus> path;
        if (status == OrderStatus::Rejected) {
            path = {OrderStatus::Rejected};
        } else {
            path = {OrderStatus::Approved, OrderStatus::Provisioning, status};
        }
        std::int64_t at = order.createdAtMs;
        for (const auto next : path) {
            at += kHourMs / 4;
            const auto from = order.status;
            order.status = next;
            ++order.version;
            order.updatedAtMs = at;
            if (next == OrderStatus::Approved || next == OrderStatus::Rejected) {
                order.decidedById = std::string(decider.id);
                order.decidedByName = std::string(decider.name);
                order.decidedAtMs = at;
            }
            if (next == OrderStatus::Rejected)
                order.rejectionReason = reason;
            if (next == OrderStatus::Failed)
                order.failureReason = reason;
            if (next == OrderStatus::Provisioned) {
                std::vector<std::string> ids;
                for (std::size_t i = 0; i < order.lines.size(); ++i)
                    ids.push_back(numbered_id('b', ++subscriptions));
                for (auto& subscription : core::subscriptions_for(order, ids, at))
                    tenant.subscriptions.push_back(std::move(subscription));
            }
            const bool byStaff = next == OrderStatus::Approved || next == OrderStatus::Rejected;
            tenant.audit.push_back({at, byStaff ? std::string(decider.id) : "system",
                                    std::string(core::to_string(next)), "order", order.id,
                                    core::Json{{"status", core::to_string(from)}}.dump(),
                                    core::Json{{"status", core::to_string(next)}}.dump()});
        }
    }

    void keep(core::Order order) { tenant.orders.push_back(std::move(order)); }
};

}  // namespace

std::vector<core::Product> demo_catalog() {
    struct Item {
        std::string_view sku, name;
        core::MinorUnits unitPrice;
        core::BillingPeriod period;
        std::vector<std::string> segments;
    };
    using core::BillingPeriod;
    const std::array<Item, 10> items{{
        {"M365-BSTD",
         "Microsoft 365 Business Standard",
         1250,
         BillingPeriod::Monthly,
         {"SMB", "Enterprise", "Public Sector"}},
        {"M365-E3",
         "Microsoft 365 E3",
         3600,
         BillingPeriod::Monthly,
         {"Enterprise", "Public Sector"}},
        {"M365-A3", "Microsoft 365 A3 for Education", 325, BillingPeriod::Monthly, {"Education"}},
        {"AZ-BACKUP",
         "Azure Backup 500 GB",
         2400,
         BillingPeriod::Monthly,
         {"SMB", "Enterprise", "Education", "Public Sector"}},
        {"ACR-CYBER",
         "Acronis Cyber Protect",
         890,
         BillingPeriod::Monthly,
         {"SMB", "Enterprise", "Education"}},
        {"ADOBE-CC",
         "Adobe Creative Cloud All Apps",
         71988,
         BillingPeriod::Annual,
         {"SMB", "Enterprise", "Education"}},
        {"DROPBOX-BIZ", "Dropbox Business", 1500, BillingPeriod::Monthly, {"SMB", "Education"}},
        {"GWS-BSTD", "Google Workspace Business Standard", 1360, BillingPeriod::Monthly, {"SMB"}},
        {"SF-SALES",
         "Salesforce Sales Cloud Enterprise",
         198000,
         BillingPeriod::Annual,
         {"Enterprise"}},
        {"ZOOM-PRO",
         "Zoom Workplace Pro",
         1333,
         BillingPeriod::Monthly,
         {"SMB", "Enterprise", "Education", "Public Sector"}},
    }};
    std::vector<core::Product> products;
    for (const auto& item : items) {
        products.push_back({std::string(item.sku), std::string(item.name), item.unitPrice, "EUR",
                            item.period, item.segments, std::string(kDemoDistributorId)});
    }
    return products;
}

void add_demo_orders(TenantSeed& tenant, std::int64_t nowMs) {
    DemoOrders demo{tenant, demo_catalog()};
    tenant.products.insert(tenant.products.end(), demo.catalog.begin(), demo.catalog.end());

    // Every subscription an Active or Blocked customer has came from a provisioned order.
    for (const auto& seeded : tenant.organizations) {
        const auto& org = seeded.org;
        if (org.subscriptionCount == 0)
            continue;
        if (auto order = demo.place(org, org.subscriptionCount, org.createdAtMs + kHourMs)) {
            demo.move(*order, OrderStatus::Provisioned);
            demo.keep(std::move(*order));
        }
    }
    // The approval queue, newest last: Active customers' new orders, a few already decided,
    // spread over the last ten hours. The newest is an hour old, so that the later steps of the
    // decided ones (45 minutes at most) are in the past too.
    const auto queued = std::count_if(
        tenant.organizations.begin(), tenant.organizations.end(),
        [](const SeedOrganization& o) { return o.org.status == core::OrgStatus::Active; });
    const std::int64_t spacing = 9 * kHourMs / std::max<std::int64_t>(1, queued - 1);
    int placed = 0;
    for (const auto& seeded : tenant.organizations) {
        const auto& org = seeded.org;
        if (org.status != core::OrgStatus::Active)
            continue;
        const std::int64_t at = nowMs - 10 * kHourMs + placed * spacing;
        auto order = demo.place(org, 1 + placed % 3, at);
        if (!order)
            continue;
        if (placed % 5 == 3) {
            demo.move(*order, OrderStatus::Rejected,
                      "Payment for the previous invoice is overdue. Settle it and order again.");
        } else if (placed == 4) {
            demo.move(*order, OrderStatus::Failed,
                      "The vendor refused the tenant domain. Contact support to provision it.");
        }
        demo.keep(std::move(*order));
        ++placed;
    }
    // Each customer's count is its subscriptions, as provisioning would have left it.
    for (auto& seeded : tenant.organizations) {
        seeded.org.subscriptionCount = static_cast<int>(std::count_if(
            tenant.subscriptions.begin(), tenant.subscriptions.end(),
            [&](const core::Subscription& s) { return s.customerId == seeded.org.id; }));
    }
}

}  // namespace orgdesk::platform
