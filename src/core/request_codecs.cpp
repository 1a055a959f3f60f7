#include "core/request_codecs.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

#include "core/json_reader.hpp"

namespace orgdesk::core {
namespace {

// What an edit may change; a create also sets the ownership type, the owner and the seller.
constexpr std::array<std::string_view, 8> kPatchableFields{"name",
                                                           "segment",
                                                           "billing",
                                                           "primaryContact",
                                                           "customerReference",
                                                           "externalContract",
                                                           "purchasedNumbers",
                                                           "buyerTags"};

// Fields that appear in answers but that no request may set.
constexpr std::array<std::string_view, 24> kServerOwnedFields{"id",
                                                              "status",
                                                              "version",
                                                              "distributorId",
                                                              "createdAt",
                                                              "updatedAt",
                                                              "subscriptionCount",
                                                              "userCount",
                                                              "actions",
                                                              "decidedBy",
                                                              "decidedAt",
                                                              "tenant",
                                                              "providerId",
                                                              "rejectionReason",
                                                              "price",
                                                              "unitPrice",
                                                              "lineTotal",
                                                              "placedBy",
                                                              "links",
                                                              "failureReason",
                                                              "statusText",
                                                              "sellerId",
                                                              "customerId",
                                                              "memberId"};

bool contains(auto const& list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

// The same for the object nested under `name`, its errors named "name.field".
void unknown_nested_fields(const Json& body, std::string_view name,
                           const std::vector<std::string_view>& allowed,
                           std::vector<FieldError>& errors) {
    if (!body.is_object())
        return;
    const auto it = body.find(std::string(name));
    if (it == body.end() || !it->is_object())
        return;  // missing or mistyped: the field's reader says so
    for (auto& error : unknown_fields(*it, allowed)) {
        error.field = std::string(name) + "." + error.field;
        errors.push_back(std::move(error));
    }
}

// The editable fields' nested objects hold only their own fields.
void unknown_editable_fields(const Json& body, std::vector<FieldError>& errors) {
    unknown_nested_fields(body, "billing", {"company", "address", "country", "taxId", "email"},
                          errors);
    unknown_nested_fields(body, "primaryContact", {"name", "role", "phone"}, errors);
}

void read_editable(Reader& r, Organization& o) {
    o.name = r.optional_text("name").value_or("");
    o.segment = r.optional_text("segment").value_or("");
    Reader billing = r.child("billing");
    o.billing = {billing.optional_text("company").value_or(""),
                 billing.optional_text("address").value_or(""),
                 billing.optional_text("country").value_or(""),
                 billing.optional_text("taxId").value_or(""),
                 billing.optional_text("email").value_or("")};
    Reader contact = r.child("primaryContact");
    o.primaryContact = {contact.optional_text("name").value_or(""),
                        contact.optional_text("role").value_or(""),
                        contact.optional_text("phone").value_or("")};
    o.customerReference = r.optional_text("customerReference").value_or("");
    o.externalContract = r.optional_text("externalContract").value_or("");
    o.purchasedNumbers = r.texts("purchasedNumbers");
    o.buyerTags = r.texts("buyerTags");
}

Error invalid_request(std::vector<FieldError> errors) {
    return invalid(std::move(errors),
                   "The request has fields Orgdesk cannot accept. Correct them "
                   "and send it again.");
}

// A rejection's reason: required (not blank) and at most 1000 characters.
void check_reason(const std::string& reason, std::vector<FieldError>& errors) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        errors.push_back({"reason", "Enter the reason for the rejection."});
    } else if (reason.size() > 1000) {
        errors.push_back({"reason", "Use at most 1000 characters."});
    }
}

}  // namespace

// Refuses any field not in `allowed`, naming server-owned ones as such.
std::vector<FieldError> unknown_fields(const Json& body,
                                       const std::vector<std::string_view>& allowed) {
    std::vector<FieldError> errors;
    if (!body.is_object())
        return errors;
    for (const auto& [name, value] : body.items()) {
        if (contains(allowed, name))
            continue;
        errors.push_back({name, contains(kServerOwnedFields, name)
                                    ? "is set by Orgdesk and cannot be changed in a request"
                                    : "is not a field of this request"});
    }
    return errors;
}

Result<CreateOrganizationRequest> create_request_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    std::vector<std::string_view> allowed(kPatchableFields.begin(), kPatchableFields.end());
    allowed.insert(allowed.end(), {"ownershipType", "owner", "sellerId"});
    auto errors = unknown_fields(body, allowed);
    unknown_editable_fields(body, errors);
    unknown_nested_fields(body, "owner", {"name", "email"}, errors);
    Reader r(body, errors);
    CreateOrganizationRequest request;
    read_editable(r, request.org);
    request.org.ownershipType = r.choice(
        "ownershipType", [](std::string_view t) { return parse_ownership_type(t); },
        OwnershipType::Customer);
    if (r.has("owner")) {
        Reader owner = r.child("owner");
        request.org.owner = Person{owner.optional_text("name").value_or(""),
                                   owner.optional_text("email").value_or("")};
    }
    request.sellerId = r.optional_text("sellerId");
    if (!errors.empty())
        return invalid_request(std::move(errors));
    return request;
}

Result<Organization> apply_organization_patch(const Organization& current, const Json& patch) {
    if (!patch.is_object())
        return not_an_object();
    // The ownership fields are known, but they change through their own route (below).
    std::vector<std::string_view> allowed(kPatchableFields.begin(), kPatchableFields.end());
    allowed.insert(allowed.end(), {"ownershipType", "owner"});
    auto errors = unknown_fields(patch, allowed);
    unknown_editable_fields(patch, errors);
    for (const char* field : {"ownershipType", "owner"}) {
        if (patch.contains(field)) {
            errors.push_back(
                {field, "changes with PUT /api/v1/customers/{id}/ownership, not with an edit"});
        }
    }
    if (!errors.empty())
        return invalid_request(std::move(errors));

    Json merged = editable_json(current);
    merged.merge_patch(patch);
    Reader r(merged, errors);
    Organization result = current;
    read_editable(r, result);
    if (!errors.empty())
        return invalid_request(std::move(errors));
    return result;
}

Result<NoFields> no_fields_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    auto errors = unknown_fields(body, {});
    if (!errors.empty())
        return invalid_request(std::move(errors));
    return NoFields{};
}

Result<std::string> reject_reason_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    auto errors = unknown_fields(body, {"reason"});
    if (!errors.empty())
        return invalid_request(std::move(errors));
    Reader r(body, errors);
    const auto reason = r.optional_text("reason").value_or("");
    if (errors.empty())
        check_reason(reason, errors);
    if (!errors.empty())
        return invalid(std::move(errors), "A rejection needs a reason.");
    return reason;
}

Result<SubscriptionsOnSuspend> suspend_request_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    auto errors = unknown_fields(body, {"subscriptions"});
    if (!errors.empty())
        return invalid_request(std::move(errors));
    Reader r(body, errors);
    const auto choice = r.optional_text("subscriptions", true).value_or("");
    if (choice == "keep")
        return SubscriptionsOnSuspend::Keep;
    if (choice == "cancel")
        return SubscriptionsOnSuspend::Cancel;
    if (errors.empty())
        errors.push_back({"subscriptions", "must be \"keep\" or \"cancel\""});
    return invalid(std::move(errors),
                   "Say whether the organization's subscriptions are kept or cancelled.");
}

Result<DeleteRequest> delete_request_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    auto errors = unknown_fields(body, {"cancelSubscriptions"});
    DeleteRequest request;
    if (const auto it = body.find("cancelSubscriptions"); it != body.end() && !it->is_null()) {
        if (it->is_boolean()) {
            request.cancelSubscriptions = it->get<bool>();
        } else {
            errors.push_back({"cancelSubscriptions", "must be true or false"});
        }
    }
    if (!errors.empty())
        return invalid_request(std::move(errors));
    return request;
}

Result<OwnershipChange> ownership_change_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    auto errors = unknown_fields(body, {"ownershipType", "newOwner", "demoteTo"});
    unknown_nested_fields(body, "newOwner", {"memberId", "name", "email"}, errors);
    Reader r(body, errors);
    OwnershipChange change;
    change.to = r.choice(
        "ownershipType", [](std::string_view t) { return parse_ownership_type(t); },
        OwnershipType::Customer);
    if (r.has("newOwner")) {
        Reader owner = r.child("newOwner");
        if (owner.has("memberId")) {
            change.newOwnerMemberId = owner.text("memberId");
        } else {
            change.newOwner = Person{owner.text("name"), owner.text("email")};
        }
    }
    if (r.has("demoteTo")) {
        change.demoteTo = r.choice(
            "demoteTo", [](std::string_view t) { return parse_member_role(t); },
            MemberRole::Member);
    }
    if (!errors.empty())
        return invalid_request(std::move(errors));
    return change;
}

Result<PlaceOrderRequest> place_order_request_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    auto errors = unknown_fields(body, {"customerId", "lines"});
    Reader r(body, errors);
    PlaceOrderRequest request;
    request.customerId = r.text("customerId");
    const Json* lines = r.find("lines");
    if (lines == nullptr || !lines->is_array()) {
        r.fail("lines", "must be a list of {\"sku\", \"quantity\"}");
    } else {
        for (std::size_t i = 0; i < lines->size(); ++i) {
            const Json& item = (*lines)[i];
            const std::string path = "lines[" + std::to_string(i) + "]";
            if (!item.is_object()) {
                errors.push_back({path, "must be an object {\"sku\", \"quantity\"}"});
                continue;
            }
            for (auto& error : unknown_fields(item, {"sku", "quantity"})) {
                error.field = path + "." + error.field;
                errors.push_back(std::move(error));
            }
            Reader line(item, errors, path + ".");
            OrderLineRequest l;
            l.sku = line.text("sku");
            const std::int64_t quantity = line.integer("quantity");
            // Whether the quantity is allowed is place_order's to say; only keep it in range of
            // an int, so a huge number cannot wrap into an allowed one.
            if (quantity < std::numeric_limits<int>::min() ||
                quantity > std::numeric_limits<int>::max()) {
                line.fail("quantity", "must be from 1 to " + std::to_string(kMaxLineQuantity));
            } else {
                l.quantity = static_cast<int>(quantity);
            }
            request.lines.push_back(std::move(l));
        }
    }
    if (!errors.empty())
        return invalid_request(std::move(errors));
    return request;
}

Json to_json(const PlaceOrderRequest& request) {
    Json lines = Json::array();
    for (const auto& line : request.lines)
        lines.push_back({{"sku", line.sku}, {"quantity", line.quantity}});
    return {{"customerId", request.customerId}, {"lines", lines}};
}

Result<BulkDecisionRequest> bulk_decision_request_from_json(const Json& body) {
    if (!body.is_object())
        return not_an_object();
    auto errors = unknown_fields(body, {"action", "orderIds", "reason"});
    Reader r(body, errors);
    BulkDecisionRequest request;
    request.action = r.choice(
        "action", [](std::string_view t) { return parse_order_action(t); }, OrderAction::Approve);
    const std::size_t before = errors.size();
    request.orderIds = r.texts("orderIds");
    if (errors.size() == before) {
        if (request.orderIds.empty()) {
            r.fail("orderIds", "needs at least one order");
        } else if (request.orderIds.size() > static_cast<std::size_t>(kMaxBulkDecisions)) {
            r.fail("orderIds", "may hold at most " + std::to_string(kMaxBulkDecisions) +
                                   " orders; decide the rest in a second request");
        }
    }
    const std::size_t beforeReason = errors.size();
    request.reason = r.optional_text("reason").value_or("");
    if (errors.size() == beforeReason && request.action == OrderAction::Reject)
        check_reason(request.reason, errors);
    if (!errors.empty())
        return invalid_request(std::move(errors));
    return request;
}

Json to_json(const BulkDecisionRequest& request) {
    Json json = {{"action", to_string(request.action)}, {"orderIds", request.orderIds}};
    if (!request.reason.empty())
        json["reason"] = request.reason;
    return json;
}

Json to_json(const Member& m) {
    return {{"id", m.id}, {"name", m.name}, {"email", m.email}, {"role", to_string(m.role)}};
}

Result<Member> member_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    Member m;
    m.id = r.text("id");
    m.name = r.text("name");
    m.email = r.text("email");
    m.role = r.choice(
        "role", [](std::string_view t) { return parse_member_role(t); }, MemberRole::Member);
    if (!errors.empty())
        return invalid(std::move(errors));
    return m;
}

}  // namespace orgdesk::core
