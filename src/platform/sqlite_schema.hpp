#pragma once
// The SQLite schema as an ordered list of migrations. Migration N moves the database from
// user_version N-1 to N; a migration, once released, is never edited: add a new one instead.
#include <array>
#include <string_view>

namespace orgdesk::platform {

inline constexpr std::array<std::string_view, 9> kSqliteMigrations{{
    // 1: partners, organizations with their search keys, users, sessions, audit trail.
    R"sql(
CREATE TABLE partners (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    distributor_id TEXT REFERENCES partners(id)
);
CREATE TABLE organizations (
    id                 TEXT PRIMARY KEY,
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
    subscription_count INTEGER NOT NULL DEFAULT 0,
    user_count         INTEGER NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX organizations_by_seller ON organizations (seller_id, created_at DESC, id DESC);
CREATE INDEX organizations_by_distributor
    ON organizations (distributor_id, created_at DESC, id DESC);
CREATE TABLE organization_search_keys (
    key    TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    PRIMARY KEY (key, org_id)
) WITHOUT ROWID;
CREATE INDEX organization_search_keys_by_org ON organization_search_keys (org_id);
CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    distributor_id TEXT NOT NULL DEFAULT '',
    seller_id      TEXT NOT NULL DEFAULT '',
    customer_id    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    secret_hash  TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
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
    // idempotency keys. SQLite cannot add a UNIQUE NOT NULL column in one step: add it with a
    // default, number the existing rows in insertion (rowid) order, then make it unique.
    R"sql(
ALTER TABLE organizations ADD COLUMN provider_id INTEGER NOT NULL DEFAULT 0;
UPDATE organizations
   SET provider_id = numbered.n
  FROM (SELECT rowid AS rid, row_number() OVER (ORDER BY rowid) AS n FROM organizations) AS numbered
 WHERE organizations.rowid = numbered.rid;
CREATE UNIQUE INDEX organizations_by_provider_id ON organizations (provider_id);
ALTER TABLE organizations ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE members (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('Owner', 'Admin', 'Member')),
    created_at INTEGER NOT NULL
);
CREATE INDEX members_by_org ON members (org_id, created_at, id);
CREATE TABLE idempotency_keys (
    user_id      TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
)sql",
    // 3: the catalog, orders and subscriptions. An order's lines never change once placed, so
    // they are kept as one JSON document; the tenant ids are copied from the customer so every
    // list is one indexed range. One subscription per order line, enforced by the database.
    R"sql(
CREATE TABLE products (
    distributor_id TEXT NOT NULL REFERENCES partners(id),
    sku            TEXT NOT NULL,
    name           TEXT NOT NULL,
    unit_price     INTEGER NOT NULL,
    currency       TEXT NOT NULL,
    billing_period TEXT NOT NULL CHECK (billing_period IN ('Monthly', 'Annual')),
    segments       TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (distributor_id, sku)
) WITHOUT ROWID;
CREATE TABLE orders (
    id               TEXT PRIMARY KEY,
    customer_id      TEXT NOT NULL REFERENCES organizations(id),
    seller_id        TEXT NOT NULL REFERENCES partners(id),
    distributor_id   TEXT NOT NULL REFERENCES partners(id),
    lines            TEXT NOT NULL,
    currency         TEXT NOT NULL,
    net              INTEGER NOT NULL,
    tax              INTEGER NOT NULL,
    total            INTEGER NOT NULL,
    tax_rate         INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('PendingApproval', 'Approved',
                                         'Provisioning', 'Provisioned', 'Failed', 'Rejected')),
    placed_by_id     TEXT NOT NULL,
    placed_by_name   TEXT NOT NULL,
    decided_by_id    TEXT NOT NULL DEFAULT '',
    decided_by_name  TEXT NOT NULL DEFAULT '',
    decided_at       INTEGER NOT NULL DEFAULT 0,
    rejection_reason TEXT NOT NULL DEFAULT '',
    failure_reason   TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX orders_by_seller ON orders (seller_id, created_at DESC, id DESC);
CREATE INDEX orders_by_distributor ON orders (distributor_id, created_at DESC, id DESC);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX orders_to_provision ON orders (decided_at, id)
    WHERE status IN ('Approved', 'Provisioning');
CREATE TABLE subscriptions (
    id             TEXT PRIMARY KEY,
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
    version        INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (order_id, line_number)
);
CREATE INDEX subscriptions_by_customer ON subscriptions (customer_id, created_at, id);
)sql",
    // 4: organizations per distributor or seller and status, kept by triggers in the writing
    // transaction, so a list's counts are a few rows read instead of a count over every
    // organization of the tenant (with a million, that count alone took longer than the page).
    R"sql(
CREATE TABLE organization_counts (
    level      TEXT NOT NULL CHECK (level IN ('distributor', 'seller')),
    partner_id TEXT NOT NULL,
    status     TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (level, partner_id, status)
) WITHOUT ROWID;
INSERT INTO organization_counts (level, partner_id, status, n)
    SELECT 'distributor', distributor_id, status, count(*) FROM organizations
     GROUP BY distributor_id, status;
INSERT INTO organization_counts (level, partner_id, status, n)
    SELECT 'seller', seller_id, status, count(*) FROM organizations GROUP BY seller_id, status;
CREATE TRIGGER organization_counts_on_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO organization_counts VALUES ('distributor', NEW.distributor_id, NEW.status, 1)
        ON CONFLICT (level, partner_id, status) DO UPDATE SET n = n + 1;
    INSERT INTO organization_counts VALUES ('seller', NEW.seller_id, NEW.status, 1)
        ON CONFLICT (level, partner_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER organization_counts_on_delete AFTER DELETE ON organizations BEGIN
    UPDATE organization_counts SET n = n - 1
     WHERE level = 'distributor' AND partner_id = OLD.distributor_id AND status = OLD.status;
    UPDATE organization_counts SET n = n - 1
     WHERE level = 'seller' AND partner_id = OLD.seller_id AND status = OLD.status;
END;
CREATE TRIGGER organization_counts_on_update
AFTER UPDATE OF status, distributor_id, seller_id ON organizations
WHEN OLD.status IS NOT NEW.status OR OLD.distributor_id IS NOT NEW.distributor_id
     OR OLD.seller_id IS NOT NEW.seller_id
BEGIN
    UPDATE organization_counts SET n = n - 1
     WHERE level = 'distributor' AND partner_id = OLD.distributor_id AND status = OLD.status;
    UPDATE organization_counts SET n = n - 1
     WHERE level = 'seller' AND partner_id = OLD.seller_id AND status = OLD.status;
    INSERT INTO organization_counts VALUES ('distributor', NEW.distributor_id, NEW.status, 1)
        ON CONFLICT (level, partner_id, status) DO UPDATE SET n = n + 1;
    INSERT INTO organization_counts VALUES ('seller', NEW.seller_id, NEW.status, 1)
        ON CONFLICT (level, partner_id, status) DO UPDATE SET n = n + 1;
END;
)sql",
    // 5: demo sandboxes. A session may have a hard end (a sandbox's sessions end with it). A
    // sandbox's record outlives the purge of its tenant, so the per-address limit still counts
    // it; the tenant's rows are found by its distributor id, indexed on every table.
    R"sql(
ALTER TABLE sessions ADD COLUMN ends_at INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sandboxes (
    id             TEXT PRIMARY KEY,
    client_address TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    purged_at      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sandboxes_by_address ON sandboxes (client_address, created_at);
CREATE INDEX sandboxes_live ON sandboxes (expires_at) WHERE purged_at = 0;
CREATE INDEX users_by_distributor ON users (distributor_id);
CREATE INDEX subscriptions_by_distributor ON subscriptions (distributor_id);
CREATE INDEX partners_by_distributor ON partners (distributor_id);
)sql",
    // 6: a search key carries its organization's scope, status and creation time, so a search's
    // page is chosen among its matching keys alone (they are the primary key's rows, read in one
    // range) and only the page's organizations are read. A trigger keeps them following the row.
    R"sql(
ALTER TABLE organization_search_keys ADD COLUMN distributor_id TEXT NOT NULL DEFAULT '';
ALTER TABLE organization_search_keys ADD COLUMN seller_id TEXT NOT NULL DEFAULT '';
ALTER TABLE organization_search_keys ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE organization_search_keys ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
UPDATE organization_search_keys
   SET (distributor_id, seller_id, status, created_at) =
       (SELECT o.distributor_id, o.seller_id, o.status, o.created_at
          FROM organizations o WHERE o.id = organization_search_keys.org_id);
CREATE TRIGGER organization_search_keys_follow
AFTER UPDATE OF status, distributor_id, seller_id, created_at ON organizations
BEGIN
    UPDATE organization_search_keys
       SET distributor_id = NEW.distributor_id, seller_id = NEW.seller_id, status = NEW.status,
           created_at = NEW.created_at
     WHERE org_id = NEW.id;
END;
)sql",
    // 7: the search keys are ordered by status first, so a search within a status reads only
    // that status's matching keys (a list of every status reads one range per status), not the
    // keys of every status under the prefix. The table is rebuilt with that primary key.
    R"sql(
DROP TRIGGER organization_search_keys_follow;
CREATE TABLE organization_search_keys_by_status (
    status         TEXT NOT NULL,
    key            TEXT NOT NULL,
    org_id         TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    distributor_id TEXT NOT NULL,
    seller_id      TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (status, key, org_id)
) WITHOUT ROWID;
INSERT INTO organization_search_keys_by_status
       (status, key, org_id, distributor_id, seller_id, created_at)
SELECT status, key, org_id, distributor_id, seller_id, created_at FROM organization_search_keys;
DROP TABLE organization_search_keys;
ALTER TABLE organization_search_keys_by_status RENAME TO organization_search_keys;
CREATE INDEX organization_search_keys_by_org ON organization_search_keys (org_id);
CREATE TRIGGER organization_search_keys_follow
AFTER UPDATE OF status, distributor_id, seller_id, created_at ON organizations
BEGIN
    UPDATE organization_search_keys
       SET distributor_id = NEW.distributor_id, seller_id = NEW.seller_id, status = NEW.status,
           created_at = NEW.created_at
     WHERE org_id = NEW.id;
END;
)sql",
    // 8: a customer person's role is their membership's: users.member_id names it, and the
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
    // 9: settings of this deployment; its CommServ GUID (Commvault's CommServ call), a random
    // version 4 UUID made once, here.
    R"sql(
CREATE TABLE instance_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO instance_settings (name, value)
SELECT 'commcell_guid', lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3)
                              || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12))
  FROM (SELECT hex(randomblob(16)) AS h);
)sql",
}};

}  // namespace orgdesk::platform
