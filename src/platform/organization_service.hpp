#pragma once
// The platform service for customer organizations: reads scoped to the caller's tenant, and
// commands checked by the core's rules, applied to the Store as one conditional write each.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string_view>

#include "core/json_codecs.hpp"
#include "core/list_cursor.hpp"
#include "core/result.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

using Clock = std::function<std::int64_t()>;  // milliseconds since the Unix epoch

struct ListRequest {
    std::optional<core::OrgStatus> status;
    std::string search;
    std::optional<core::ListCursor> after;
    int limit = core::kDefaultPageSize;  // clamped to 1..core::kMaxPageSize
};

class OrganizationService {
  public:
    OrganizationService(Store& store, Clock clock);

    // One page, with the counts per status of the caller's whole scope.
    core::Result<core::CustomerPage> list(const core::Principal& who, const ListRequest& request);
    core::Result<core::CustomerView> get(const core::Principal& who, std::string_view id);
    core::Result<std::map<core::OrgStatus, int>> counts(const core::Principal& who);

    // Approve, reject, suspend, resume or delete. `ifMatch` is the version the caller last saw.
    core::Result<core::CustomerView> change_status(const core::Principal& who, std::string_view id,
                                                   core::OrgAction action,
                                                   std::optional<std::int64_t> ifMatch = {});

  private:
    core::CustomerView view_for(const core::Principal& who, core::Organization org) const;

    Store& store_;
    Clock clock_;
};

}  // namespace orgdesk::platform
