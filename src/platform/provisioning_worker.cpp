#include "platform/provisioning_worker.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "core/json_codecs.hpp"
#include "core/order_lifecycle.hpp"

namespace orgdesk::platform {
namespace {

constexpr int kBatch = 50;

std::string failure_reason(const std::optional<core::Organization>& org) {
    if (!org)
        return "The customer organization no longer exists.";
    return "The customer organization is " + std::string(core::to_string(org->status)) +
           "; provisioning needs an Active organization. Place the order again once it is "
           "Active.";
}

core::Json status_json(core::OrderStatus status) {
    return {{"status", core::to_string(status)}};
}

}  // namespace

ProvisioningWorker::ProvisioningWorker(Store& store, Clock clock, IdGenerator newId,
                                       ChangeFeed* changes, ProvisioningOptions options)
    : store_(store),
      clock_(std::move(clock)),
      newId_(newId ? std::move(newId) : random_uuid_generator()),
      changes_(changes),
      options_(options),
      thread_([this] { return pass(); }) {}

ProvisioningWorker::~ProvisioningWorker() {
    stop();
}

void ProvisioningWorker::start() {
    thread_.start();
}

void ProvisioningWorker::stop() {
    thread_.stop();
}

void ProvisioningWorker::wake() {
    thread_.wake();
}

std::chrono::milliseconds ProvisioningWorker::pass() {
    std::int64_t nextDueMs = 0;
    try {
        if (run_once(nextDueMs) > 0)
            return {};  // the orders just moved have their next step to schedule
    } catch (const std::exception& e) {
        // A database fault: the orders stay where they are and are tried again.
        spdlog::error("provisioning: {}", e.what());
    }
    auto wait = options_.pollInterval;
    if (nextDueMs > 0) {
        wait = std::min(wait,
                        std::chrono::milliseconds(std::max<std::int64_t>(1, nextDueMs - clock_())));
    }
    return wait;
}

int ProvisioningWorker::run_once(std::int64_t& nextDueMs) {
    nextDueMs = 0;
    int steps = 0;
    const auto delay = options_.stepDelay.count();
    for (const auto& order : store_.orders_to_provision(kBatch)) {
        const std::int64_t due = order.updatedAtMs + delay;
        if (due > clock_()) {
            nextDueMs = nextDueMs == 0 ? due : std::min(nextDueMs, due);
            continue;
        }
        if (step(order))
            ++steps;
    }
    return steps;
}

bool ProvisioningWorker::step(const core::Order& order) {
    const std::int64_t now = clock_();
    OrderTransition transition;
    transition.from = order.status;
    transition.after = order;
    transition.after.version = order.version + 1;
    transition.after.updatedAtMs = now;
    std::string action;
    if (order.status == core::OrderStatus::Approved) {
        transition.after.status = core::OrderStatus::Provisioning;
        action = "provisioning";
    } else {
        const auto org = store_.find_organization(order.customerId);
        const bool active = org && org->status == core::OrgStatus::Active;
        // Decided on the customer's status as read: if it changes before the write (a suspension
        // that cancels subscriptions, say), nothing is written and the next run decides again.
        if (org)
            transition.customerStatus = org->status;
        transition.after.status = *core::provisioning_step(order.status, active);
        if (active) {
            std::vector<std::string> ids;
            for (std::size_t i = 0; i < order.lines.size(); ++i)
                ids.push_back(newId_());
            transition.subscriptions = core::subscriptions_for(order, ids, now);
            action = "provisioned";
        } else {
            transition.after.failureReason = failure_reason(org);
            action = "fail";
        }
    }
    core::Json after = status_json(transition.after.status);
    if (!transition.after.failureReason.empty())
        after["reason"] = transition.after.failureReason;
    transition.audit = {
        now, "system", action, "order", order.id, status_json(order.status).dump(), after.dump()};
    // Conditional on the status read: if another worker took this step first, nothing happens.
    if (!store_.transition_order(transition))
        return false;
    if (changes_ != nullptr)
        changes_->publish(tenant_path_of(transition.after));
    return true;
}

}  // namespace orgdesk::platform
