#include "platform/organization_service.hpp"

#include <algorithm>
#include <utility>

#include "core/organization_lifecycle.hpp"

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

std::string status_snapshot(const core::Organization& org) {
    return core::Json{{"status", core::to_string(org.status)}, {"version", org.version}}.dump();
}

}  // namespace

OrganizationService::OrganizationService(Store& store, Clock clock)
    : store_(store), clock_(std::move(clock)) {}

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
    for (auto& org : page.items) {
        // The store already scoped the query; checking again keeps one rule deciding visibility.
        if (core::can_view(who, org))
            result.items.push_back(view_for(who, std::move(org)));
    }
    if (page.next)
        result.nextCursor = core::encode_cursor(*page.next);
    result.counts = store_.count_by_status(query.scope);
    return result;
}

core::Result<core::CustomerView> OrganizationService::get(const core::Principal& who,
                                                          std::string_view id) {
    auto org = store_.find_organization(id);
    if (!org || !core::can_view(who, *org))
        return not_found();
    return view_for(who, std::move(*org));
}

core::Result<std::map<core::OrgStatus, int>> OrganizationService::counts(
    const core::Principal& who) {
    return store_.count_by_status(core::scope_of(who));
}

core::Result<core::CustomerView> OrganizationService::change_status(
    const core::Principal& who, std::string_view id, core::OrgAction action,
    std::optional<std::int64_t> ifMatch) {
    auto org = store_.find_organization(id);
    if (!org)
        return not_found();
    auto to = core::decide(who, *org, action);
    if (!to)
        return to.error();
    if (ifMatch && *ifMatch != org->version)
        return stale_version(org->version);

    const std::int64_t now = clock_();
    core::Organization after = *org;
    after.status = *to;
    after.version = org->version + 1;
    after.updatedAtMs = now;

    StatusChange change;
    change.orgId = org->id;
    change.from = org->status;
    change.to = *to;
    change.expectedVersion = org->version;  // no lost update between our read and our write
    change.atMs = now;
    change.audit = {now,
                    who.userId,
                    std::string(core::to_string(action)),
                    "organization",
                    org->id,
                    status_snapshot(*org),
                    status_snapshot(after)};
    if (store_.change_status(change))
        return view_for(who, std::move(after));

    // Someone else wrote first. Tell the caller what stands now: the rule that refuses the action
    // in the new status (for approve, the seed's message), or else that the data changed.
    auto current = store_.find_organization(id);
    if (!current)
        return not_found();
    auto again = core::decide(who, *current, action);
    if (!again)
        return again.error();
    return stale_version(current->version);
}

}  // namespace orgdesk::platform
