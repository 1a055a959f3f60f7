#pragma once
// The one-line result of a decision on many orders, for the toast.
#include <string>
#include <vector>

#include "core/order_codecs.hpp"

namespace orgdesk::app {

// "12 approved, 1 failed: This order was already rejected by Ann Lee." Each distinct reason the
// server gave is said once.
std::string bulk_summary(core::OrderAction action,
                         const std::vector<core::BulkDecisionResult>& results);

}  // namespace orgdesk::app
