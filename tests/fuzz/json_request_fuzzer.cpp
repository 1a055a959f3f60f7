// Any bytes as a JSON request body, through every decoder of the core's wire contract. None may
// throw or crash; whatever one accepts must come back the same through its encoder.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/json_codecs.hpp"
#include "core/order_codecs.hpp"
#include "core/request_codecs.hpp"
#include "fuzz_check.hpp"

namespace {

using namespace orgdesk::core;
using orgdesk::fuzz::check;

// What a PATCH is applied to: a valid Customer organization.
const Organization& current_organization() {
    static const Organization org = [] {
        auto request = create_request_from_json(Json::parse(R"({
            "name": "Omega Logistics", "segment": "SMB", "ownershipType": "Customer",
            "owner": {"name": "Elena Petrova", "email": "elena@omega.example"},
            "billing": {"company": "Omega", "address": "Kazan 1", "country": "RU",
                        "email": "elena@omega.example"},
            "customerReference": "CR-9", "buyerTags": ["vip"]})"));
        if (!request)
            orgdesk::fuzz::fail("the PATCH fixture does not decode", request.error().message);
        Organization o = request->org;
        o.id = "7d9f4b1e-1111-4c2a-9a53-000000000001";
        o.version = 3;
        return o;
    }();
    return org;
}

// Decoding what encoding an accepted value wrote gives the value again.
template <class T, class Decode, class Encode, class Same>
void round_trip(const Result<T>& decoded, Decode decode, Encode encode, Same same,
                std::string_view what) {
    if (!decoded)
        return;
    const Json written = encode(*decoded);
    const auto again = decode(written);
    check(again.ok(), what, again ? std::string_view{} : again.error().message);
    check(same(*decoded, *again), what, written.dump());
}

const auto equal = [](const auto& a, const auto& b) { return a == b; };

void decode_everything(const Json& json) {
    // Request bodies.
    (void)create_request_from_json(json);
    (void)apply_organization_patch(current_organization(), json);
    (void)reject_reason_from_json(json);
    (void)suspend_request_from_json(json);
    (void)delete_request_from_json(json);
    (void)ownership_change_from_json(json);
    (void)credentials_from_json(json);
    round_trip(
        place_order_request_from_json(json), place_order_request_from_json,
        [](const PlaceOrderRequest& r) { return to_json(r); },
        [](const PlaceOrderRequest& a, const PlaceOrderRequest& b) {
            return a.customerId == b.customerId && a.lines == b.lines;
        },
        "a place-order request round-trips");
    round_trip(
        bulk_decision_request_from_json(json), bulk_decision_request_from_json,
        [](const BulkDecisionRequest& r) { return to_json(r); },
        [](const BulkDecisionRequest& a, const BulkDecisionRequest& b) {
            return a.action == b.action && a.orderIds == b.orderIds && a.reason == b.reason;
        },
        "a bulk decision request round-trips");
    round_trip(
        member_from_json(json), member_from_json, [](const Member& m) { return to_json(m); }, equal,
        "a member round-trips");

    // Answers, as the web app decodes them.
    round_trip(
        customer_view_from_json(json), customer_view_from_json,
        [](const CustomerView& v) { return to_json(v); },
        [](const CustomerView& a, const CustomerView& b) {
            return a.org == b.org && a.actions == b.actions;
        },
        "a customer round-trips");
    (void)customer_page_from_json(json);
    round_trip(
        principal_from_json(json), principal_from_json,
        [](const Principal& p) { return to_json(p); },
        [](const Principal& a, const Principal& b) { return to_json(a) == to_json(b); },
        "a principal round-trips");
    (void)login_result_from_json(json);
    (void)problem_from_json(400, json);
    round_trip(
        order_view_from_json(json), order_view_from_json,
        [](const OrderView& v) { return to_json(v); },
        [](const OrderView& a, const OrderView& b) {
            return a.order == b.order && a.customer == b.customer && a.actions == b.actions &&
                   a.links == b.links;
        },
        "an order round-trips");
    (void)order_page_from_json(json);
    round_trip(
        product_from_json(json), product_from_json, [](const Product& p) { return to_json(p); },
        equal, "a product round-trips");
    (void)products_from_json(json);
    round_trip(
        subscription_view_from_json(json), subscription_view_from_json,
        [](const SubscriptionView& v) { return to_json(v); },
        [](const SubscriptionView& a, const SubscriptionView& b) {
            return a.subscription == b.subscription && a.actions == b.actions;
        },
        "a subscription round-trips");
    (void)subscriptions_from_json(json);
    (void)bulk_results_from_json(json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto json = parse_json(text);
    if (!json)
        return 0;
    decode_everything(*json);
    // Bodies often arrive wrapped ({"items": [...]}) or as one element of a list: decode those
    // too, so the fuzzer reaches the decoders' inner shapes from either side.
    if (json->is_object()) {
        for (const auto& [key, value] : json->items())
            decode_everything(value);
    } else if (json->is_array()) {
        for (const auto& item : *json)
            decode_everything(item);
    }
    return 0;
}
