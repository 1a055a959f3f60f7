#include "server/api.hpp"

#include <chrono>

#include "server/auth_routes.hpp"
#include "server/change_routes.hpp"
#include "server/customer_routes.hpp"
#include "server/health_routes.hpp"
#include "server/openapi.hpp"
#include "server/order_routes.hpp"
#include "server/sandbox_routes.hpp"
#include "server/seller_routes.hpp"
#include "server/webservice_routes.hpp"

namespace orgdesk::server {

platform::Clock clock_or_system(platform::Clock clock) {
    if (clock)
        return clock;
    return [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
}

Api::Api(platform::Store& store, const ServerOptions& options, const StaticFiles* staticFiles)
    : clock(clock_or_system(options.clock)),
      hasher(options.maxConcurrentPasswordHashes),
      auth(store, hasher, clock, options.sessionIdleTimeout, options.cacheSessions),
      passwordWork(options.maxConcurrentPasswordHashes, options.maxWaitingPasswordChecks),
      organizations(store, clock, options.newId, &changes),
      orders(store, clock, options.newId, &changes),
      subscriptions(store, clock, &changes),
      provisioning(store, clock, options.newId, &changes, options.provisioningOptions),
      sandboxes(store, clock, options.sandboxes),
      application(router, auth, staticFiles, options.publicUrl && options.publicUrl->is_https()) {
    add_auth_routes(router, auth, passwordWork);
    add_customer_routes(router, organizations);
    add_order_routes(router, orders, subscriptions, options.publicUrl);
    add_change_routes(router, changes);
    orders.on_approved([this] { provisioning.wake(); });
    organizations.on_roles_changed(
        [this](std::string_view customerId) { auth.forget_customer(customerId); });
    add_health_routes(router, store);
    add_seller_routes(router, store);
    add_webservice_routes(router, auth, passwordWork, organizations, store, options.publicUrl);
    add_sandbox_routes(router, sandboxes);
    add_openapi_route(router);  // last: it documents the routes added before it
}

}  // namespace orgdesk::server
