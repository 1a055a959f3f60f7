#pragma once
// The platform service for customer organizations: reads scoped to the caller's tenant, and
// commands checked by the core's rules, applied to the Store as one conditional write each.
// Reads live in organization_service.cpp, commands in organization_commands.cpp.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_codecs.hpp"
#include "core/list_cursor.hpp"
#include "core/member.hpp"
#include "core/ownership.hpp"
#include "core/request_codecs.hpp"
#include "core/result.hpp"
#include "platform/change_feed.hpp"
#include "platform/service_support.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

struct ListRequest {
    std::optional<core::OrgStatus> status;
    std::string search;
    std::optional<core::ListCursor> after;
    int limit = core::kDefaultPageSize;  // clamped to 1..core::kMaxPageSize
};

// What an organization's status change takes with it, in the same transaction.
struct Cascade {
    bool cancelSubscriptions = false;
    bool rejectPendingOrders = false;
    bool deleting = false;  // the orders' rejection reason says so
};

struct AuditEntry {
    AuditEvent event;
    std::string actorName;  // "System" for the system, else the user's display name
};

class OrganizationService {
  public:
    // `changes`, if given, hears of every change this service writes (live updates).
    OrganizationService(Store& store, Clock clock, IdGenerator newId = {},
                        ChangeFeed* changes = nullptr);

    // One page, with the counts per status of the caller's whole scope (every listable status,
    // zeros included).
    core::Result<core::CustomerPage> list(const core::Principal& who, const ListRequest& request);
    core::Result<core::CustomerView> get(const core::Principal& who, std::string_view id);
    core::Result<std::vector<core::Member>> members(const core::Principal& who,
                                                    std::string_view id);
    // Oldest first, with the actors' names.
    core::Result<std::vector<AuditEntry>> audit(const core::Principal& who, std::string_view id);

    // Approve or resume (and, with their defaults, reject without a reason, suspend keeping the
    // subscriptions, delete without cancelling). `ifMatch` is the version the caller last saw.
    core::Result<core::CustomerView> change_status(const core::Principal& who, std::string_view id,
                                                   core::OrgAction action,
                                                   std::optional<std::int64_t> ifMatch = {});

    core::Result<CreateOutcome> create(const core::Principal& who,
                                       core::CreateOrganizationRequest request,
                                       const std::optional<IdempotencyKey>& idempotency = {});
    // A JSON merge patch of the editable fields.
    core::Result<core::CustomerView> edit(const core::Principal& who, std::string_view id,
                                          const core::Json& patch,
                                          std::optional<std::int64_t> ifMatch = {});
    core::Result<core::CustomerView> reject(const core::Principal& who, std::string_view id,
                                            const std::string& reason,
                                            std::optional<std::int64_t> ifMatch = {});
    core::Result<core::CustomerView> suspend(const core::Principal& who, std::string_view id,
                                             core::SubscriptionsOnSuspend subscriptions,
                                             std::optional<std::int64_t> ifMatch = {});
    core::Result<core::CustomerView> remove(const core::Principal& who, std::string_view id,
                                            bool cancelSubscriptions,
                                            std::optional<std::int64_t> ifMatch = {});
    core::Result<core::CustomerView> change_ownership(const core::Principal& who,
                                                      std::string_view id,
                                                      const core::OwnershipChange& change,
                                                      std::optional<std::int64_t> ifMatch = {});

    // Called with an organization's id once its members' roles have changed (an ownership
    // switch), so that what was kept of its people's sessions can be dropped: their role is their
    // membership's from the next request on.
    void on_roles_changed(std::function<void(std::string_view customerId)> hook) {
        onRolesChanged_ = std::move(hook);
    }

  private:
    core::CustomerView view_for(const core::Principal& who, core::Organization org) const;
    // The organization, if the caller may take `action` on it now and has seen its version.
    core::Result<core::Organization> load_for(const core::Principal& who, std::string_view id,
                                              core::OrgAction action,
                                              std::optional<std::int64_t> ifMatch);
    // Writes `after` over `before` (one conditional write with its audit event) and answers the
    // caller's view, or the reason it could not be written.
    core::Result<core::CustomerView> write(
        const core::Principal& who, const core::Organization& before, core::Organization after,
        core::OrgAction action, std::string auditAction, core::Json auditBefore,
        core::Json auditAfter, std::vector<core::Member> members = {}, Cascade cascade = {});

    Store& store_;
    Clock clock_;
    IdGenerator newId_;
    ChangeFeed* changes_;
    std::function<void(std::string_view)> onRolesChanged_;
};

}  // namespace orgdesk::platform
