// The PostgreSQL store's catalog, orders and subscriptions (the rest is in pg_store.cpp).
#include "core/order_lifecycle.hpp"
#include "platform/pg_connection_pool.hpp"
#include "platform/pg_store.hpp"
#include "platform/pg_support.hpp"

namespace orgdesk::platform {
namespace {

using core::Order;
using core::OrderStatus;
using core::Subscription;

Order read_order(const pqxx::row& r) {
    Order o;
    int c = 0;
    o.id = r[c++].as<std::string>();
    o.customerId = r[c++].as<std::string>();
    o.sellerId = r[c++].as<std::string>();
    o.distributorId = r[c++].as<std::string>();
    o.lines = lines_from_json(r[c++].as<std::string>());
    o.price.currency = r[c++].as<std::string>();
    o.price.net = r[c++].as<std::int64_t>();
    o.price.tax = r[c++].as<std::int64_t>();
    o.price.total = r[c++].as<std::int64_t>();
    o.price.taxRateBasisPoints = r[c++].as<int>();
    o.status =
        core::parse_order_status(r[c++].as<std::string>()).value_or(OrderStatus::PendingApproval);
    o.placedById = r[c++].as<std::string>();
    o.placedByName = r[c++].as<std::string>();
    o.decidedById = r[c++].as<std::string>();
    o.decidedByName = r[c++].as<std::string>();
    o.decidedAtMs = r[c++].as<std::int64_t>();
    o.rejectionReason = r[c++].as<std::string>();
    o.failureReason = r[c++].as<std::string>();
    o.version = r[c++].as<std::int64_t>();
    o.createdAtMs = r[c++].as<std::int64_t>();
    o.updatedAtMs = r[c++].as<std::int64_t>();
    return o;
}

Subscription read_subscription(const pqxx::row& r) {
    Subscription s;
    int c = 0;
    s.id = r[c++].as<std::string>();
    s.customerId = r[c++].as<std::string>();
    s.sellerId = r[c++].as<std::string>();
    s.distributorId = r[c++].as<std::string>();
    s.orderId = r[c++].as<std::string>();
    s.lineNumber = r[c++].as<int>();
    s.sku = r[c++].as<std::string>();
    s.name = r[c++].as<std::string>();
    s.quantity = r[c++].as<int>();
    s.billingPeriod =
        core::parse_billing_period(r[c++].as<std::string>()).value_or(core::BillingPeriod::Monthly);
    s.status = core::parse_subscription_status(r[c++].as<std::string>())
                   .value_or(core::SubscriptionStatus::Active);
    s.version = r[c++].as<std::int64_t>();
    s.createdAtMs = r[c++].as<std::int64_t>();
    s.updatedAtMs = r[c++].as<std::int64_t>();
    return s;
}

std::string status_text(OrderStatus status) {
    return std::string(core::to_string(status));
}

}  // namespace

void PgStore::insert_product(const core::Product& p) {
    run_pg_transaction(*pool_, [&](PgWork& tx) {
        insert_product_row(tx, p);
        return 0;
    });
}

void PgStore::insert_product_row(Tx& tx, const core::Product& p) {
    tx.exec_params(
        "INSERT INTO products (distributor_id, sku, name, unit_price, currency, "
        "billing_period, segments) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        p.distributorId, p.sku, p.name, std::int64_t{p.unitPrice}, p.currency,
        std::string(core::to_string(p.billingPeriod)), to_json_array(p.segments));
}

std::vector<core::Product> PgStore::list_products(std::string_view distributorId) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        std::vector<core::Product> products;
        for (const auto& r : tx.exec_params(
                 "SELECT distributor_id, sku, name, unit_price, currency, billing_period, "
                 "segments FROM products WHERE distributor_id = $1 ORDER BY name, sku",
                 std::string(distributorId))) {
            core::Product p;
            p.distributorId = r[0].as<std::string>();
            p.sku = r[1].as<std::string>();
            p.name = r[2].as<std::string>();
            p.unitPrice = r[3].as<std::int64_t>();
            p.currency = r[4].as<std::string>();
            p.billingPeriod = core::parse_billing_period(r[5].as<std::string>())
                                  .value_or(core::BillingPeriod::Monthly);
            p.segments = from_json_array(r[6].as<std::string>());
            products.push_back(std::move(p));
        }
        return products;
    });
}

std::optional<core::OrgStatus> PgStore::lock_customer(Tx& tx, const std::string& customerId) {
    const auto rows =
        tx.exec_params("SELECT status FROM organizations WHERE id = $1 FOR UPDATE", customerId);
    if (rows.empty())
        return std::nullopt;
    return core::parse_org_status(rows[0][0].as<std::string>());
}

void PgStore::insert_order_row(Tx& tx, const Order& o) {
    tx.exec_params(std::string("INSERT INTO orders (") + kOrderColumns +
                       ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                       "$14, $15, $16, $17, $18, $19, $20, $21)",
                   o.id, o.customerId, o.sellerId, o.distributorId, lines_to_json(o.lines),
                   o.price.currency, std::int64_t{o.price.net}, std::int64_t{o.price.tax},
                   std::int64_t{o.price.total}, o.price.taxRateBasisPoints, status_text(o.status),
                   o.placedById, o.placedByName, o.decidedById, o.decidedByName, o.decidedAtMs,
                   o.rejectionReason, o.failureReason, std::int64_t{o.version}, o.createdAtMs,
                   o.updatedAtMs);
}

OrderInsertOutcome PgStore::create_order(const OrderInsert& insert) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        OrderInsertOutcome outcome;
        if (insert.idempotency) {
            outcome.earlier =
                claim_idempotency_key(tx, *insert.idempotency, insert.idempotencyNotBeforeMs);
            if (outcome.earlier) {
                tx.roll_back();
                return outcome;  // nothing written
            }
        }
        const Order& o = insert.order;
        // Locked, so a suspension either lands before (and this order is refused) or waits and
        // then rejects it with the customer's other pending orders.
        if (insert.customerStatus && lock_customer(tx, o.customerId) != insert.customerStatus) {
            tx.roll_back();
            return outcome;  // nothing written, the key not used
        }
        insert_order_row(tx, o);
        insert_audit(tx, insert.audit);
        if (insert.idempotency) {
            record_idempotency(tx, *insert.idempotency,
                               insert.answer ? insert.answer(o) : insert.idempotency->body);
        }
        outcome.inserted = o;
        return outcome;
    });
}

std::optional<Order> PgStore::find_order(std::string_view id) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<Order> {
        const auto rows = tx.exec_params(
            std::string("SELECT ") + kOrderColumns + " FROM orders WHERE id = $1", std::string(id));
        if (rows.empty())
            return std::nullopt;
        return read_order(rows[0]);
    });
}

OrderRows PgStore::list_orders(const OrderQuery& query) {
    PgParams p;
    std::string sql = std::string("SELECT ") + kOrderColumns + " FROM orders r WHERE " +
                      scope_condition(query.scope, "r", "customer_id", p.add(query.scope.id));
    if (query.status)
        sql += " AND r.status = " + p.add(status_text(*query.status));
    if (!query.customerId.empty())
        sql += " AND r.customer_id = " + p.add(query.customerId);
    if (query.fromMs > 0)
        sql += " AND r.created_at >= " + p.add(query.fromMs);
    if (query.beforeMs > 0)
        sql += " AND r.created_at < " + p.add(query.beforeMs);
    sql += pg_after_cursor("r", query.after, p);
    sql += " ORDER BY r.created_at DESC, r.id DESC";
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        auto page = read_pg_page<Order>(tx, sql, p, query.limit, read_order);
        return OrderRows{std::move(page.items), page.next};
    });
}

std::map<OrderStatus, int> PgStore::count_orders_by_status(const core::TenantScope& scope,
                                                           std::string_view customerId) {
    PgParams p;
    std::string sql = "SELECT r.status, count(*) FROM orders r WHERE " +
                      scope_condition(scope, "r", "customer_id", p.add(scope.id));
    if (!customerId.empty())
        sql += " AND r.customer_id = " + p.add(std::string(customerId));
    sql += " GROUP BY r.status";
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        return pg_status_counts(tx, p, sql,
                                [](const std::string& s) { return core::parse_order_status(s); });
    });
}

bool PgStore::transition_order(const OrderTransition& t) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        const Order& o = t.after;
        // The customer first (the lock order everywhere): its status holds until we commit, and
        // subscriptions are counted by one transaction at a time.
        if (t.customerStatus || !t.subscriptions.empty()) {
            const auto status = lock_customer(tx, o.customerId);
            if (t.customerStatus && status != t.customerStatus) {
                tx.roll_back();
                return false;
            }
        }
        PgParams p;
        std::string sql = "UPDATE orders SET status = " + p.add(status_text(o.status)) +
                          ", decided_by_id = " + p.add(o.decidedById) +
                          ", decided_by_name = " + p.add(o.decidedByName) +
                          ", decided_at = " + p.add(o.decidedAtMs) +
                          ", rejection_reason = " + p.add(o.rejectionReason) +
                          ", failure_reason = " + p.add(o.failureReason) +
                          ", version = version + 1, updated_at = " + p.add(o.updatedAtMs) +
                          " WHERE id = " + p.add(o.id) +
                          " AND status = " + p.add(status_text(t.from));
        if (t.expectedVersion)
            sql += " AND version = " + p.add(std::int64_t{*t.expectedVersion});
        if (p.exec(tx, sql).affected_rows() != 1) {
            tx.roll_back();
            return false;  // nothing written
        }
        for (const auto& subscription : t.subscriptions)
            insert_subscription(tx, subscription);
        if (!t.subscriptions.empty())
            recount_subscriptions(tx, o.customerId);
        insert_audit(tx, t.audit);
        return true;
    });
}

std::vector<Order> PgStore::orders_to_provision(int limit) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        std::vector<Order> orders;
        for (const auto& r :
             tx.exec_params(std::string("SELECT ") + kOrderColumns +
                                " FROM orders WHERE status IN ('Approved', 'Provisioning') "
                                "ORDER BY decided_at, id LIMIT $1 FOR UPDATE SKIP LOCKED",
                            std::max(1, limit))) {
            orders.push_back(read_order(r));
        }
        return orders;
    });
}

void PgStore::insert_subscription(Tx& tx, const Subscription& s) {
    tx.exec_params(std::string("INSERT INTO subscriptions (") + kSubscriptionColumns +
                       ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                   s.id, s.customerId, s.sellerId, s.distributorId, s.orderId, s.lineNumber, s.sku,
                   s.name, s.quantity, std::string(core::to_string(s.billingPeriod)),
                   std::string(core::to_string(s.status)), std::int64_t{s.version}, s.createdAtMs,
                   s.updatedAtMs);
}

void PgStore::recount_subscriptions(Tx& tx, const std::string& customerId) {
    // The caller holds the customer's row lock, so this count sees every committed change.
    tx.exec_params(
        "UPDATE organizations SET subscription_count = (SELECT count(*) FROM subscriptions "
        "WHERE customer_id = $1 AND status <> 'Cancelled') WHERE id = $1",
        customerId);
}

void PgStore::cancel_subscriptions(Tx& tx, const std::string& customerId, const AuditEvent& cause) {
    for (const auto& r : tx.exec_params(
             "UPDATE subscriptions SET status = 'Cancelled', version = version + 1, "
             "updated_at = $1 WHERE customer_id = $2 AND status <> 'Cancelled' RETURNING id",
             cause.atMs, customerId)) {
        insert_audit(tx, {cause.atMs, cause.actorId, "cancel", "subscription",
                          r[0].as<std::string>(), "", ""});
    }
    // Also clears a count kept from before subscriptions were rows of their own.
    tx.exec_params("UPDATE organizations SET subscription_count = 0 WHERE id = $1", customerId);
}

void PgStore::reject_pending_orders(Tx& tx, const std::string& customerId, const AuditEvent& cause,
                                    const std::string& actorName, const std::string& reason) {
    // Conditional like any decision: an order approved on another instance meanwhile stays so.
    for (const auto& r : tx.exec_params(
             "UPDATE orders SET status = 'Rejected', decided_by_id = $1, decided_by_name = $2, "
             "decided_at = $3, rejection_reason = $4, version = version + 1, updated_at = $3 "
             "WHERE customer_id = $5 AND status = 'PendingApproval' RETURNING id",
             cause.actorId, actorName, cause.atMs, reason, customerId)) {
        insert_audit(tx, {cause.atMs, cause.actorId, "reject", "order", r[0].as<std::string>(),
                          R"({"status":"PendingApproval"})", R"({"status":"Rejected"})"});
    }
}

std::vector<Subscription> PgStore::list_subscriptions(std::string_view customerId) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        std::vector<Subscription> out;
        for (const auto& r : tx.exec_params(
                 std::string("SELECT ") + kSubscriptionColumns +
                     " FROM subscriptions WHERE customer_id = $1 ORDER BY created_at, id",
                 std::string(customerId)))
            out.push_back(read_subscription(r));
        return out;
    });
}

std::optional<Subscription> PgStore::find_subscription(std::string_view id) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) -> std::optional<Subscription> {
        const auto rows = tx.exec_params(
            std::string("SELECT ") + kSubscriptionColumns + " FROM subscriptions WHERE id = $1",
            std::string(id));
        if (rows.empty())
            return std::nullopt;
        return read_subscription(rows[0]);
    });
}

bool PgStore::update_subscription(const SubscriptionUpdate& update) {
    return run_pg_transaction(*pool_, [&](PgWork& tx) {
        const Subscription& s = update.after;
        lock_customer(tx, s.customerId);  // the lock order: customer, then its subscriptions
        const auto applied =
            tx.exec_params(
                  "UPDATE subscriptions SET status = $1, version = $2, updated_at = $3 "
                  "WHERE id = $4 AND version = $5",
                  std::string(core::to_string(s.status)), std::int64_t{update.expectedVersion + 1},
                  s.updatedAtMs, s.id, std::int64_t{update.expectedVersion})
                .affected_rows();
        if (applied != 1) {
            tx.roll_back();
            return false;
        }
        recount_subscriptions(tx, s.customerId);
        insert_audit(tx, update.audit);
        return true;
    });
}

}  // namespace orgdesk::platform
