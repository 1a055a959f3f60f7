// The SQLite store's catalog, orders and subscriptions (the rest is in sqlite_store.cpp).
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/order_lifecycle.hpp"
#include "platform/sqlite_read_pool.hpp"
#include "platform/sqlite_statement_cache.hpp"
#include "platform/sqlite_store.hpp"
#include "platform/sqlite_support.hpp"

namespace orgdesk::platform {
namespace {

using core::Order;
using core::OrderStatus;
using core::Subscription;

Order read_order(SQLite::Statement& q) {
    Order o;
    int c = 0;
    o.id = q.getColumn(c++).getString();
    o.customerId = q.getColumn(c++).getString();
    o.sellerId = q.getColumn(c++).getString();
    o.distributorId = q.getColumn(c++).getString();
    o.lines = lines_from_json(q.getColumn(c++).getString());
    o.price.currency = q.getColumn(c++).getString();
    o.price.net = q.getColumn(c++).getInt64();
    o.price.tax = q.getColumn(c++).getInt64();
    o.price.total = q.getColumn(c++).getInt64();
    o.price.taxRateBasisPoints = q.getColumn(c++).getInt();
    o.status = core::parse_order_status(q.getColumn(c++).getString())
                   .value_or(OrderStatus::PendingApproval);
    o.placedById = q.getColumn(c++).getString();
    o.placedByName = q.getColumn(c++).getString();
    o.decidedById = q.getColumn(c++).getString();
    o.decidedByName = q.getColumn(c++).getString();
    o.decidedAtMs = q.getColumn(c++).getInt64();
    o.rejectionReason = q.getColumn(c++).getString();
    o.failureReason = q.getColumn(c++).getString();
    o.version = q.getColumn(c++).getInt64();
    o.createdAtMs = q.getColumn(c++).getInt64();
    o.updatedAtMs = q.getColumn(c++).getInt64();
    return o;
}

Subscription read_subscription(SQLite::Statement& q) {
    Subscription s;
    int c = 0;
    s.id = q.getColumn(c++).getString();
    s.customerId = q.getColumn(c++).getString();
    s.sellerId = q.getColumn(c++).getString();
    s.distributorId = q.getColumn(c++).getString();
    s.orderId = q.getColumn(c++).getString();
    s.lineNumber = q.getColumn(c++).getInt();
    s.sku = q.getColumn(c++).getString();
    s.name = q.getColumn(c++).getString();
    s.quantity = q.getColumn(c++).getInt();
    s.billingPeriod = core::parse_billing_period(q.getColumn(c++).getString())
                          .value_or(core::BillingPeriod::Monthly);
    s.status = core::parse_subscription_status(q.getColumn(c++).getString())
                   .value_or(core::SubscriptionStatus::Active);
    s.version = q.getColumn(c++).getInt64();
    s.createdAtMs = q.getColumn(c++).getInt64();
    s.updatedAtMs = q.getColumn(c++).getInt64();
    return s;
}

std::string status_text(OrderStatus status) {
    return std::string(core::to_string(status));
}

}  // namespace

void SqliteStore::insert_product(const core::Product& p) {
    std::lock_guard lock(mutex_);
    insert_product_row(p);
}

void SqliteStore::insert_product_row(const core::Product& p) {
    auto q = statements_->get(
        "INSERT INTO products (distributor_id, sku, name, unit_price, currency, "
        "billing_period, segments) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, p.distributorId);
    q->bind(2, p.sku);
    q->bind(3, p.name);
    q->bind(4, static_cast<std::int64_t>(p.unitPrice));
    q->bind(5, p.currency);
    q->bind(6, std::string(core::to_string(p.billingPeriod)));
    q->bind(7, to_json_array(p.segments));
    q->exec();
}

std::vector<core::Product> SqliteStore::list_products(std::string_view distributorId) {
    auto reader = read();
    auto q = reader.get(
        "SELECT distributor_id, sku, name, unit_price, currency, billing_period, "
        "segments FROM products WHERE distributor_id = ? ORDER BY name, sku");
    q->bind(1, std::string(distributorId));
    std::vector<core::Product> products;
    while (q->executeStep()) {
        core::Product p;
        p.distributorId = q->getColumn(0).getString();
        p.sku = q->getColumn(1).getString();
        p.name = q->getColumn(2).getString();
        p.unitPrice = q->getColumn(3).getInt64();
        p.currency = q->getColumn(4).getString();
        p.billingPeriod = core::parse_billing_period(q->getColumn(5).getString())
                              .value_or(core::BillingPeriod::Monthly);
        p.segments = from_json_array(q->getColumn(6).getString());
        products.push_back(std::move(p));
    }
    return products;
}

void SqliteStore::insert_order_row(const Order& o) {
    auto q = statements_->get(std::string("INSERT INTO orders (") + kOrderColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?)");
    int c = 1;
    for (const auto* text : {&o.id, &o.customerId, &o.sellerId, &o.distributorId})
        q->bind(c++, *text);
    q->bind(c++, lines_to_json(o.lines));
    q->bind(c++, o.price.currency);
    q->bind(c++, static_cast<std::int64_t>(o.price.net));
    q->bind(c++, static_cast<std::int64_t>(o.price.tax));
    q->bind(c++, static_cast<std::int64_t>(o.price.total));
    q->bind(c++, o.price.taxRateBasisPoints);
    q->bind(c++, status_text(o.status));
    for (const auto* text : {&o.placedById, &o.placedByName, &o.decidedById, &o.decidedByName})
        q->bind(c++, *text);
    q->bind(c++, static_cast<std::int64_t>(o.decidedAtMs));
    q->bind(c++, o.rejectionReason);
    q->bind(c++, o.failureReason);
    q->bind(c++, static_cast<std::int64_t>(o.version));
    q->bind(c++, static_cast<std::int64_t>(o.createdAtMs));
    q->bind(c++, static_cast<std::int64_t>(o.updatedAtMs));
    q->exec();
}

OrderInsertOutcome SqliteStore::create_order(const OrderInsert& insert) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    OrderInsertOutcome outcome;
    if (insert.idempotency) {
        outcome.earlier = claim_idempotency_key(*insert.idempotency, insert.idempotencyNotBeforeMs);
        if (outcome.earlier)
            return outcome;  // nothing written
    }
    const Order& o = insert.order;
    if (insert.customerStatus) {
        auto status = statements_->get("SELECT status FROM organizations WHERE id = ?");
        status->bind(1, o.customerId);
        if (!status->executeStep() ||
            status->getColumn(0).getString() != core::to_string(*insert.customerStatus))
            return outcome;  // the transaction rolls back: nothing written, the key not used
    }
    insert_order_row(o);
    insert_audit(insert.audit);
    if (insert.idempotency) {
        record_idempotency(*insert.idempotency,
                           insert.answer ? insert.answer(o) : insert.idempotency->body);
    }
    tx.commit();
    outcome.inserted = o;
    return outcome;
}

std::optional<Order> SqliteStore::find_order(std::string_view id) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kOrderColumns + " FROM orders WHERE id = ?");
    q->bind(1, std::string(id));
    if (!q->executeStep())
        return std::nullopt;
    return read_order(*q);
}

OrderRows SqliteStore::list_orders(const OrderQuery& query) {
    std::string sql = std::string("SELECT ") + kOrderColumns + " FROM orders r WHERE " +
                      scope_condition(query.scope, "r", "customer_id");
    if (query.status)
        sql += " AND r.status = ?";
    if (!query.customerId.empty())
        sql += " AND r.customer_id = ?";
    if (query.fromMs > 0)
        sql += " AND r.created_at >= ?";
    if (query.beforeMs > 0)
        sql += " AND r.created_at < ?";
    if (query.after)
        sql += after_cursor_condition("r");
    sql += " ORDER BY r.created_at DESC, r.id DESC LIMIT ?";

    auto reader = read();
    auto q = reader.get(sql);
    int c = 1;
    q->bind(c++, query.scope.id);
    if (query.status)
        q->bind(c++, status_text(*query.status));
    if (!query.customerId.empty())
        q->bind(c++, query.customerId);
    if (query.fromMs > 0)
        q->bind(c++, static_cast<std::int64_t>(query.fromMs));
    if (query.beforeMs > 0)
        q->bind(c++, static_cast<std::int64_t>(query.beforeMs));
    auto page = read_page<Order>(*q, c, query.after, query.limit, read_order);
    return {std::move(page.items), page.next};
}

std::map<OrderStatus, int> SqliteStore::count_orders_by_status(const core::TenantScope& scope,
                                                               std::string_view customerId) {
    std::string sql = "SELECT r.status, count(*) FROM orders r WHERE " +
                      scope_condition(scope, "r", "customer_id");
    if (!customerId.empty())
        sql += " AND r.customer_id = ?";
    sql += " GROUP BY r.status";
    auto reader = read();
    auto q = reader.get(sql);
    q->bind(1, scope.id);
    if (!customerId.empty())
        q->bind(2, std::string(customerId));
    std::map<OrderStatus, int> counts;
    while (q->executeStep()) {
        if (const auto status = core::parse_order_status(q->getColumn(0).getString()))
            counts[*status] = q->getColumn(1).getInt();
    }
    return counts;
}

bool SqliteStore::transition_order(const OrderTransition& t) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const Order& o = t.after;
    std::string sql =
        "UPDATE orders SET status = ?, decided_by_id = ?, decided_by_name = ?, decided_at = ?, "
        "rejection_reason = ?, failure_reason = ?, version = version + 1, updated_at = ? "
        "WHERE id = ? AND status = ?";
    if (t.expectedVersion)
        sql += " AND version = ?";
    if (t.customerStatus)
        sql += " AND (SELECT status FROM organizations WHERE id = orders.customer_id) = ?";
    auto q = statements_->get(sql);
    int c = 1;
    q->bind(c++, status_text(o.status));
    q->bind(c++, o.decidedById);
    q->bind(c++, o.decidedByName);
    q->bind(c++, static_cast<std::int64_t>(o.decidedAtMs));
    q->bind(c++, o.rejectionReason);
    q->bind(c++, o.failureReason);
    q->bind(c++, static_cast<std::int64_t>(o.updatedAtMs));
    q->bind(c++, o.id);
    q->bind(c++, status_text(t.from));
    if (t.expectedVersion)
        q->bind(c++, static_cast<std::int64_t>(*t.expectedVersion));
    if (t.customerStatus)
        q->bind(c++, std::string(core::to_string(*t.customerStatus)));
    if (q->exec() != 1)
        return false;  // the transaction rolls back: nothing written
    for (const auto& subscription : t.subscriptions)
        insert_subscription(subscription);
    if (!t.subscriptions.empty())
        recount_subscriptions(o.customerId);
    insert_audit(t.audit);
    tx.commit();
    return true;
}

std::vector<Order> SqliteStore::orders_to_provision(int limit) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kOrderColumns +
                        " FROM orders WHERE status IN ('Approved', 'Provisioning') "
                        "ORDER BY decided_at, id LIMIT ?");
    q->bind(1, std::max(1, limit));
    std::vector<Order> orders;
    while (q->executeStep())
        orders.push_back(read_order(*q));
    return orders;
}

void SqliteStore::insert_subscription(const Subscription& s) {
    auto q = statements_->get(std::string("INSERT INTO subscriptions (") + kSubscriptionColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int c = 1;
    for (const auto* text : {&s.id, &s.customerId, &s.sellerId, &s.distributorId, &s.orderId})
        q->bind(c++, *text);
    q->bind(c++, s.lineNumber);
    q->bind(c++, s.sku);
    q->bind(c++, s.name);
    q->bind(c++, s.quantity);
    q->bind(c++, std::string(core::to_string(s.billingPeriod)));
    q->bind(c++, std::string(core::to_string(s.status)));
    q->bind(c++, static_cast<std::int64_t>(s.version));
    q->bind(c++, static_cast<std::int64_t>(s.createdAtMs));
    q->bind(c++, static_cast<std::int64_t>(s.updatedAtMs));
    q->exec();
}

void SqliteStore::recount_subscriptions(const std::string& customerId) {
    auto q = statements_->get(
        "UPDATE organizations SET subscription_count = (SELECT count(*) FROM "
        "subscriptions WHERE customer_id = ?1 AND status <> 'Cancelled') "
        "WHERE id = ?1");
    q->bind(1, customerId);
    q->exec();
}

void SqliteStore::cancel_subscriptions(const std::string& customerId, const AuditEvent& cause) {
    std::vector<std::string> ids;
    {
        auto q = statements_->get(
            "SELECT id FROM subscriptions WHERE customer_id = ? AND "
            "status <> 'Cancelled'");
        q->bind(1, customerId);
        while (q->executeStep())
            ids.push_back(q->getColumn(0).getString());
    }
    auto cancel = statements_->get(
        "UPDATE subscriptions SET status = 'Cancelled', version = version + "
        "1, updated_at = ? WHERE id = ?");
    for (const auto& id : ids) {
        cancel->bind(1, static_cast<std::int64_t>(cause.atMs));
        cancel->bind(2, id);
        cancel->exec();
        cancel->reset();
        insert_audit({cause.atMs, cause.actorId, "cancel", "subscription", id, "", ""});
    }
    // Also clears a count kept from before subscriptions were rows of their own.
    auto clear = statements_->get("UPDATE organizations SET subscription_count = 0 WHERE id = ?");
    clear->bind(1, customerId);
    clear->exec();
}

void SqliteStore::reject_pending_orders(const std::string& customerId, const AuditEvent& cause,
                                        const std::string& actorName, const std::string& reason) {
    std::vector<std::string> ids;
    {
        auto q = statements_->get(
            "SELECT id FROM orders WHERE customer_id = ? AND "
            "status = 'PendingApproval'");
        q->bind(1, customerId);
        while (q->executeStep())
            ids.push_back(q->getColumn(0).getString());
    }
    auto reject = statements_->get(
        "UPDATE orders SET status = 'Rejected', decided_by_id = ?, decided_by_name = ?, "
        "decided_at = ?, rejection_reason = ?, version = version + 1, updated_at = ? WHERE id = ?");
    for (const auto& id : ids) {
        reject->bind(1, cause.actorId);
        reject->bind(2, actorName);
        reject->bind(3, static_cast<std::int64_t>(cause.atMs));
        reject->bind(4, reason);
        reject->bind(5, static_cast<std::int64_t>(cause.atMs));
        reject->bind(6, id);
        reject->exec();
        reject->reset();
        insert_audit({cause.atMs, cause.actorId, "reject", "order", id,
                      R"({"status":"PendingApproval"})", R"({"status":"Rejected"})"});
    }
}

std::vector<Subscription> SqliteStore::list_subscriptions(std::string_view customerId) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kSubscriptionColumns +
                        " FROM subscriptions WHERE customer_id = ? "
                        "ORDER BY created_at, id");
    q->bind(1, std::string(customerId));
    std::vector<Subscription> out;
    while (q->executeStep())
        out.push_back(read_subscription(*q));
    return out;
}

std::optional<Subscription> SqliteStore::find_subscription(std::string_view id) {
    auto reader = read();
    auto q = reader.get(std::string("SELECT ") + kSubscriptionColumns +
                        " FROM subscriptions WHERE id = ?");
    q->bind(1, std::string(id));
    if (!q->executeStep())
        return std::nullopt;
    return read_subscription(*q);
}

bool SqliteStore::update_subscription(const SubscriptionUpdate& update) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const Subscription& s = update.after;
    auto q = statements_->get(
        "UPDATE subscriptions SET status = ?, version = ?, updated_at = ? "
        "WHERE id = ? AND version = ?");
    q->bind(1, std::string(core::to_string(s.status)));
    q->bind(2, static_cast<std::int64_t>(update.expectedVersion + 1));
    q->bind(3, static_cast<std::int64_t>(s.updatedAtMs));
    q->bind(4, s.id);
    q->bind(5, static_cast<std::int64_t>(update.expectedVersion));
    if (q->exec() != 1)
        return false;
    recount_subscriptions(s.customerId);
    insert_audit(update.audit);
    tx.commit();
    return true;
}

}  // namespace orgdesk::platform
