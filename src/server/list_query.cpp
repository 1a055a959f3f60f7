#include "server/list_query.hpp"

#include <charconv>
#include <string>

#include "core/list_cursor.hpp"
#include "core/organization.hpp"
#include "server/problems.hpp"

namespace orgdesk::server {
namespace {

// The value of a parameter, treating an empty one ("?status=") like an absent one.
const std::string* value_of(const QueryParams& query, std::string_view name) {
    const auto it = query.find(name);
    return it == query.end() || it->second.empty() ? nullptr : &it->second;
}

std::string known_statuses() {
    std::string names;
    for (const auto status : core::kAllOrgStatuses) {
        if (status == core::OrgStatus::Deleted)
            continue;  // never listed
        if (!names.empty())
            names += ", ";
        names += core::to_string(status);
    }
    return names;
}

}  // namespace

core::Result<platform::ListRequest> list_request_from_query(const QueryParams& query) {
    platform::ListRequest request;
    if (const auto* q = value_of(query, "q"))
        request.search = *q;

    if (const auto* status = value_of(query, "status")) {
        request.status = core::parse_org_status(*status);
        if (!request.status) {
            return invalid_parameter("status", "must be one of " + known_statuses());
        }
    }

    if (const auto* limit = value_of(query, "limit")) {
        const auto [end, ec] =
            std::from_chars(limit->data(), limit->data() + limit->size(), request.limit);
        if (ec != std::errc{} || end != limit->data() + limit->size() || request.limit < 1 ||
            request.limit > core::kMaxPageSize) {
            return invalid_parameter(
                "limit", "must be a whole number from 1 to " + std::to_string(core::kMaxPageSize));
        }
    }

    if (const auto* cursor = value_of(query, "cursor")) {
        request.after = core::decode_cursor(*cursor);
        if (!request.after) {
            return invalid_parameter("cursor",
                                     "must be a nextCursor value from an earlier page of this "
                                     "list");
        }
    }
    return request;
}

}  // namespace orgdesk::server
