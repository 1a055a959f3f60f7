#include "platform/organization_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/organization_lifecycle.hpp"
#include "core/status_counts.hpp"

namespace orgdesk::platform {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error not_found() {
    return make_error(ErrorKind::NotFound, "not-found",
                      "This customer organization does not exist or is not yours to see.");
}

core::Error stale_version(std::int64_t current) {
    return make_error(ErrorKind::StaleVersion, "stale-version",
                      "This customer organization was changed by someone else (it is now at "
                      "version " +
                          std::to_string(current) + "). Reload it and try again.");
}

core::Json status_snapshot(const core::Organization& org) {
    return {{"status", core::to_string(org.status)}, {"version", org.version}};
}

}  // namespace

OrganizationService::OrganizationService(Store& store, Clock clock, IdGenerator newId,
                                         ChangeFeed* changes)
    : store_(store),
      clock_(std::move(clock)),
      newId_(newId ? std::move(newId) : random_uuid_generator()),
      changes_(changes) {}

core::CustomerView OrganizationService::view_for(const core::Principal& who,
                                                 core::Organization org) const {
    auto actions = core::allowed_actions(who, org);
    return {std::move(org), std::move(actions)};
}

core::Result<core::CustomerPage> OrganizationService::list(const core::Principal& who,
                                                           const ListRequest& request) {
    if (request.status == core::OrgStatus::Deleted) {
        return make_error(ErrorKind::InvalidInput, "invalid-parameter",
                          "Deleted organizations are kept only in the audit trail and cannot be "
                          "listed.",
                          {{"status", "must be New, Active, Blocked or Rejected"}});
    }
    OrganizationQuery query;
    query.scope = core::scope_of(who);
    query.status = request.status;
    query.search = request.search;
    query.after = request.after;
    query.limit = std::clamp(request.limit, 1, core::kMaxPageSize);
    auto page = store_.list_organizations(query);

    core::CustomerPage result;
    result.items.reserve(page.items.size());
    for (auto& org : page.items) {
        // The store already scoped the query; checking again keeps one rule deciding visibility.
        if (core::can_view(who, org))
            result.items.push_back(view_for(who, std::move(org)));
    }
    if (page.next)
        result.nextCursor = core::encode_cursor(*page.next);
    result.counts = core::listable_status_counts(store_.count_by_status(query.scope));
    return result;
}

core::Result<core::CustomerView> OrganizationService::get(const core::Principal& who,
                                                          std::string_view id) {
    auto org = store_.find_organization(id);
    if (!org || !core::can_view(who, *org))
        return not_found();
    return view_for(who, std::move(*org));
}

core::Result<std::vector<core::Member>> OrganizationService::members(const core::Principal& who,
                                                                     std::string_view id) {
    const auto org = store_.find_organization(id);
    if (!org || !core::can_view(who, *org))
        return not_found();
    return store_.list_members(org->id);
}

core::Result<std::vector<AuditEntry>> OrganizationService::audit(const core::Principal& who,
                                                                 std::string_view id) {
    const auto org = store_.find_organization(id);
    if (!org || !core::can_view(who, *org))
        return not_found();
    std::map<std::string, std::string> names{{"system", "System"}};
    std::vector<AuditEntry> entries;
    for (auto& event : store_.audit_trail(org->id)) {
        auto name = names.find(event.actorId);
        if (name == names.end()) {
            const auto user = store_.find_user(event.actorId);
            name = names.emplace(event.actorId, user ? user->principal.displayName : "Former user")
                       .first;
        }
        entries.push_back({std::move(event), name->second});
    }
    return entries;
}

core::Result<core::Organization> OrganizationService::load_for(
    const core::Principal& who, std::string_view id, core::OrgAction action,
    std::optional<std::int64_t> ifMatch) {
    auto org = store_.find_organization(id);
    if (!org)
        return not_found();
    auto allowed = core::decide(who, *org, action);
    // Delete decides itself (it may cancel subscriptions); everything else is refused here.
    if (!allowed &&
        !(action == core::OrgAction::Delete && allowed.error().code == "active-subscriptions"))
        return allowed.error();
    if (ifMatch && *ifMatch != org->version)
        return stale_version(org->version);
    return std::move(*org);
}

core::Result<core::CustomerView> OrganizationService::write(
    const core::Principal& who, const core::Organization& before, core::Organization after,
    core::OrgAction action, std::string auditAction, core::Json auditBefore, core::Json auditAfter,
    std::vector<core::Member> members, Cascade cascade) {
    const std::int64_t now = clock_();
    after.version = before.version + 1;
    after.updatedAtMs = now;
    OrganizationUpdate update;
    update.after = std::move(after);
    update.expectedVersion = before.version;  // no lost update between our read and our write
    update.members = std::move(members);
    update.audit = {now,
                    who.userId,
                    std::move(auditAction),
                    "organization",
                    before.id,
                    auditBefore.is_null() ? std::string() : auditBefore.dump(),
                    auditAfter.is_null() ? std::string() : auditAfter.dump()};
    update.cancelSubscriptions = cascade.cancelSubscriptions;
    update.rejectPendingOrders = cascade.rejectPendingOrders;
    if (cascade.deleting)
        update.rejectionReason = std::string(core::kRejectedByDeletionReason);
    update.actorName = who.displayName;
    if (store_.update_organization(update)) {
        if (changes_ != nullptr)
            changes_->publish(tenant_path_of(update.after));
        return view_for(who, std::move(update.after));
    }

    // Someone else wrote first. Tell the caller what stands now: the rule that refuses the action
    // in the new status (for approve, the seed's message), or else that the data changed.
    auto current = store_.find_organization(before.id);
    if (!current)
        return not_found();
    auto again = core::decide(who, *current, action);
    if (!again && again.error().code != "active-subscriptions")
        return again.error();
    return stale_version(current->version);
}

core::Result<core::CustomerView> OrganizationService::change_status(
    const core::Principal& who, std::string_view id, core::OrgAction action,
    std::optional<std::int64_t> ifMatch) {
    switch (action) {
        case core::OrgAction::Suspend:
            return suspend(who, id, core::SubscriptionsOnSuspend::Keep, ifMatch);
        case core::OrgAction::Delete:
            return remove(who, id, /*cancelSubscriptions=*/false, ifMatch);
        case core::OrgAction::Edit:
            return make_error(ErrorKind::Internal, "internal", "An edit is not a status change.");
        case core::OrgAction::Approve:
        case core::OrgAction::Reject:
        case core::OrgAction::Resume:
            break;
    }
    auto org = load_for(who, id, action, ifMatch);
    if (!org)
        return org.error();
    const auto to = core::target_status(org->status, action);
    core::Organization after = *org;
    after.status = to.value_or(org->status);
    auto before = status_snapshot(*org);
    auto next = status_snapshot(after);
    next["version"] = org->version + 1;
    return write(who, *org, std::move(after), action, std::string(core::to_string(action)),
                 std::move(before), std::move(next));
}

}  // namespace orgdesk::platform
