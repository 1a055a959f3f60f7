#include "core/organization_lifecycle.hpp"

#include <iterator>
#include <string>

namespace orgdesk::core {
namespace {

std::string forbidden_message(OrgAction action) {
    switch (action) {
        case OrgAction::Approve:
        case OrgAction::Reject:
            return "Only a Distributor Admin, Seller Admin or Account Manager may " +
                   std::string(to_string(action)) + " customer organizations.";
        case OrgAction::Suspend:
        case OrgAction::Resume:
        case OrgAction::Delete:
            return "Only a Distributor Admin or Seller Admin may " +
                   std::string(to_string(action)) + " customer organizations.";
        case OrgAction::Edit:
            break;
    }
    return "Your role may not edit this customer organization.";
}

std::string wrong_status_message(OrgAction action) {
    switch (action) {
        case OrgAction::Approve:
            return std::string(kCannotActivateMessage);
        case OrgAction::Reject:
        case OrgAction::Suspend:
        case OrgAction::Resume:
        case OrgAction::Delete:
        case OrgAction::Edit:
            break;
    }
    return "Cannot " + std::string(to_string(action)) +
           " the customer organization in its current status.";
}

}  // namespace

std::optional<OrgStatus> target_status(OrgStatus from, OrgAction action) {
    switch (action) {
        case OrgAction::Approve:
            if (from == OrgStatus::New)
                return OrgStatus::Active;
            break;
        case OrgAction::Reject:
            if (from == OrgStatus::New)
                return OrgStatus::Rejected;
            break;
        case OrgAction::Suspend:
            if (from == OrgStatus::Active)
                return OrgStatus::Blocked;
            break;
        case OrgAction::Resume:
            if (from == OrgStatus::Blocked)
                return OrgStatus::Active;
            break;
        case OrgAction::Delete:
            if (from != OrgStatus::Deleted)
                return OrgStatus::Deleted;
            break;
        case OrgAction::Edit:
            if (from != OrgStatus::Deleted)
                return from;
            break;
    }
    return std::nullopt;
}

bool can_view(const Principal& principal, const Organization& org) {
    return org.status != OrgStatus::Deleted && in_scope(scope_of(principal), org);
}

namespace {

// Why the policy or the state machine refuses an action, without preconditions such as active
// subscriptions. Apart from the messages, so listing a row's actions builds no text.
enum class Refusal { None, NotVisible, RoleMayNot, WrongStatus };

Refusal refusal(const Principal& principal, const Organization& org, OrgAction action) {
    if (!can_view(principal, org))
        return Refusal::NotVisible;
    if (!role_may(principal.role, action))
        return Refusal::RoleMayNot;
    if (!target_status(org.status, action))
        return Refusal::WrongStatus;
    return Refusal::None;
}

Result<OrgStatus> permitted(const Principal& principal, const Organization& org, OrgAction action) {
    switch (refusal(principal, org, action)) {
        case Refusal::NotVisible:
            return make_error(ErrorKind::NotFound, "not-found",
                              "This customer organization does not exist or is not yours to see.");
        case Refusal::RoleMayNot:
            return make_error(ErrorKind::Forbidden, "forbidden", forbidden_message(action));
        case Refusal::WrongStatus:
            return make_error(ErrorKind::Conflict, "invalid-status", wrong_status_message(action));
        case Refusal::None:
            break;
    }
    return *target_status(org.status, action);
}

}  // namespace

Result<OrgStatus> decide(const Principal& principal, const Organization& org, OrgAction action) {
    auto to = permitted(principal, org, action);
    if (to && action == OrgAction::Delete && org.subscriptionCount > 0) {
        return make_error(ErrorKind::Conflict, "active-subscriptions",
                          std::string(kCancelSubscriptionsMessage));
    }
    return to;
}

Result<OrgStatus> decide_delete(const Principal& principal, const Organization& org,
                                bool cancelSubscriptions) {
    if (cancelSubscriptions)
        return permitted(principal, org, OrgAction::Delete);
    return decide(principal, org, OrgAction::Delete);
}

std::vector<OrgAction> allowed_actions(const Principal& principal, const Organization& org) {
    std::vector<OrgAction> actions;
    actions.reserve(std::size(kAllOrgActions));
    for (const OrgAction action : kAllOrgActions) {
        if (refusal(principal, org, action) == Refusal::None)
            actions.push_back(action);
    }
    return actions;
}

Result<bool> may_change_fields(const Principal& principal, const Organization& before,
                               const Organization& after) {
    const auto refused = fields_role_may_not_change(principal.role, before, after);
    if (refused.empty())
        return true;
    std::vector<FieldError> fields;
    std::string names;
    for (const auto field : refused) {
        fields.push_back({std::string(field), "is kept by your seller: ask them to change it"});
        names += (names.empty() ? "" : ", ") + std::string(field);
    }
    return make_error(ErrorKind::Forbidden, "forbidden-field",
                      "Your role may not change " + names +
                          ". Your seller keeps these: ask them to change them, or send the "
                          "edit without them.",
                      std::move(fields));
}

}  // namespace orgdesk::core
