#pragma once
// SQL fragments the SQLite and PostgreSQL stores share. Each takes the placeholder(s) to write:
// "?" for SQLite, "$n" for PostgreSQL.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access_policy.hpp"

namespace orgdesk::platform {

// The columns of each table as both stores read and write them, in this order.
inline constexpr const char* kOrganizationColumns =
    "id, name, segment, status, ownership_type, owner_name, owner_email, billing_company, "
    "billing_address, billing_country, billing_tax_id, billing_email, contact_name, contact_role, "
    "contact_phone, customer_reference, external_contract, purchased_numbers, buyer_tags, "
    "distributor_id, seller_id, subscription_count, user_count, version, created_at, updated_at, "
    "provider_id, rejection_reason";
inline constexpr const char* kSessionColumns =
    "id, secret_hash, user_id, created_at, last_used_at, expires_at, revoked, ends_at";
// A user as stored: for a customer person, `member_id` names their membership and `role` is
// empty, since their role is their membership's (kUserSelect reads it from there).
inline constexpr const char* kUserColumns =
    "id, username, display_name, role, password_hash, distributor_id, seller_id, customer_id, "
    "member_id";
// A user as every reader sees them: kUserColumns' then their membership's role (NULL for staff,
// or where the membership is gone). Read with resolved_role().
inline constexpr const char* kUserSelectColumns =
    "u.id, u.username, u.display_name, u.role, u.password_hash, u.distributor_id, u.seller_id, "
    "u.customer_id, u.member_id, m.role";
inline constexpr const char* kUserJoin = " LEFT JOIN members m ON m.id = u.member_id";
inline constexpr int kUserSelectColumnCount = 10;
// A session and its user: kSessionColumns' then kUserSelectColumns', for the session id bound
// last.
inline const std::string kSessionWithUserQuery =
    std::string(
        "SELECT s.id, s.secret_hash, s.user_id, s.created_at, s.last_used_at, "
        "s.expires_at, s.revoked, s.ends_at, ") +
    kUserSelectColumns + " FROM sessions s JOIN users u ON u.id = s.user_id" + kUserJoin +
    " WHERE s.id = ";

// The role of a user as read with kUserSelectColumns: staff keep their stored role; a customer
// person has their membership's, the least (Member) once that membership is gone.
inline core::Role resolved_role(std::string_view storedRole, std::string_view memberId,
                                std::optional<std::string_view> memberRole) {
    if (memberId.empty())
        return core::parse_role(storedRole).value_or(core::Role::CustomerMember);
    const auto role = memberRole ? core::parse_member_role(*memberRole) : std::nullopt;
    return core::customer_role(role.value_or(core::MemberRole::Member));
}

// The role column written for `principal`: empty for a customer person with a membership.
inline std::string stored_role(const core::Principal& principal) {
    return principal.memberId.empty() ? std::string(core::to_string(principal.role)) : "";
}

inline constexpr const char* kOrderColumns =
    "id, customer_id, seller_id, distributor_id, lines, currency, net, tax, total, tax_rate, "
    "status, placed_by_id, placed_by_name, decided_by_id, decided_by_name, decided_at, "
    "rejection_reason, failure_reason, version, created_at, updated_at";
inline constexpr const char* kSubscriptionColumns =
    "id, customer_id, seller_id, distributor_id, order_id, line_number, sku, name, quantity, "
    "billing_period, status, version, created_at, updated_at";

// The WHERE condition that limits rows of `table` to one tenant (bind scope.id to it).
// `customerColumn` names the customer organization's id in that table ("id" for organizations
// themselves, "customer_id" for orders).
inline std::string scope_condition(const core::TenantScope& scope, const std::string& table,
                                   const std::string& customerColumn,
                                   const std::string& placeholder = "?") {
    switch (scope.level) {
        case core::TenantLevel::Distributor:
            return table + ".distributor_id = " + placeholder;
        case core::TenantLevel::Seller:
            return table + ".seller_id = " + placeholder;
        case core::TenantLevel::Customer:
            break;
    }
    return table + "." + customerColumn + " = " + placeholder;
}

// The SQL that continues a list newest first after a cursor (rows of `table` older than the
// cursor's, or as old with a smaller id): bind the cursor's time to the first two placeholders
// and its id to the third.
inline std::string after_cursor_condition(const std::string& table, const std::string& at1 = "?",
                                          const std::string& at2 = "?", const std::string& id = "?",
                                          const std::string& idColumn = "id") {
    return " AND (" + table + ".created_at < " + at1 + " OR (" + table + ".created_at = " + at2 +
           " AND " + table + "." + idColumn + " < " + id + "))";
}

inline constexpr const char* kCommcellGuidQuery =
    "SELECT value FROM instance_settings WHERE name = 'commcell_guid'";

// OperationsSnapshot's figures in one row, with `now` the placeholder of the time ("?1" for
// SQLite, "$1" for PostgreSQL). `revoked` is an integer in SQLite and a boolean in PostgreSQL:
// NOT reads both. A live session is one core's session rules would accept.
inline std::string operations_snapshot_query(const std::string& now) {
    return "SELECT "
           "(SELECT count(*) FROM sessions WHERE NOT revoked AND expires_at > " +
           now + " AND (ends_at = 0 OR ends_at > " + now +
           ")), "
           "(SELECT count(*) FROM orders WHERE status = 'PendingApproval'), "
           "(SELECT coalesce(min(created_at), 0) FROM orders WHERE status = 'PendingApproval'), "
           "(SELECT count(*) FROM orders WHERE status IN ('Approved', 'Provisioning')), "
           "(SELECT count(*) FROM sandboxes WHERE purged_at = 0 AND expires_at > " +
           now + ")";
}

// The statements that delete a whole tenant (a sandbox's), the rows that point at others first.
// Each binds the distributor's id to `id` ("?1" for SQLite, "$1" for PostgreSQL); every user,
// partner, product, organization, order and subscription of the tenant carries that id.
inline std::vector<std::string> tenant_purge_statements(const std::string& id) {
    const std::string users = "(SELECT id FROM users WHERE distributor_id = " + id + ")";
    const std::string orgs = "(SELECT id FROM organizations WHERE distributor_id = " + id + ")";
    return {
        "DELETE FROM audit_events WHERE entity_id IN " + orgs,
        "DELETE FROM audit_events WHERE entity_id IN (SELECT id FROM orders WHERE distributor_id "
        "= " +
            id + ")",
        "DELETE FROM audit_events WHERE entity_id IN (SELECT id FROM subscriptions WHERE "
        "distributor_id = " +
            id + ")",
        "DELETE FROM subscriptions WHERE distributor_id = " + id,
        "DELETE FROM orders WHERE distributor_id = " + id,
        "DELETE FROM idempotency_keys WHERE user_id IN " + users,
        "DELETE FROM sessions WHERE user_id IN " + users,
        "DELETE FROM users WHERE distributor_id = " + id,
        "DELETE FROM organization_search_keys WHERE org_id IN " + orgs,
        "DELETE FROM members WHERE org_id IN " + orgs,
        "DELETE FROM organizations WHERE distributor_id = " + id,
        "DELETE FROM products WHERE distributor_id = " + id,
        "DELETE FROM partners WHERE distributor_id = " + id,
        "DELETE FROM partners WHERE id = " + id,
    };
}

}  // namespace orgdesk::platform
