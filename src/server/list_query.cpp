#include "server/list_query.hpp"

#include <charconv>
#include <string>

#include "core/list_cursor.hpp"
#include "core/organization.hpp"
#include "core/time_format.hpp"
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

// ?limit= and ?cursor=, shared by every list.
std::optional<core::Error> read_page_parameters(const QueryParams& query, int& limitOut,
                                                std::optional<core::ListCursor>& after) {
    if (const auto* limit = value_of(query, "limit")) {
        const auto [end, ec] =
            std::from_chars(limit->data(), limit->data() + limit->size(), limitOut);
        if (ec != std::errc{} || end != limit->data() + limit->size() || limitOut < 1 ||
            limitOut > core::kMaxPageSize) {
            return invalid_parameter(
                "limit", "must be a whole number from 1 to " + std::to_string(core::kMaxPageSize));
        }
    }
    if (const auto* cursor = value_of(query, "cursor")) {
        after = core::decode_cursor(*cursor);
        if (!after) {
            return invalid_parameter("cursor",
                                     "must be a nextCursor value from an earlier page of this "
                                     "list");
        }
    }
    return std::nullopt;
}

// An ISO 8601 UTC time ("2026-11-22T10:00:00Z"), or a date ("2026-11-22", its midnight UTC).
std::optional<core::Error> read_time(const QueryParams& query, std::string_view name,
                                     std::int64_t& ms) {
    const auto* text = value_of(query, name);
    if (text == nullptr)
        return std::nullopt;
    auto parsed = core::parse_iso8601(*text);
    if (!parsed && text->size() == 10)
        parsed = core::parse_iso8601(*text + "T00:00:00Z");
    if (!parsed) {
        return invalid_parameter(std::string(name),
                                 "must be a date such as 2026-11-22 or a UTC time such as "
                                 "2026-11-22T10:00:00Z");
    }
    ms = *parsed;
    return std::nullopt;
}

}  // namespace

core::Result<platform::OrderListRequest> order_list_request_from_query(const QueryParams& query) {
    platform::OrderListRequest request;
    if (const auto* status = value_of(query, "status")) {
        request.status = core::parse_order_status(*status);
        if (!request.status) {
            std::string names;
            for (const auto s : core::kAllOrderStatuses)
                names += (names.empty() ? "" : ", ") + std::string(core::to_string(s));
            return invalid_parameter("status", "must be one of " + names);
        }
    }
    if (const auto* customer = value_of(query, "customerId"))
        request.customerId = *customer;
    if (auto error = read_time(query, "from", request.fromMs))
        return *error;
    if (auto error = read_time(query, "to", request.beforeMs))
        return *error;
    if (auto error = read_page_parameters(query, request.limit, request.after))
        return *error;
    return request;
}

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

    if (auto error = read_page_parameters(query, request.limit, request.after))
        return *error;
    return request;
}

}  // namespace orgdesk::server
