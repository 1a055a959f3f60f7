#pragma once
// The organization status state machine, and the decision whether a given principal may take a
// given action on a given organization now.
#include <optional>
#include <string_view>
#include <vector>

#include "core/access_policy.hpp"
#include "core/organization.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

// The seed's exact text for approving an organization that is not New.
inline constexpr std::string_view kCannotActivateMessage =
    "Cannot activate the customer organization in its current status.";
inline constexpr std::string_view kCancelSubscriptionsMessage =
    "Cancel all active subscriptions and try again.";

// The status an action leads to from `from`, or nullopt when the state machine has no such edge.
// Edit keeps the status.
std::optional<OrgStatus> target_status(OrgStatus from, OrgAction action);

// The caller's view of one attempt: NotFound outside the caller's tenant (or once deleted),
// Forbidden for a role that may never do it, Conflict when the status (or a rule such as active
// subscriptions) does not allow it now. On success, the status the organization moves to.
Result<OrgStatus> decide(const Principal& principal, const Organization& org, OrgAction action);

// Delete, where the caller may ask for the active subscriptions to be cancelled in the same
// step: then active subscriptions do not stand in the way (everything else still does).
Result<OrgStatus> decide_delete(const Principal& principal, const Organization& org,
                                bool cancelSubscriptions);

// Every action the caller's role may take in the organization's status, in a stable order: what
// the UI offers. A precondition can still refuse one with a message that says what to do first
// (Delete while subscriptions are active: "Cancel all active subscriptions and try again.").
std::vector<OrgAction> allowed_actions(const Principal& principal, const Organization& org);

// An edit from `before` to `after`: Forbidden, naming each field, when it changes a field the
// principal's role may not change (a customer changing its segment or billing country, say).
Result<bool> may_change_fields(const Principal& principal, const Organization& before,
                               const Organization& after);

// Whether the principal may see the organization at all.
bool can_view(const Principal& principal, const Organization& org);

}  // namespace orgdesk::core
