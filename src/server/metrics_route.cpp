#include "server/metrics_route.hpp"

#include <chrono>
#include <exception>
#include <string_view>

#include <spdlog/spdlog.h>
#include <boost/asio/ip/address.hpp>

#include "server/auth_service.hpp"
#include "server/build_info.hpp"
#include "server/password_work_queue.hpp"
#include "server/problems.hpp"
#include "server/prometheus_text.hpp"
#include "server/responses.hpp"
#include "server/session_registry.hpp"

namespace orgdesk::server {
namespace {

bool is_loopback(std::string_view address) {
    boost::system::error_code ec;
    const auto parsed = boost::asio::ip::make_address(address, ec);
    if (ec)
        return false;
    if (parsed.is_v6() && parsed.to_v6().is_v4_mapped())
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, parsed.to_v6())
            .is_loopback();
    return parsed.is_loopback();
}

void gauge(PrometheusText& out, std::string_view name, std::string_view help, double value) {
    out.family(name, "gauge", help);
    out.sample(name, {}, value);
}

void counter(PrometheusText& out, std::string_view name, std::string_view help,
             std::uint64_t value) {
    out.family(name, "counter", help);
    out.sample(name, {}, value);
}

// What the database holds now, for every tenant together. A database that does not answer
// leaves these out and says so in orgdesk_database_up, so the rest still reaches Prometheus.
void write_database(PrometheusText& out, const MetricsSources& sources) {
    const std::int64_t now = sources.clock();
    platform::OperationsSnapshot snapshot;
    platform::DatabaseUse use;
    bool up = true;
    try {
        snapshot = sources.store.operations_snapshot(now);
        use = sources.store.database_use();
    } catch (const std::exception& e) {
        spdlog::error("metrics: the database does not answer: {}", e.what());
        up = false;
    }
    gauge(out, "orgdesk_database_up", "1 when the database answered this scrape's queries.",
          up ? 1 : 0);
    if (!up)
        return;
    gauge(out, "orgdesk_sessions_live", "Sessions that would be accepted now, on all instances.",
          static_cast<double>(snapshot.sessionsLive));
    gauge(out, "orgdesk_orders_pending_approval", "Orders waiting for approval.",
          static_cast<double>(snapshot.ordersPendingApproval));
    gauge(out, "orgdesk_orders_pending_approval_oldest_age_seconds",
          "How long the oldest order waiting for approval has waited (0 when none waits).",
          snapshot.oldestPendingCreatedAtMs == 0
              ? 0.0
              : static_cast<double>(now - snapshot.oldestPendingCreatedAtMs) / 1000.0);
    gauge(out, "orgdesk_provisioning_backlog", "Approved orders not yet provisioned.",
          static_cast<double>(snapshot.provisioningBacklog));
    gauge(out, "orgdesk_sandboxes_live", "Demo sandboxes live now.",
          static_cast<double>(snapshot.sandboxesLive));
    gauge(out, "orgdesk_database_connections_open",
          "This instance's database connections open (idle or in use).",
          static_cast<double>(use.connectionsOpen));
    gauge(out, "orgdesk_database_connections_in_use",
          "This instance's database connections in use now.",
          static_cast<double>(use.connectionsInUse));
    if (use.walBytes) {
        gauge(out, "orgdesk_sqlite_wal_bytes", "Size of the SQLite write-ahead log file.",
              static_cast<double>(*use.walBytes));
    }
}

StringResponse metrics(const MetricsSources& sources) {
    PrometheusText out;
    out.family("orgdesk_build_info", "gauge", "The version and commit of this server; always 1.");
    out.sample("orgdesk_build_info", {{"version", build_version()}, {"commit", build_commit()}},
               std::uint64_t{1});
    sources.requests(out);
    gauge(out, "orgdesk_http_connections_open", "HTTP connections open on this instance.",
          static_cast<double>(sources.connections.open_connections()));
    const auto signIns = sources.auth.sign_in_counts();
    counter(out, "orgdesk_sign_in_failures_total",
            "Sign-ins and password changes refused for a wrong password, on this instance.",
            signIns.failures);
    counter(out, "orgdesk_sign_in_lockouts_total",
            "Accounts or addresses locked out by a failed sign-in, on this instance.",
            signIns.lockOuts);
    gauge(out, "orgdesk_password_hash_queue_depth",
          "Sign-ins and password changes waiting for a password-hash worker.",
          static_cast<double>(sources.passwordWork.waiting()));
    write_database(out, sources);

    StringResponse response{http::status::ok, 11};
    response.set(http::field::content_type, kPrometheusContentType);
    response.body() = out.take();
    response.prepare_payload();
    return response;
}

}  // namespace

void add_metrics_route(Router& router, MetricsSources sources, bool loopbackOnly) {
    router.add({http::verb::get,
                "/metrics",
                Access::Public,
                {},
                [sources = std::move(sources), loopbackOnly](const RequestContext& context) {
                    if (loopbackOnly && !is_loopback(context.clientAddress))
                        return problem_response(metrics_not_served_here());
                    return metrics(sources);
                }});
}

}  // namespace orgdesk::server
