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

// Writes the catalog and the orders of `orgs` (the demo organizations as inserted).
void seed_demo_orders(Store& store, std::int64_t nowMs,
                      const std::vector<core::Organization>& orgs);

}  // namespace orgdesk::platform
