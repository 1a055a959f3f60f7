#pragma once
// The platform service for orders: the catalog a customer may order from, placing orders, the
// approval queue (reads scoped to the caller's tenant) and decisions, each one conditional write.
// Reads and placing live in order_service.cpp, decisions in order_decisions.cpp.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/list_cursor.hpp"
#include "core/order_codecs.hpp"
#include "core/order_placement.hpp"
#include "core/request_codecs.hpp"
#include "core/result.hpp"
#include "platform/change_feed.hpp"
#include "platform/service_support.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

struct OrderListRequest {
    std::optional<core::OrderStatus> status;
    std::string customerId;
    std::int64_t fromMs = 0;    // created at or after
    std::int64_t beforeMs = 0;  // created before
    std::optional<core::ListCursor> after;
    int limit = core::kDefaultPageSize;  // clamped to 1..core::kMaxPageSize
};

// Turns an order as the caller sees it into the answer's body (the server adds absolute links).
using OrderRenderer = std::function<std::string(const core::OrderView&)>;

class OrderService {
  public:
    OrderService(Store& store, Clock clock, IdGenerator newId = {}, ChangeFeed* changes = nullptr);

    // Called after every approval, so provisioning can start at once.
    void on_approved(std::function<void()> hook) { onApproved_ = std::move(hook); }

    // What the organization may order now: its segment's products while it is Active.
    core::Result<std::vector<core::Product>> products(const core::Principal& who,
                                                      std::string_view customerId);

    core::Result<CreateOutcome> place(const core::Principal& who,
                                      const core::PlaceOrderRequest& request,
                                      const std::optional<IdempotencyKey>& idempotency,
                                      const OrderRenderer& render);

    // One page, newest first, with the counts per status of the caller's scope (or customer),
    // every status named, zeros included.
    core::Result<core::OrderPage> list(const core::Principal& who, const OrderListRequest& request);
    core::Result<core::OrderView> get(const core::Principal& who, std::string_view id);

    // Approve or reject (a reason is required to reject). `ifMatch` is the version last seen.
    core::Result<core::OrderView> decide(const core::Principal& who, std::string_view id,
                                         core::OrderAction action, const std::string& reason = {},
                                         std::optional<std::int64_t> ifMatch = {});
    // Each order decided on its own: some may succeed while others fail.
    std::vector<core::BulkDecisionResult> decide_many(const core::Principal& who,
                                                      const core::BulkDecisionRequest& request);

  private:
    core::OrderView view_for(const core::Principal& who, core::Order order,
                             const core::Organization& customer) const;
    core::Result<core::OrderView> view_for(const core::Principal& who, core::Order order);

    Store& store_;
    Clock clock_;
    IdGenerator newId_;
    ChangeFeed* changes_;
    std::function<void()> onApproved_;
};

}  // namespace orgdesk::platform
