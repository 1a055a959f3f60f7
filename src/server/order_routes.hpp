#pragma once
// The order routes of the wire contract (seed 001's five order APIs plus bulk decisions), the
// catalog a customer may order from, and subscriptions.
#include "platform/order_service.hpp"
#include "platform/subscription_service.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

void add_order_routes(Router& router, platform::OrderService& orders,
                      platform::SubscriptionService& subscriptions);

}  // namespace orgdesk::server
