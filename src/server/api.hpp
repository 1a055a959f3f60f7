#pragma once
// The REST API with every service behind it, and no sockets: what the server serves over the
// network, and what the web app's offline sandbox runs inside the page. One wiring of the routes
// for both, so neither can answer differently.
#include "platform/change_feed.hpp"
#include "platform/order_service.hpp"
#include "platform/organization_service.hpp"
#include "platform/provisioning_worker.hpp"
#include "platform/store.hpp"
#include "platform/subscription_service.hpp"
#include "server/auth_service.hpp"
#include "server/http_application.hpp"
#include "server/password_hasher.hpp"
#include "server/password_work_queue.hpp"
#include "server/router.hpp"
#include "server/sandbox_service.hpp"
#include "server/server_options.hpp"
#include "server/static_files.hpp"

namespace orgdesk::server {

// The system clock in milliseconds since the Unix epoch, unless `clock` is set (tests).
platform::Clock clock_or_system(platform::Clock clock);

struct Api {
    // The store must outlive the Api; `staticFiles` (may be null) too. The provisioning worker
    // is not started: the server starts its thread, the offline sandbox drives it from timers.
    Api(platform::Store& store, const ServerOptions& options, const StaticFiles* staticFiles);
    Api(const Api&) = delete;
    Api& operator=(const Api&) = delete;

    platform::Clock clock;
    PasswordHasher hasher;
    AuthService auth;
    // Declared after what its work uses, so it stops (joining its threads) before they go.
    PasswordWorkQueue passwordWork;
    platform::ChangeFeed changes;
    platform::OrganizationService organizations;
    platform::OrderService orders;
    platform::SubscriptionService subscriptions;
    platform::ProvisioningWorker provisioning;
    SandboxService sandboxes;
    Router router;
    HttpApplication application;
};

}  // namespace orgdesk::server
