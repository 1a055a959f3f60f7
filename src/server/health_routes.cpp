#include "server/health_routes.hpp"

#include <exception>

#include <spdlog/spdlog.h>

#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

StringResponse health(platform::Store& store) {
    try {
        // Any real query will do: it proves the database opens, reads and answers.
        static_cast<void>(store.find_partner("healthz"));
        return json_response(http::status::ok, {{"status", "ok"}});
    } catch (const std::exception& e) {
        spdlog::error("health check: the store does not answer: {}", e.what());
        return json_response(http::status::service_unavailable, {{"status", "unavailable"}});
    }
}

}  // namespace

void add_health_routes(Router& router, platform::Store& store) {
    router.add({http::verb::get, "/healthz", Access::Public, {}, [&store](const RequestContext&) {
                    return health(store);
                }});
}

}  // namespace orgdesk::server
