#include "platform/pg_change_relay.hpp"

#include <chrono>
#include <random>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

namespace orgdesk::platform {
namespace {

std::string random_instance_id() {
    std::random_device random;
    std::string id;
    for (int i = 0; i < 4; ++i)
        id += std::to_string(random());
    return id;
}

}  // namespace

class PgChangeRelay::Receiver final : public pqxx::notification_receiver {
  public:
    Receiver(pqxx::connection& connection, const PgChangeRelay& relay)
        : pqxx::notification_receiver(connection, kChannel), relay_(relay) {}

    void operator()(const std::string& payload, int) override {
        const auto json = nlohmann::json::parse(payload, nullptr, false);
        if (!json.is_object() || json.value("from", "") == relay_.instanceId_)
            return;  // this instance's own change was published here already
        const auto distributor = json.value("d", "");
        const auto seller = json.value("s", "");
        const auto customer = json.value("c", "");
        relay_.feed_.publish_remote({distributor, seller, customer});
    }

  private:
    const PgChangeRelay& relay_;
};

PgChangeRelay::PgChangeRelay(const std::string& connectionString, ChangeFeed& feed)
    : connectionString_(connectionString), feed_(feed), instanceId_(random_instance_id()) {
    notifier_ = std::make_unique<pqxx::connection>(connectionString_);
    connect_listener();
    feed_.set_relay([this](const core::TenantPath& where) { notify(where); });
    thread_ = std::thread([this] { listen_loop(); });
}

PgChangeRelay::~PgChangeRelay() {
    feed_.set_relay({});
    stopping_ = true;
    if (thread_.joinable())
        thread_.join();
}

void PgChangeRelay::connect_listener() {
    receiver_.reset();
    listener_ = std::make_unique<pqxx::connection>(connectionString_);
    receiver_ = std::make_unique<Receiver>(*listener_, *this);
}

void PgChangeRelay::notify(const core::TenantPath& where) {
    const nlohmann::json payload = {{"from", instanceId_},
                                    {"d", where.distributorId},
                                    {"s", where.sellerId},
                                    {"c", where.customerId}};
    // The change is committed already: a failure here only delays the other instances' view
    // (their long polls end by their timeout and read again), so it is logged, not thrown.
    std::lock_guard lock(notifyMutex_);
    for (int attempt = 1; attempt <= 2; ++attempt) {
        try {
            if (!notifier_ || !notifier_->is_open())
                notifier_ = std::make_unique<pqxx::connection>(connectionString_);
            pqxx::nontransaction tx(*notifier_);
            tx.exec_params("SELECT pg_notify($1, $2)", std::string(kChannel), payload.dump());
            return;
        } catch (const std::exception& e) {
            notifier_.reset();
            if (attempt == 2)
                spdlog::warn("could not tell other instances of a change: {}", e.what());
        }
    }
}

void PgChangeRelay::listen_loop() {
    while (!stopping_) {
        try {
            if (!listener_)
                connect_listener();
            listener_->await_notification(0, 250'000);  // wakes to see whether to stop
        } catch (const std::exception& e) {
            // Changes made while disconnected are not heard of; long polls here end by their
            // timeout and read again, so nothing is lost for good.
            spdlog::warn("change listener: {}; reconnecting", e.what());
            receiver_.reset();
            listener_.reset();
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    }
    receiver_.reset();
    listener_.reset();
}

}  // namespace orgdesk::platform
