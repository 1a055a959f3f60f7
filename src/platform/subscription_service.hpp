#pragma once
// The platform service for subscriptions: a customer's list, and suspend / resume, each one
// write conditional on the version read.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/order_codecs.hpp"
#include "core/result.hpp"
#include "platform/change_feed.hpp"
#include "platform/service_support.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

class SubscriptionService {
  public:
    SubscriptionService(Store& store, Clock clock, ChangeFeed* changes = nullptr);

    // Oldest first, cancelled ones included.
    core::Result<std::vector<core::SubscriptionView>> list(const core::Principal& who,
                                                           std::string_view customerId);
    core::Result<core::SubscriptionView> change(const core::Principal& who, std::string_view id,
                                                core::SubscriptionAction action,
                                                std::optional<std::int64_t> ifMatch = {});

  private:
    Store& store_;
    Clock clock_;
    ChangeFeed* changes_;
};

}  // namespace orgdesk::platform
