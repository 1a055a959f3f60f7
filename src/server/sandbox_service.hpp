#pragma once
// Demo sandboxes: creates one (within the limits core/sandbox.hpp decides, judged on what the
// store holds, so several instances on one database share them) with a session per demo role,
// and purges those that have ended.
#include <string_view>

#include "core/result.hpp"
#include "core/sandbox.hpp"
#include "platform/service_support.hpp"
#include "platform/store.hpp"
#include "server/server_options.hpp"

namespace orgdesk::server {

class SandboxService {
  public:
    SandboxService(platform::Store& store, platform::Clock clock, SandboxOptions options);

    bool enabled() const { return options_.enabled; }

    // A new sandbox for a visitor at `clientAddress`, or why not: switched off (404), or a limit
    // reached (429 with the wait).
    core::Result<core::SandboxSession> create(std::string_view clientAddress);

    // Purges every sandbox that has ended; returns how many.
    int purge_expired();

  private:
    platform::Store& store_;
    platform::Clock clock_;
    SandboxOptions options_;
    platform::IdGenerator newId_;
};

}  // namespace orgdesk::server
