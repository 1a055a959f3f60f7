#include "server/tenant_objects.hpp"

#include <cstdio>
#include <stdexcept>
#include <utility>

#include "platform/demo_data.hpp"
#include "server/session_token.hpp"

namespace orgdesk::server::testing {
namespace {

// The demo's staff of seller one, by role.
std::string_view demo_staff_username(core::Role role) {
    switch (role) {
        case core::Role::DistributorAdmin:
            return "distributor@demo.test";
        case core::Role::SellerAdmin:
            return "seller@demo.test";
        default:
            return "manager@demo.test";
    }
}

}  // namespace

TenantObjects::TenantObjects(platform::Store& store, std::function<std::int64_t()> now)
    : store_(store), now_(std::move(now)) {
    auto northwind = store_.find_organization(platform::kDemoOwnerCustomerId);
    platform::OrderQuery query;
    query.scope = {core::TenantLevel::Customer, std::string(platform::kDemoOwnerCustomerId)};
    query.limit = 1;
    auto orders = store_.list_orders(query);
    if (!northwind || orders.items.empty())
        throw std::runtime_error("the demo data is missing Northwind or its orders");
    template_ = *northwind;
    orderTemplate_ = orders.items.front();
    if (!store_.find_partner(kOtherDistributorId)) {
        store_.insert_partner({std::string(kOtherDistributorId), "Other Distribution", ""});
        store_.insert_partner({std::string(kOtherDistributorSellerId), "Other Distribution Seller",
                               std::string(kOtherDistributorId)});
    }
}

std::string TenantObjects::next_id(char prefix) {
    char id[40];
    std::snprintf(id, sizeof id, "%c7000000-0000-4000-8000-%012d", prefix, ++next_);
    return id;
}

core::Organization TenantObjects::organization(std::string_view sellerId, core::OrgStatus status) {
    const auto seller = store_.find_partner(sellerId);
    if (!seller)
        throw std::runtime_error("no seller " + std::string(sellerId));
    platform::OrganizationInsert insert;
    insert.org = template_;
    insert.org.id = next_id('c');
    insert.org.name = "Tenant Test " + std::to_string(next_);
    insert.org.customerReference = "CR-T" + std::to_string(next_);
    insert.org.sellerId = seller->id;
    insert.org.distributorId = seller->distributorId;
    insert.org.status = status;
    insert.org.subscriptionCount = 0;
    insert.org.userCount = 3;
    insert.org.version = 1;
    insert.org.createdAtMs = insert.org.updatedAtMs = now_();
    insert.members = {
        {next_id('e'), insert.org.owner->name, insert.org.owner->email, core::MemberRole::Owner},
        {next_id('e'), "Ada Admin", "ada." + std::to_string(next_) + "@example.test",
         core::MemberRole::Admin},
        {next_id('e'), "Mia Member", "mia." + std::to_string(next_) + "@example.test",
         core::MemberRole::Member}};
    insert.audit = {now_(), "system", "create", "organization", insert.org.id, "", "{}"};
    const auto outcome = store_.create_organization(insert);
    if (!outcome.inserted)
        throw std::runtime_error("organization not inserted");
    return *outcome.inserted;
}

core::Order TenantObjects::pending_order(const core::Organization& customer) {
    platform::OrderInsert insert;
    insert.order = orderTemplate_;
    insert.order.id = next_id('a');
    insert.order.customerId = customer.id;
    insert.order.sellerId = customer.sellerId;
    insert.order.distributorId = customer.distributorId;
    insert.order.status = core::OrderStatus::PendingApproval;
    insert.order.decidedById.clear();
    insert.order.decidedByName.clear();
    insert.order.decidedAtMs = 0;
    insert.order.rejectionReason.clear();
    insert.order.failureReason.clear();
    insert.order.version = 1;
    insert.order.createdAtMs = insert.order.updatedAtMs = now_();
    insert.audit = {now_(), "system", "place", "order", insert.order.id, "", "{}"};
    const auto outcome = store_.create_order(insert);
    if (!outcome.inserted)
        throw std::runtime_error("order not inserted");
    return *outcome.inserted;
}

core::Subscription TenantObjects::subscription(const core::Organization& customer,
                                               core::SubscriptionStatus status) {
    const auto order = pending_order(customer);
    platform::OrderTransition provisioned;
    provisioned.from = order.status;
    provisioned.after = order;
    provisioned.after.status = core::OrderStatus::Provisioned;
    provisioned.after.version = order.version + 1;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < order.lines.size(); ++i)
        ids.push_back(next_id('b'));
    provisioned.subscriptions = core::subscriptions_for(order, ids, now_());
    provisioned.audit = {now_(), "system", "Provisioned", "order", order.id, "", "{}"};
    if (!store_.transition_order(provisioned))
        throw std::runtime_error("order not provisioned");
    auto subscription = provisioned.subscriptions.front();
    if (status != subscription.status) {
        platform::SubscriptionUpdate update;
        update.expectedVersion = subscription.version;
        update.after = subscription;
        update.after.status = status;
        update.after.version = subscription.version + 1;
        update.audit = {now_(), "system", "suspend", "subscription", subscription.id, "", "{}"};
        if (!store_.update_subscription(update))
            throw std::runtime_error("subscription not updated");
        subscription = update.after;
    }
    return subscription;
}

core::Principal TenantObjects::user(core::Role role, const core::Organization& customer) {
    if (core::is_staff(role)) {
        const auto staff = store_.find_user_by_username(demo_staff_username(role));
        if (!staff)
            throw std::runtime_error("the demo staff are missing");
        return staff->principal;
    }
    platform::UserRecord record;
    record.principal.userId = next_id('f');
    record.principal.username = "user" + std::to_string(next_) + "@tenant.test";
    record.principal.displayName = "Tenant User " + std::to_string(next_);
    record.principal.role = role;
    record.principal.distributorId = customer.distributorId;
    record.principal.sellerId = customer.sellerId;
    record.principal.customerId = customer.id;
    // A customer person's role is their membership's: the organization's member of that role.
    for (const auto& member : store_.list_members(customer.id)) {
        if (core::customer_role(member.role) == role && record.principal.memberId.empty())
            record.principal.memberId = member.id;
    }
    if (record.principal.memberId.empty())
        throw std::runtime_error("the organization has no member of that role");
    record.passwordHash = "not-a-hash: signs in only through a session made here";
    store_.insert_user(record);
    return record.principal;
}

std::string TenantObjects::session(const core::Principal& user) {
    const auto token = generate_session_token();
    platform::SessionRecord session;
    session.id = token.id;
    session.secretHash = hash_token_secret(token.secret);
    session.userId = user.userId;
    session.createdAtMs = session.lastUsedAtMs = now_();
    session.expiresAtMs = now_() + std::chrono::milliseconds(kSessionIdleTimeout).count();
    store_.insert_session(session);
    return token.text();
}

}  // namespace orgdesk::server::testing
