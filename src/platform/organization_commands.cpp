// The commands of OrganizationService that change an organization's data: create, edit, reject,
// suspend, delete and the ownership switch. Each checks the core's rules, then writes once,
// conditionally on the version it read, with its audit event in the same transaction.
#include <utility>

#include "core/organization_creation.hpp"
#include "core/organization_lifecycle.hpp"
#include "core/organization_validation.hpp"
#include "platform/organization_service.hpp"

namespace orgdesk::platform {
namespace {

using core::ErrorKind;
using core::Json;
using core::make_error;
using core::OrgAction;

Json status_snapshot(const core::Organization& org) {
    return {{"status", core::to_string(org.status)},
            {"version", org.version},
            {"subscriptionCount", org.subscriptionCount}};
}

Json members_json(const std::vector<core::Member>& members) {
    Json items = Json::array();
    for (const auto& m : members)
        items.push_back(core::to_json(m));
    return items;
}

Json ownership_snapshot(const core::Organization& org, const std::vector<core::Member>& members) {
    Json owner = nullptr;
    if (org.owner)
        owner = {{"name", org.owner->name}, {"email", org.owner->email}};
    return {{"ownershipType", core::to_string(org.ownershipType)},
            {"owner", owner},
            {"members", members_json(members)}};
}

}  // namespace

core::Result<CreateOutcome> OrganizationService::create(
    const core::Principal& who, core::CreateOrganizationRequest request,
    const std::optional<IdempotencyKey>& idempotency) {
    const std::int64_t now = clock_();
    const std::int64_t notBefore = now - kIdempotencyKeyLifetimeMs;
    if (idempotency) {
        if (auto earlier = store_.find_idempotency_record(who.userId, idempotency->key, notBefore))
            return replay(*earlier, *idempotency);
    }

    std::optional<std::string> sellersDistributor;
    if (request.sellerId && !request.sellerId->empty()) {
        if (const auto seller = store_.find_partner(*request.sellerId);
            seller && !seller->distributorId.empty()) {
            sellersDistributor = seller->distributorId;
        }
    }
    const auto placement = core::place_new_organization(who, request.sellerId, sellersDistributor);
    if (!placement)
        return placement.error();
    auto orgId = newId_();
    auto ownerMemberId = newId_();
    auto created = core::new_organization(std::move(request), *placement, std::move(orgId),
                                          std::move(ownerMemberId), now);
    if (!created)
        return created.error();

    OrganizationInsert insert;
    insert.org = std::move(created->org);
    insert.members = std::move(created->members);
    Json after = core::editable_json(insert.org);
    after["status"] = core::to_string(insert.org.status);
    after["sellerId"] = insert.org.sellerId;
    insert.audit = {now, who.userId, "create", "organization", insert.org.id, "", after.dump()};
    const auto answer = [this, &who](const core::Organization& stored) {
        return core::to_json(view_for(who, stored))
            .dump(-1, ' ', false, Json::error_handler_t::replace);
    };
    insert.answer = answer;
    if (idempotency) {
        insert.idempotency = idempotency_record(who.userId, *idempotency, 201, now);
        insert.idempotencyNotBeforeMs = notBefore;
    }
    auto outcome = store_.create_organization(insert);
    if (outcome.earlier)  // the same key won a race with this request
        return replay(*outcome.earlier, *idempotency);
    if (!outcome.inserted)
        return make_error(ErrorKind::Internal, "internal", "The organization was not created.");
    if (changes_ != nullptr)
        changes_->publish(tenant_path_of(*outcome.inserted));
    return CreateOutcome{201, answer(*outcome.inserted), false};
}

core::Result<core::CustomerView> OrganizationService::edit(const core::Principal& who,
                                                           std::string_view id, const Json& patch,
                                                           std::optional<std::int64_t> ifMatch) {
    auto org = load_for(who, id, OrgAction::Edit, ifMatch);
    if (!org)
        return org.error();
    auto patched = core::apply_organization_patch(*org, patch);
    if (!patched)
        return patched.error();
    auto after = core::normalized_organization(std::move(patched).value());
    if (!after)
        return after.error();
    if (auto refused = core::may_change_fields(who, *org, *after); !refused)
        return refused.error();
    if (*after == *org)
        return view_for(who, std::move(org).value());  // nothing changed: nothing to write
    return write(who, *org, *after, OrgAction::Edit, "edit", core::editable_json(*org),
                 core::editable_json(*after));
}

core::Result<core::CustomerView> OrganizationService::reject(const core::Principal& who,
                                                             std::string_view id,
                                                             const std::string& reason,
                                                             std::optional<std::int64_t> ifMatch) {
    auto org = load_for(who, id, OrgAction::Reject, ifMatch);
    if (!org)
        return org.error();
    core::Organization after = *org;
    after.status = core::OrgStatus::Rejected;
    after.rejectionReason = reason;
    Json next = status_snapshot(after);
    next["version"] = org->version + 1;
    next["reason"] = reason;
    return write(who, *org, std::move(after), OrgAction::Reject, "reject", status_snapshot(*org),
                 std::move(next));
}

core::Result<core::CustomerView> OrganizationService::suspend(
    const core::Principal& who, std::string_view id, core::SubscriptionsOnSuspend subscriptions,
    std::optional<std::int64_t> ifMatch) {
    auto org = load_for(who, id, OrgAction::Suspend, ifMatch);
    if (!org)
        return org.error();
    core::Organization after = *org;
    after.status = core::OrgStatus::Blocked;
    const bool cancel = subscriptions == core::SubscriptionsOnSuspend::Cancel;
    if (cancel)
        after.subscriptionCount = 0;  // what the store's cascade leaves
    Json next = status_snapshot(after);
    next["version"] = org->version + 1;
    next["subscriptions"] = cancel ? "cancel" : "keep";
    next["cancelledSubscriptions"] = cancel ? org->subscriptionCount : 0;
    return write(who, *org, std::move(after), OrgAction::Suspend, "suspend", status_snapshot(*org),
                 std::move(next), {}, Cascade{cancel, /*rejectPendingOrders=*/true});
}

core::Result<core::CustomerView> OrganizationService::remove(const core::Principal& who,
                                                             std::string_view id,
                                                             bool cancelSubscriptions,
                                                             std::optional<std::int64_t> ifMatch) {
    auto org = load_for(who, id, OrgAction::Delete, ifMatch);
    if (!org)
        return org.error();
    // Refused while subscriptions are active, unless this request cancels them too.
    const auto allowed = core::decide_delete(who, *org, cancelSubscriptions);
    if (!allowed)
        return allowed.error();
    core::Organization after = *org;
    after.status = core::OrgStatus::Deleted;
    if (cancelSubscriptions)
        after.subscriptionCount = 0;  // what the store's cascade leaves
    Json next = status_snapshot(after);
    next["version"] = org->version + 1;
    next["cancelledSubscriptions"] = cancelSubscriptions ? org->subscriptionCount : 0;
    return write(who, *org, std::move(after), OrgAction::Delete, "delete", status_snapshot(*org),
                 std::move(next), {},
                 Cascade{cancelSubscriptions, /*rejectPendingOrders=*/true, /*deleting=*/true});
}

core::Result<core::CustomerView> OrganizationService::change_ownership(
    const core::Principal& who, std::string_view id, const core::OwnershipChange& change,
    std::optional<std::int64_t> ifMatch) {
    auto org = load_for(who, id, OrgAction::Edit, ifMatch);
    if (!org)
        return org.error();
    const auto members = store_.list_members(org->id);
    if (auto allowed = core::may_change_ownership(who, members, change); !allowed)
        return allowed.error();
    auto planned = core::plan_ownership_change(*org, members, change);
    if (!planned)
        return planned.error();
    auto plan = std::move(planned).value();
    for (auto& member : plan.members) {
        if (member.id.empty())
            member.id = newId_();  // a new person as the new owner
    }
    plan.org.userCount = static_cast<int>(plan.members.size());
    auto before = ownership_snapshot(*org, members);
    auto after = ownership_snapshot(plan.org, plan.members);
    auto written = write(who, *org, std::move(plan.org), OrgAction::Edit, "ownership",
                         std::move(before), std::move(after), std::move(plan.members));
    if (written && onRolesChanged_)
        onRolesChanged_(org->id);
    return written;
}

}  // namespace orgdesk::platform
