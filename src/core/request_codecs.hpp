#pragma once
// Request bodies of the API (DESIGN.md "Wire contract"), decoded without throwing.
// Only the fields a caller may set are accepted: a body that tries to set anything else (status,
// ids, tenant, version, times) is refused with a clear error naming the field.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_codecs.hpp"
#include "core/member.hpp"
#include "core/order_lifecycle.hpp"
#include "core/order_placement.hpp"
#include "core/ownership.hpp"

namespace orgdesk::core {

// POST /api/v1/customers. `sellerId` is read too (a Distributor Admin names the seller); the
// result is not yet validated (see normalized_organization).
struct CreateOrganizationRequest {
    Organization org;
    std::optional<std::string> sellerId;
};
Result<CreateOrganizationRequest> create_request_from_json(const Json& body);

// PATCH /api/v1/customers/{id}: a JSON merge patch (RFC 7386) of the editable fields:
// name, segment, billing, primaryContact, customerReference, externalContract, purchasedNumbers,
// buyerTags. Returns the organization with the patch applied (not yet validated).
Result<Organization> apply_organization_patch(const Organization& current, const Json& patch);

// Refuses every field of `body` not in `allowed`, naming the ones Orgdesk sets itself (status,
// ids, tenant, version, prices, decisions, times) as such. Every request codec uses it.
std::vector<FieldError> unknown_fields(const Json& body,
                                       const std::vector<std::string_view>& allowed);

// Approving or resuming an organization, approving an order, suspending or resuming a
// subscription: the request has no fields, so a body, if any, is an empty object.
struct NoFields {};
Result<NoFields> no_fields_from_json(const Json& body);

// PUT .../reject {"reason"}: a reason is required.
Result<std::string> reject_reason_from_json(const Json& body);

enum class SubscriptionsOnSuspend { Keep, Cancel };
// PUT .../suspend {"subscriptions": "keep" | "cancel"}.
Result<SubscriptionsOnSuspend> suspend_request_from_json(const Json& body);

// DELETE /api/v1/customers/{id} may carry {"cancelSubscriptions": true}: cancel the active
// subscriptions in the same step instead of being refused for them.
struct DeleteRequest {
    bool cancelSubscriptions = false;
};
Result<DeleteRequest> delete_request_from_json(const Json& body);

// PUT .../ownership {"ownershipType", "newOwner": {"memberId"} | {"name","email"}, "demoteTo"}.
Result<OwnershipChange> ownership_change_from_json(const Json& body);

// POST /api/v1/orders {"customerId", "lines": [{"sku", "quantity"}]}. Shapes only: whether the
// products may be ordered is place_order's to say.
Result<PlaceOrderRequest> place_order_request_from_json(const Json& body);
Json to_json(const PlaceOrderRequest& request);

// POST /api/v1/orders/decisions {"action": "approve" | "reject", "orderIds": [...], "reason"}:
// one decision for many orders (a reason is required to reject).
inline constexpr int kMaxBulkDecisions = 200;
struct BulkDecisionRequest {
    OrderAction action = OrderAction::Approve;
    std::vector<std::string> orderIds;
    std::string reason;
};
Result<BulkDecisionRequest> bulk_decision_request_from_json(const Json& body);
Json to_json(const BulkDecisionRequest& request);

Json to_json(const Member& member);
Result<Member> member_from_json(const Json& json);

}  // namespace orgdesk::core
