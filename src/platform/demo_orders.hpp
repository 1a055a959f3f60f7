#pragma once
// The demo's catalog and order history: every Active or Blocked demo customer's subscriptions
// come from a provisioned order, and several orders wait in the approval queue, with a few
// rejected and one failed, so each screen has something to show.
#include <cstdint>
#include <vector>

#include "core/organization.hpp"
#include "core/product.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

// The demo distributor's products (pure).
std::vector<core::Product> demo_catalog();

// Adds the catalog and the orders of the demo organizations already in `tenant` (with the
// subscriptions provisioned ones made and the audit event of every step), and sets each
// organization's subscription count to its subscriptions (pure).
void add_demo_orders(TenantSeed& tenant, std::int64_t nowMs);

}  // namespace orgdesk::platform
