#pragma once
// The PostgreSQL schema: the SQLite store's migrations (sqlite_schema.hpp) expressed for
// PostgreSQL, numbered alike. Migration N moves the schema_version row from N-1 to N; a migration,
// once released, is never edited: add a new one instead. Text that is ordered or compared by
// range (ids in cursors, search keys, names in lists) uses the "C" collation, so a list is in the
// same byte order as SQLite's whatever locale the database was created with.
#include <array>
#include <string_view>

namespace orgdesk::platform {

inline constexpr std::array<std::string_view, 6> kPgMigrations{{
    // 1: partners, organizations with their search keys, users, sessions, audit trail.
    R"sql(
CREATE TABLE partners (
    id             TEXT PRIMARY KEY,
    name           TEXT COLLATE "C" NOT NULL,
    distributor_id TEXT REFERENCES partners(id)
);
CREATE INDEX partners_by_distributor ON partners (distributor_id, name);
CREATE TABLE organizations (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    name               TEXT NOT NULL,
    segment            TEXT NOT NULL,
    status             TEXT NOT NULL
                       CHECK (status IN ('New', 'Active', 'Blocked', 'Rejected', 'Deleted')),
    ownership_type     TEXT NOT NULL CHECK (ownership_type IN ('Customer', 'ServiceProvider')),
    owner_name         TEXT,
    owner_email        TEXT,
    billing_company    TEXT NOT NULL DEFAULT '',
    billing_address    TEXT NOT NULL DEFAULT '',
    billing_country    TEXT NOT NULL DEFAULT '',
    billing_tax_id     TEXT NOT NULL DEFAULT '',
    billing_email      TEXT NOT NULL DEFAULT '',
    contact_name       TEXT NOT NULL DEFAULT '',
    contact_role       TEXT NOT NULL DEFAULT '',
    contact_phone      TEXT NOT NULL DEFAULT '',
    customer_reference TEXT NOT NULL DEFAULT '',
    external_contract  TEXT NOT NULL DEFAULT '',
    purchased_numbers  TEXT NOT NULL DEFAULT '[]',
    buyer_tags         TEXT NOT NULL DEFAULT '[]',
    distributor_id     TEXT NOT NULL REFERENCES partners(id),
    seller_id          TEXT NOT NULL REFERENCES partners(id),
    subscription_count BIGINT NOT NULL DEFAULT 0,
    user_count         BIGINT NOT NULL DEFAULT 0,
    version            BIGINT NOT NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX organizations_by_seller ON organizations (seller_id, created_at DESC, id DESC);
CREATE INDEX organizations_by_distributor
    ON organizations (distributor_id, created_at DESC, id DESC);
CREATE TABLE organization_search_keys (
    key    TEXT COLLATE "C" NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    PRIMARY KEY (key, org_id)
);
CREATE INDEX organization_search_keys_by_org ON organization_search_keys (org_id);
CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    username       TEXT NOT NULL,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    distributor_id TEXT NOT NULL DEFAULT '',
    seller_id      TEXT NOT NULL DEFAULT '',
    customer_id    TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX users_by_username ON users (lower(username));
CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    secret_hash  TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    revoked      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE audit_events (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor_id    TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before      TEXT NOT NULL DEFAULT '',
    after       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_by_entity ON audit_events (entity_id, seq);
)sql",
    // 2: provider ids (sequential, for the webservice API), rejection reasons, members,
    // idempotency keys. Existing rows are numbered in creation order.
    R"sql(
ALTER TABLE organizations ADD COLUMN provider_id BIGINT NOT NULL DEFAULT 0;
UPDATE organizations
   SET provider_id = numbered.n
  FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM organizations) AS numbered
 WHERE organizations.id = numbered.id;
CREATE UNIQUE INDEX organizations_by_provider_id ON organizations (provider_id);
ALTER TABLE organizations ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE members (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('Owner', 'Admin', 'Member')),
    created_at BIGINT NOT NULL
);
CREATE INDEX members_by_org ON members (org_id, created_at, seq);
CREATE TABLE idempotency_keys (
    user_id      TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
)sql",
    // 3: the catalog, orders and subscriptions. An order's lines never change once placed, so
    // they are kept as one JSON document; the tenant ids are copied from the customer so every
    // list is one indexed range. One subscription per order line, enforced by the database.
    R"sql(
CREATE TABLE products (
    distributor_id TEXT NOT NULL REFERENCES partners(id),
    sku            TEXT COLLATE "C" NOT NULL,
    name           TEXT COLLATE "C" NOT NULL,
    unit_price     BIGINT NOT NULL,
    currency       TEXT NOT NULL,
    billing_period TEXT NOT NULL CHECK (billing_period IN ('Monthly', 'Annual')),
    segments       TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (distributor_id, sku)
);
CREATE TABLE orders (
    id               TEXT COLLATE "C" PRIMARY KEY,
    customer_id      TEXT NOT NULL REFERENCES organizations(id),
    seller_id        TEXT NOT NULL REFERENCES partners(id),
    distributor_id   TEXT NOT NULL REFERENCES partners(id),
    lines            TEXT NOT NULL,
    currency         TEXT NOT NULL,
    net              BIGINT NOT NULL,
    tax              BIGINT NOT NULL,
    total            BIGINT NOT NULL,
    tax_rate         INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('PendingApproval', 'Approved',
                                         'Provisioning', 'Provisioned', 'Failed', 'Rejected')),
    placed_by_id     TEXT NOT NULL,
    placed_by_name   TEXT NOT NULL,
    decided_by_id    TEXT NOT NULL DEFAULT '',
    decided_by_name  TEXT NOT NULL DEFAULT '',
    decided_at       BIGINT NOT NULL DEFAULT 0,
    rejection_reason TEXT NOT NULL DEFAULT '',
    failure_reason   TEXT NOT NULL DEFAULT '',
    version          BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX orders_by_seller ON orders (seller_id, created_at DESC, id DESC);
CREATE INDEX orders_by_distributor ON orders (distributor_id, created_at DESC, id DESC);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX orders_to_provision ON orders (decided_at, id)
    WHERE status IN ('Approved', 'Provisioning');
CREATE TABLE subscriptions (
    id             TEXT COLLATE "C" PRIMARY KEY,
    customer_id    TEXT NOT NULL REFERENCES organizations(id),
    seller_id      TEXT NOT NULL REFERENCES partners(id),
    distributor_id TEXT NOT NULL REFERENCES partners(id),
    order_id       TEXT NOT NULL REFERENCES orders(id),
    line_number    INTEGER NOT NULL,
    sku            TEXT NOT NULL,
    name           TEXT NOT NULL,
    quantity       INTEGER NOT NULL,
    billing_period TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('Active', 'Suspended', 'Cancelled')),
    version        BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE (order_id, line_number)
);
CREATE INDEX subscriptions_by_customer ON subscriptions (customer_id, created_at, id);
)sql",
    // 4: demo sandboxes, as SQLite's migration 5 (SQLite's 4 keeps organization counts, which
    // PostgreSQL counts with an index-only scan).
    R"sql(
ALTER TABLE sessions ADD COLUMN ends_at BIGINT NOT NULL DEFAULT 0;
CREATE TABLE sandboxes (
    id             TEXT PRIMARY KEY,
    client_address TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    purged_at      BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sandboxes_by_address ON sandboxes (client_address, created_at);
CREATE INDEX sandboxes_live ON sandboxes (expires_at) WHERE purged_at = 0;
CREATE INDEX users_by_distributor ON users (distributor_id);
CREATE INDEX subscriptions_by_distributor ON subscriptions (distributor_id);
)sql",
    // 5 (SQLite's 8): a customer person's role is their membership's: users.member_id names it, and
    // the
    // role column is left empty for them. Existing customer people are linked to the first
    // member of their organization with the role they were created with.
    R"sql(
ALTER TABLE users ADD COLUMN member_id TEXT NOT NULL DEFAULT '';
UPDATE users SET member_id = COALESCE((
    SELECT m.id FROM members m
     WHERE m.org_id = users.customer_id
       AND m.role = CASE users.role WHEN 'CustomerOwner' THEN 'Owner'
                                    WHEN 'CustomerAdmin' THEN 'Admin' ELSE 'Member' END
     ORDER BY m.created_at, m.id LIMIT 1), '')
 WHERE customer_id <> '';
UPDATE users SET role = '' WHERE member_id <> '';
)sql",
    // 6 (SQLite's 9): settings of this deployment; its CommServ GUID, made once, here.
    R"sql(
CREATE TABLE instance_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO instance_settings (name, value) VALUES ('commcell_guid', gen_random_uuid()::text);
)sql",
}};

}  // namespace orgdesk::platform
