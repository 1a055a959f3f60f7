#pragma once
// The Orgdesk HTTP server: the REST API and the web app's files, over one Store. Runs in its own
// threads, so a test can start one in-process on port 0 and talk to it over loopback.
#include <cstdint>
#include <memory>
#include <optional>

#include "platform/change_feed.hpp"
#include "platform/store.hpp"
#include "server/server_options.hpp"

namespace orgdesk::server {

class HttpApplication;
class PasswordHasher;
class Router;

class Server {
  public:
    // The store must outlive the server; it is used from several threads at once.
    Server(platform::Store& store, ServerOptions options);
    ~Server();  // stops, if still running
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds, starts the threads, and returns the bound port. Once per Server. Throws
    // std::runtime_error (saying why) when it cannot listen.
    std::uint16_t start();
    // The port /metrics is served on when ServerOptions::metricsAddress is set (after start()).
    std::optional<std::uint16_t> metrics_port() const;

    // Stops accepting, lets requests in progress finish (within ServerOptions::shutdownGrace),
    // closes every connection and joins the threads. Idempotent.
    void stop();

    // The route table, for tests that walk it.
    const Router& router() const;
    // Where this server's changes are published and its long polls wait: a relay to other
    // instances (PgChangeRelay) attaches here, before start().
    platform::ChangeFeed& changes();
    // The password hasher, for tests that count the hashes running at once.
    const PasswordHasher& password_hasher() const;
    // The request handling without the sockets, for the fuzz target that feeds it whole requests.
    // Usable without start().
    const HttpApplication& application() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace orgdesk::server
