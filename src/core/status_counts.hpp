#pragma once
// The counts per status a list page carries: every status the list can show, zeros included, so
// a reader never has to tell "none" from "not counted".
#include <map>

#include "core/order.hpp"
#include "core/organization.hpp"

namespace orgdesk::core {

// Whether a list shows organizations in this status: all but Deleted, which are kept only in the
// audit trail.
bool is_listable(OrgStatus status);

// Every listable organization status with its count in `counts`.
std::map<OrgStatus, int> listable_status_counts(const std::map<OrgStatus, int>& counts);

// Every order status with its count in `counts`.
std::map<OrderStatus, int> every_status_counts(const std::map<OrderStatus, int>& counts);

}  // namespace orgdesk::core
