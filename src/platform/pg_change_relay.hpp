#pragma once
// Live updates across server instances that share one PostgreSQL database: every change
// published into this instance's ChangeFeed is sent as a NOTIFY (its payload the tenant path,
// never data), and a listener thread on its own connection (LISTEN) publishes the changes of the
// other instances into the local feed, which wakes the long polls waiting here.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "platform/change_feed.hpp"

#include <pqxx/connection>

namespace orgdesk::platform {

class PgChangeRelay {
  public:
    // Connects (twice: one connection listens, one notifies), starts listening and relays `feed`
    // until destroyed. Throws pqxx::broken_connection when the database cannot be reached.
    PgChangeRelay(const std::string& connectionString, ChangeFeed& feed);
    ~PgChangeRelay();
    PgChangeRelay(const PgChangeRelay&) = delete;
    PgChangeRelay& operator=(const PgChangeRelay&) = delete;

    static constexpr const char* kChannel = "orgdesk_changes";

  private:
    class Receiver;
    void notify(const core::TenantPath& where);
    void listen_loop();
    void connect_listener();

    std::string connectionString_;
    ChangeFeed& feed_;
    std::string instanceId_;  // tells this instance's own notifications from the others'

    std::mutex notifyMutex_;
    std::unique_ptr<pqxx::connection> notifier_;

    std::unique_ptr<pqxx::connection> listener_;
    std::unique_ptr<Receiver> receiver_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace orgdesk::platform
