#include "server/server.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>

#include "server/api.hpp"
#include "server/listener.hpp"
#include "server/metrics_route.hpp"
#include "server/prometheus_text.hpp"
#include "server/request_metrics.hpp"
#include "server/sandbox_sweeper.hpp"
#include "server/session_registry.hpp"
#include "server/static_files.hpp"

namespace orgdesk::server {
namespace {

namespace net = boost::asio;

int thread_count(int requested) {
    if (requested > 0)
        return requested;
    // Handlers block on SQLite and password hashing, so even one core gets a second thread.
    return std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
}

net::ip::tcp::endpoint endpoint_of(const ServerOptions& options) {
    boost::system::error_code ec;
    const auto address = net::ip::make_address(options.host, ec);
    if (ec) {
        throw std::runtime_error("The host " + options.host +
                                 " is not an IP address (use 127.0.0.1, 0.0.0.0 or ::).");
    }
    return {address, options.port};
}

// "host:port", the host an IP address, in brackets for IPv6.
net::ip::tcp::endpoint metrics_endpoint_of(const std::string& address) {
    const auto colon = address.rfind(':');
    std::string host = colon == std::string::npos ? "" : address.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    int port = -1;
    if (colon != std::string::npos) {
        try {
            std::size_t used = 0;
            port = std::stoi(address.substr(colon + 1), &used);
            if (used != address.size() - colon - 1)
                port = -1;
        } catch (const std::exception&) {
            port = -1;
        }
    }
    boost::system::error_code ec;
    const auto ip = net::ip::make_address(host, ec);
    if (ec || port < 0 || port > 65535) {
        throw std::runtime_error("The metrics address " + address +
                                 " is not an IP address and port (use 127.0.0.1:9100 or "
                                 "[::1]:9100).");
    }
    return {ip, static_cast<std::uint16_t>(port)};
}

std::optional<StaticFiles> static_files_of(const ServerOptions& options) {
    if (!options.webRoot)
        return std::nullopt;
    return StaticFiles(*options.webRoot);
}

}  // namespace

struct Server::Impl {
    Impl(platform::Store& store, ServerOptions serverOptions)
        : options(std::move(serverOptions)),
          staticFiles(static_files_of(options)),
          api(store, options, staticFiles ? &*staticFiles : nullptr),
          sandboxSweeper(api.sandboxes, options.sandboxes.sweepInterval),
          limits{options.maxHeaderBytes, options.maxBodyBytes, options.ioTimeout,
                 options.headerTimeout,
                 static_cast<std::size_t>(std::max(1, options.maxConnections))},
          metricsApplication(metricsRouter, api.auth, nullptr,
                             options.publicUrl && options.publicUrl->is_https()) {
        api.hasher.prepare_decoy();
        MetricsSources sources{[this](PrometheusText& out) { requestMetrics->write(out); },
                               sessions,
                               api.auth,
                               api.passwordWork,
                               store,
                               api.clock};
        if (options.metricsAddress)
            add_metrics_route(metricsRouter, std::move(sources), false);
        else
            add_metrics_route(api.router, std::move(sources), !options.metricsPublic);
        // Every route is in place: the request counters get a row for each.
        requestMetrics = std::make_unique<RequestMetrics>(
            std::vector<const Router*>{&api.router, &metricsRouter});
    }

    void run_io(net::io_context& context) {
        // A handler that throws past HttpApplication is a bug, but must not end the server.
        while (true) {
            try {
                context.run();
                break;
            } catch (const std::exception& e) {
                spdlog::error("unexpected error in a server thread: {}", e.what());
            }
        }
        std::lock_guard lock(mutex);
        --runningThreads;
        threadsDone.notify_all();
    }

    ServerOptions options;
    std::optional<StaticFiles> staticFiles;
    Api api;
    SandboxSweeper sandboxSweeper;
    ConnectionLimits limits;

    // One I/O context per thread, each run by its thread alone: a connection's handlers never
    // run at once, without a strand, and the threads do not contend for one queue.
    std::vector<std::unique_ptr<net::io_context>> contexts;
    // Keeps each context's run() going while it has no connection; dropped at stop.
    std::vector<net::executor_work_guard<net::io_context::executor_type>> keepRunning;
    // /metrics on a port of its own (ServerOptions::metricsAddress): only that route there.
    Router metricsRouter;
    HttpApplication metricsApplication;
    std::unique_ptr<RequestMetrics> requestMetrics;
    SessionRegistry sessions;
    std::shared_ptr<Listener> listener;
    std::shared_ptr<Listener> metricsListener;
    std::vector<std::thread> threads;

    std::mutex mutex;
    std::condition_variable threadsDone;
    int runningThreads = 0;
};

Server::Server(platform::Store& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}

Server::~Server() {
    stop();
}

std::optional<std::uint16_t> Server::metrics_port() const {
    if (!impl_->metricsListener)
        return std::nullopt;
    return impl_->metricsListener->port();
}

const Router& Server::router() const {
    return impl_->api.router;
}

platform::ChangeFeed& Server::changes() {
    return impl_->api.changes;
}

const PasswordHasher& Server::password_hasher() const {
    return impl_->api.hasher;
}

const HttpApplication& Server::application() const {
    return impl_->api.application;
}

std::uint16_t Server::start() {
    if (impl_->listener)
        throw std::logic_error("Server::start called twice");
    const int count = thread_count(impl_->options.threads);
    std::vector<net::io_context*> contexts;
    for (int i = 0; i < count; ++i) {
        auto& context = *impl_->contexts.emplace_back(std::make_unique<net::io_context>(1));
        impl_->keepRunning.push_back(net::make_work_guard(context));
        contexts.push_back(&context);
    }
    impl_->listener =
        std::make_shared<Listener>(contexts, endpoint_of(impl_->options), impl_->api.application,
                                   impl_->limits, impl_->sessions, *impl_->requestMetrics);
    if (impl_->options.metricsAddress) {
        impl_->metricsListener = std::make_shared<Listener>(
            contexts, metrics_endpoint_of(*impl_->options.metricsAddress),
            impl_->metricsApplication, impl_->limits, impl_->sessions, *impl_->requestMetrics);
    }
    impl_->listener->start();
    if (impl_->metricsListener)
        impl_->metricsListener->start();
    if (impl_->options.provisioning)
        impl_->api.provisioning.start();
    if (impl_->api.sandboxes.enabled())
        impl_->sandboxSweeper.start();
    impl_->runningThreads = count;
    for (auto* context : contexts)
        impl_->threads.emplace_back([this, context] { impl_->run_io(*context); });
    return impl_->listener->port();
}

void Server::stop() {
    impl_->api.provisioning.stop();
    impl_->sandboxSweeper.stop();
    if (impl_->threads.empty()) {
        impl_->api.passwordWork.stop();
        return;
    }
    impl_->listener->stop();
    if (impl_->metricsListener)
        impl_->metricsListener->stop();
    impl_->keepRunning.clear();
    {
        // With no work guard, each thread returns from run() by itself once the last of its
        // connections has closed. A connection still busy after the grace period is cut off.
        std::unique_lock lock(impl_->mutex);
        impl_->threadsDone.wait_for(lock, impl_->options.shutdownGrace,
                                    [this] { return impl_->runningThreads == 0; });
    }
    // Sign-ins still waiting hold their connections: they go while the I/O context can close them.
    impl_->api.passwordWork.stop();
    for (auto& context : impl_->contexts)
        context->stop();
    for (auto& thread : impl_->threads)
        thread.join();
    impl_->threads.clear();
}

}  // namespace orgdesk::server
