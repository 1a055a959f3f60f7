#pragma once
// The order routes of the wire contract (seed 001's five order APIs plus bulk decisions), the
// catalog a customer may order from, and subscriptions.
#include <optional>

#include "platform/order_service.hpp"
#include "platform/subscription_service.hpp"
#include "server/public_url.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

// Absolute links in the answers start with `publicUrl`; without one, with the request's Host.
void add_order_routes(Router& router, platform::OrderService& orders,
                      platform::SubscriptionService& subscriptions,
                      std::optional<PublicUrl> publicUrl);

}  // namespace orgdesk::server
