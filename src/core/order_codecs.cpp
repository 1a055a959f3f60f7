#include "core/order_codecs.hpp"

#include "core/json_reader.hpp"

namespace orgdesk::core {
namespace {

Json time_or_null(std::int64_t ms) {
    return ms == 0 ? Json(nullptr) : Json(format_iso8601(ms));
}

std::int64_t optional_time(Reader& r, const char* key) {
    return r.has(key) ? r.timestamp(key) : 0;
}

Json person_or_null(const std::string& id, const std::string& name) {
    if (id.empty())
        return nullptr;
    return {{"id", id}, {"name", name}};
}

void read_person(Reader& r, const char* key, std::string& id, std::string& name) {
    if (!r.has(key))
        return;
    Reader person = r.child(key);
    id = person.text("id");
    name = person.optional_text("name").value_or("");
}

MinorUnits amount(Reader& r, const char* key, const std::string& currency) {
    const auto text = r.optional_text(key, true);
    if (!text)
        return 0;
    const auto parsed = parse_amount(*text, currency);
    if (!parsed)
        r.fail(key, "must be an amount such as \"12.50\" in the order's currency");
    return parsed.value_or(0);
}

std::string rate_text(int basisPoints) {
    return format_amount(basisPoints, "EUR");  // basis points print like cents: 2500 → "25.00"
}

template <class Enum, class Parse>
std::vector<Enum> read_actions(Reader& r, Parse parse) {
    std::vector<Enum> out;
    for (const auto& name : r.texts("actions")) {
        // Actions this build does not know yet are ignored, so an older app keeps working.
        if (const auto action = parse(name))
            out.push_back(*action);
    }
    return out;
}

template <class T, class Decode>
Result<std::vector<T>> items_from_json(const Json& json, Decode decode) {
    if (!json.is_object())
        return not_an_object();
    const auto items = json.find("items");
    if (items == json.end() || !items->is_array())
        return invalid({{"items", "must be a list"}});
    std::vector<T> out;
    for (const auto& item : *items) {
        auto decoded = decode(item);
        if (!decoded)
            return decoded.error();
        out.push_back(std::move(decoded).value());
    }
    return out;
}

}  // namespace

OrderCustomer order_customer_of(const Organization& org) {
    return {org.id, org.name, org.status, org.segment, org.billing.country, org.billing.email};
}

Json to_json(const OrderView& view) {
    const Order& o = view.order;
    const std::string& currency = o.price.currency;
    Json lines = Json::array();
    for (const auto& line : o.lines) {
        lines.push_back({{"sku", line.sku},
                         {"name", line.name},
                         {"quantity", line.quantity},
                         {"unitPrice", format_amount(line.unitPrice, currency)},
                         {"lineTotal", format_amount(line.unitPrice * line.quantity, currency)},
                         {"billingPeriod", to_string(line.billingPeriod)}});
    }
    Json actions = Json::array();
    for (const auto action : view.actions)
        actions.push_back(to_string(action));
    Json links = {{"self", view.links.self}};
    if (view.links.approve)
        links["approve"] = *view.links.approve;
    if (view.links.reject)
        links["reject"] = *view.links.reject;
    const OrderCustomer& c = view.customer;
    return {
        {"id", o.id},
        {"customerId", o.customerId},
        {"customer",
         {{"id", c.id},
          {"name", c.name},
          {"status", to_string(c.status)},
          {"segment", c.segment},
          {"billingCountry", c.billingCountry},
          {"billingEmail", c.billingEmail}}},
        {"sellerId", o.sellerId},
        {"distributorId", o.distributorId},
        {"lines", lines},
        {"price",
         {{"net", format_amount(o.price.net, currency)},
          {"tax", format_amount(o.price.tax, currency)},
          {"total", format_amount(o.price.total, currency)},
          {"currency", currency},
          {"taxRate", rate_text(o.price.taxRateBasisPoints)}}},
        {"status", to_string(o.status)},
        {"statusText", display_name(o.status)},
        {"placedBy", person_or_null(o.placedById, o.placedByName)},
        {"decidedBy", person_or_null(o.decidedById, o.decidedByName)},
        {"decidedAt", time_or_null(o.decidedAtMs)},
        {"rejectionReason", o.rejectionReason},
        {"failureReason", o.failureReason},
        {"version", o.version},
        {"actions", actions},
        {"links", links},
        {"createdAt", format_iso8601(o.createdAtMs)},
        {"updatedAt", format_iso8601(o.updatedAtMs)},
    };
}

Result<OrderView> order_view_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    OrderView view;
    Order& o = view.order;
    o.id = r.text("id");
    o.customerId = r.text("customerId");
    o.sellerId = r.optional_text("sellerId").value_or("");
    o.distributorId = r.optional_text("distributorId").value_or("");
    Reader price = r.child("price", true);
    o.price.currency = price.text("currency");
    o.price.net = amount(price, "net", o.price.currency);
    o.price.tax = amount(price, "tax", o.price.currency);
    o.price.total = amount(price, "total", o.price.currency);
    if (const auto rate = price.optional_text("taxRate"))
        o.price.taxRateBasisPoints = static_cast<int>(parse_amount(*rate, "EUR").value_or(0));
    if (const Json* lines = r.find("lines"); lines != nullptr && lines->is_array()) {
        for (const auto& item : *lines) {
            Reader line(item, errors, "lines.");
            OrderLine l;
            l.sku = line.text("sku");
            l.name = line.optional_text("name").value_or("");
            l.quantity = static_cast<int>(line.integer("quantity"));
            l.unitPrice = amount(line, "unitPrice", o.price.currency);
            l.billingPeriod = line.choice(
                "billingPeriod", [](std::string_view t) { return parse_billing_period(t); },
                BillingPeriod::Monthly);
            o.lines.push_back(std::move(l));
        }
    } else {
        r.fail("lines", "must be a list");
    }
    o.status = r.choice(
        "status", [](std::string_view t) { return parse_order_status(t); },
        OrderStatus::PendingApproval);
    read_person(r, "placedBy", o.placedById, o.placedByName);
    read_person(r, "decidedBy", o.decidedById, o.decidedByName);
    o.decidedAtMs = optional_time(r, "decidedAt");
    o.rejectionReason = r.optional_text("rejectionReason").value_or("");
    o.failureReason = r.optional_text("failureReason").value_or("");
    o.version = r.integer("version");
    o.createdAtMs = r.timestamp("createdAt");
    o.updatedAtMs = optional_time(r, "updatedAt");
    Reader customer = r.child("customer", true);
    view.customer.id = customer.text("id");
    view.customer.name = customer.text("name");
    view.customer.status = customer.choice(
        "status", [](std::string_view t) { return parse_org_status(t); }, OrgStatus::New);
    view.customer.segment = customer.optional_text("segment").value_or("");
    view.customer.billingCountry = customer.optional_text("billingCountry").value_or("");
    view.customer.billingEmail = customer.optional_text("billingEmail").value_or("");
    view.actions =
        read_actions<OrderAction>(r, [](std::string_view t) { return parse_order_action(t); });
    Reader links = r.child("links");
    view.links.self = links.optional_text("self").value_or("");
    view.links.approve = links.optional_text("approve");
    view.links.reject = links.optional_text("reject");
    if (!errors.empty())
        return invalid(std::move(errors));
    return view;
}

Json to_json(const OrderPage& page) {
    return page_json(page.items, page.nextCursor, page.counts);
}

Result<OrderPage> order_page_from_json(const Json& json) {
    auto items = items_from_json<OrderView>(
        json, [](const Json& item) { return order_view_from_json(item); });
    if (!items)
        return items.error();
    OrderPage page;
    page.items = std::move(items).value();
    if (const auto cursor = json.find("nextCursor"); cursor != json.end() && cursor->is_string())
        page.nextCursor = cursor->get<std::string>();
    if (const auto counts = json.find("counts"); counts != json.end() && counts->is_object()) {
        for (const auto& [name, n] : counts->items()) {
            const auto status = parse_order_status(name);
            if (status && n.is_number_integer())
                page.counts[*status] = n.get<int>();
        }
    }
    return page;
}

Json to_json(const Product& p) {
    return {{"sku", p.sku},
            {"name", p.name},
            {"unitPrice", format_amount(p.unitPrice, p.currency)},
            {"currency", p.currency},
            {"billingPeriod", to_string(p.billingPeriod)},
            {"segments", p.segments}};
}

Result<Product> product_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    Product p;
    p.sku = r.text("sku");
    p.name = r.text("name");
    p.currency = r.text("currency");
    p.unitPrice = amount(r, "unitPrice", p.currency);
    p.billingPeriod = r.choice(
        "billingPeriod", [](std::string_view t) { return parse_billing_period(t); },
        BillingPeriod::Monthly);
    p.segments = r.texts("segments");
    if (!errors.empty())
        return invalid(std::move(errors));
    return p;
}

Json products_to_json(const std::vector<Product>& products) {
    Json items = Json::array();
    for (const auto& p : products)
        items.push_back(to_json(p));
    return {{"items", items}};
}

Result<std::vector<Product>> products_from_json(const Json& json) {
    return items_from_json<Product>(json, [](const Json& item) { return product_from_json(item); });
}

Json to_json(const SubscriptionView& view) {
    const Subscription& s = view.subscription;
    Json actions = Json::array();
    for (const auto action : view.actions)
        actions.push_back(to_string(action));
    return {{"id", s.id},
            {"customerId", s.customerId},
            {"orderId", s.orderId},
            {"sku", s.sku},
            {"name", s.name},
            {"quantity", s.quantity},
            {"billingPeriod", to_string(s.billingPeriod)},
            {"status", to_string(s.status)},
            {"version", s.version},
            {"actions", actions},
            {"createdAt", format_iso8601(s.createdAtMs)},
            {"updatedAt", format_iso8601(s.updatedAtMs)}};
}

Result<SubscriptionView> subscription_view_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    SubscriptionView view;
    Subscription& s = view.subscription;
    s.id = r.text("id");
    s.customerId = r.text("customerId");
    s.orderId = r.optional_text("orderId").value_or("");
    s.sku = r.text("sku");
    s.name = r.optional_text("name").value_or("");
    s.quantity = static_cast<int>(r.integer("quantity"));
    s.billingPeriod = r.choice(
        "billingPeriod", [](std::string_view t) { return parse_billing_period(t); },
        BillingPeriod::Monthly);
    s.status = r.choice(
        "status", [](std::string_view t) { return parse_subscription_status(t); },
        SubscriptionStatus::Active);
    s.version = r.integer("version");
    s.createdAtMs = r.timestamp("createdAt");
    s.updatedAtMs = r.timestamp("updatedAt");
    view.actions = read_actions<SubscriptionAction>(
        r, [](std::string_view t) { return parse_subscription_action(t); });
    if (!errors.empty())
        return invalid(std::move(errors));
    return view;
}

Json subscriptions_to_json(const std::vector<SubscriptionView>& views) {
    Json items = Json::array();
    for (const auto& view : views)
        items.push_back(to_json(view));
    return {{"items", items}};
}

Result<std::vector<SubscriptionView>> subscriptions_from_json(const Json& json) {
    return items_from_json<SubscriptionView>(
        json, [](const Json& item) { return subscription_view_from_json(item); });
}

Json to_json(const std::vector<BulkDecisionResult>& results) {
    Json items = Json::array();
    for (const auto& result : results) {
        Json item = {{"orderId", result.orderId}, {"ok", result.order.has_value()}};
        if (result.order)
            item["order"] = to_json(*result.order);
        if (result.error)
            item["error"] = problem_to_json(*result.error);
        items.push_back(std::move(item));
    }
    return {{"results", items}};
}

Result<std::vector<BulkDecisionResult>> bulk_results_from_json(const Json& json) {
    if (!json.is_object())
        return not_an_object();
    const auto results = json.find("results");
    if (results == json.end() || !results->is_array())
        return invalid({{"results", "must be a list"}});
    std::vector<BulkDecisionResult> out;
    for (const auto& item : *results) {
        if (!item.is_object() || !item.contains("orderId") || !item["orderId"].is_string())
            return invalid({{"results", "each result needs an orderId"}});
        BulkDecisionResult result;
        result.orderId = item["orderId"].get<std::string>();
        if (const auto order = item.find("order"); order != item.end()) {
            auto view = order_view_from_json(*order);
            if (!view)
                return view.error();
            result.order = std::move(view).value();
        }
        if (const auto error = item.find("error"); error != item.end() && error->is_object()) {
            const auto code = error->find("status");
            const int status =
                code != error->end() && code->is_number_integer() ? code->get<int>() : 500;
            result.error = problem_from_json(status, *error);
        }
        out.push_back(std::move(result));
    }
    return out;
}

}  // namespace orgdesk::core
