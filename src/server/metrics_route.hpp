#pragma once
// GET /metrics: this instance's figures in the Prometheus text format, read when asked (the
// request counters, the connections, sign-ins and hash queue of this process, and what the
// database holds now). No label carries a tenant, a person or a path.
#include <functional>
#include <string>

#include "platform/service_support.hpp"
#include "platform/store.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

class AuthService;
class PasswordWorkQueue;
class PrometheusText;
class SessionRegistry;

struct MetricsSources {
    std::function<void(PrometheusText&)> requests;  // RequestMetrics::write
    SessionRegistry& connections;
    AuthService& auth;
    PasswordWorkQueue& passwordWork;
    platform::Store& store;
    platform::Clock clock;
};

// With `loopbackOnly`, a client from any other address gets 403 (saying how to reach them).
void add_metrics_route(Router& router, MetricsSources sources, bool loopbackOnly);

}  // namespace orgdesk::server
