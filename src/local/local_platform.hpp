#pragma once
// The offline sandbox's platform: the same services and routes as the server (server::Api) over
// the same SQLite store, here an in-memory database inside the page. Requests come in as the
// app's HttpRequest and answers go out as HttpAnswered, through the same HttpApplication that
// serves the network, so no rule or route exists twice. No threads: what the server does in the
// background (provisioning, a long poll's time running out, purging ended sandboxes) runs from
// browser timers here.
#include <cstdint>
#include <functional>
#include <memory>

#include "app/effects.hpp"
#include "app/events.hpp"
#include "platform/sqlite_store.hpp"
#include "server/api.hpp"

namespace orgdesk::local {

class LocalPlatform {
  public:
    using Answer = std::function<void(app::HttpAnswered)>;

    LocalPlatform();
    LocalPlatform(const LocalPlatform&) = delete;
    LocalPlatform& operator=(const LocalPlatform&) = delete;

    // Handles `request` and calls `answer` once: before returning, or later for a long poll.
    void handle(const app::HttpRequest& request, Answer answer);

  private:
    static server::ServerOptions options();
    // Takes approved orders a step further now or when the next one falls due, as the server's
    // provisioning thread would.
    void schedule_provisioning(std::int64_t atMs);
    static void provisioning_due(void* run);
    void provision();
    static void sweep_ended_sandboxes(void* platform);

    platform::SqliteStore store_;
    server::Api api_;
    std::int64_t provisioningAtMs_ = 0;   // when the next provisioning run is scheduled; 0: none
    std::uintptr_t provisioningRun_ = 0;  // the run that is scheduled: later ones supersede it
};

}  // namespace orgdesk::local
