#pragma once
// Everything a Server can be told, with the defaults `orgdesk-server` starts with.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/sandbox.hpp"
#include "platform/organization_service.hpp"
#include "platform/provisioning_worker.hpp"
#include "platform/sandbox_tenant.hpp"
#include "server/public_url.hpp"

namespace orgdesk::server {

// Demo sandboxes: POST /api/v1/sandbox/sessions.
struct SandboxOptions {
    bool enabled = true;
    std::chrono::minutes lifetime{60};
    core::SandboxLimits limits;
    platform::SandboxSize size;
    // How often expired sandboxes are looked for and purged.
    std::chrono::milliseconds sweepInterval{30'000};
};

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0: any free port (Server::start says which)
    // Where the web app's files are; without one, only the API is served.
    std::optional<std::filesystem::path> webRoot;
    // The address the server is reached at (--public-url): absolute links point there, and an
    // https one turns Strict-Transport-Security on. Without one, links follow the request's Host.
    std::optional<PublicUrl> publicUrl;

    std::uint32_t maxHeaderBytes = 8 * 1024;
    std::uint64_t maxBodyBytes = 1024 * 1024;
    // For a request to arrive whole (and the keep-alive idle time), and for an answer to leave.
    std::chrono::milliseconds ioTimeout{15'000};
    // For a request's whole header to arrive, from its first byte: cuts off clients that send
    // it slowly (one byte a second) to hold connections open.
    std::chrono::milliseconds headerTimeout{10'000};
    // Connections open at once. At the cap, a new connection closes the one that has waited
    // longest for a request; when none is idle, the new one is answered 503 and closed.
    int maxConnections = 10'000;

    // A session ends after this long without a request.
    std::chrono::milliseconds sessionIdleTimeout = std::chrono::minutes(30);
    // Keep sessions found valid in memory. Only where this server makes every change to the
    // database's sessions: off where instances share a PostgreSQL database, since a sign-out on
    // one must end the session on the others at once.
    bool cacheSessions = true;
    int maxConcurrentPasswordHashes = 2;
    // Sign-ins and password changes waiting for a hash slot; beyond, they are answered 503.
    int maxWaitingPasswordChecks = 64;

    int threads = 0;  // 0: one per hardware thread, at least two
    // How long stop() lets requests in progress finish before it cuts them off.
    std::chrono::milliseconds shutdownGrace{5'000};

    // The background provisioning of approved orders. Off only in tests that drive it by hand.
    bool provisioning = true;
    platform::ProvisioningOptions provisioningOptions;

    SandboxOptions sandboxes;

    // GET /metrics (Prometheus). With an address ("127.0.0.1:9100", "[::1]:9100"; port 0 picks
    // one), it is served there and not on the public port, to anyone who reaches it; without
    // one, on the public port to loopback clients only, unless `metricsPublic`.
    std::optional<std::string> metricsAddress;
    bool metricsPublic = false;

    // Milliseconds since the Unix epoch; empty means the system clock. Tests inject their own.
    platform::Clock clock;
    // Ids of new organizations and members; empty means random UUIDs. Tests inject their own.
    platform::IdGenerator newId;
};

}  // namespace orgdesk::server
