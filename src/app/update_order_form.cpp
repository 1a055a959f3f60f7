// A customer's new order: the products their organization may order, quantities as typed, the
// price the core computes for them (the same function the server charges with), and placing it.
#include <algorithm>
#include <charconv>
#include <utility>

#include "app/updater.hpp"
#include "core/order_placement.hpp"
#include "core/text.hpp"

namespace orgdesk::app {
namespace {

// The core names a line's field "lines[2].quantity" and says what is wrong with it in a few
// words ("must be from 1 to 10000"); the form shows it as a sentence under that product.
struct LineField {
    std::size_t index = 0;
    std::string name;  // "quantity", "sku"
};

std::optional<LineField> line_field(std::string_view field) {
    constexpr std::string_view kPrefix = "lines[";
    if (field.substr(0, kPrefix.size()) != kPrefix)
        return std::nullopt;
    const auto close = field.find("].");
    if (close == std::string_view::npos)
        return std::nullopt;
    LineField out;
    const auto digits = field.substr(kPrefix.size(), close - kPrefix.size());
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.index);
    if (ec != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;
    out.name = std::string(field.substr(close + 2));
    return out;
}

std::string line_message(const LineField& field, const std::string& message) {
    return (field.name == "quantity" ? "Quantity " : "This product ") + message + ".";
}

// The lines of the form: every product with a quantity, in catalog order. A quantity that is not
// a whole number is an error of its own; 0 or nothing means "not ordered".
struct TypedLines {
    std::vector<core::OrderLineRequest> lines;
    std::map<std::string, std::string> errors;  // by sku
};

TypedLines typed_lines(const OrderForm& form) {
    TypedLines out;
    for (const auto& product : form.products) {
        const auto typed = form.quantities.find(product.sku);
        if (typed == form.quantities.end())
            continue;
        const std::string_view text = core::trim(typed->second);
        if (text.empty())
            continue;
        int quantity = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), quantity);
        if (ec != std::errc() || end != text.data() + text.size()) {
            out.errors[product.sku] = "Enter the quantity as a whole number, such as 5.";
            continue;
        }
        if (quantity != 0)
            out.lines.push_back({product.sku, quantity});
    }
    return out;
}

// The field errors of `error` placed under the products of `skus` (the lines in the order sent),
// and the rest said in `general`.
void place_errors(const core::Error& error, const std::vector<std::string>& skus,
                  std::map<std::string, std::string>& byProduct, Notice& general) {
    for (const auto& field : error.fields) {
        const auto line = line_field(field.field);
        if (line && line->index < skus.size()) {
            byProduct[skus[line->index]] = line_message(*line, field.message);
        } else if (field.field == "lines") {
            general.text += " The order " + field.message + ".";
        }
    }
}

std::vector<std::string> skus_of(const std::vector<core::OrderLineRequest>& lines) {
    std::vector<std::string> skus;
    for (const auto& line : lines)
        skus.push_back(line.sku);
    return skus;
}

}  // namespace

bool may_open_order_form(const State& state) {
    if (!state.session || state.session->user.customerId.empty())
        return false;  // staff order through the API; the form is the customer's
    const auto& user = state.session->user;
    const auto& items = state.list.items;
    const auto own = std::find_if(items.begin(), items.end(),
                                  [&user](const auto& v) { return v.org.id == user.customerId; });
    if (own == items.end())
        return false;
    const auto allowed = core::may_place_order(user, own->org);
    return allowed || allowed.error().kind == core::ErrorKind::Conflict;
}

void Updater::operator()(const NewOrderClicked&) {
    if (!may_open_order_form(state_))
        return;
    const std::string& customerId = state_.session->user.customerId;
    state_.screen = Screen::NewOrder;
    state_.orderForm = OrderForm{};
    auto& form = state_.orderForm;
    form.pendingCustomer = send(Purpose::LoadOrderingCustomer, "GET", customer_path(customerId));
    form.pendingProducts = send(Purpose::LoadProducts, "GET",
                                "/api/v1/products?customerId=" + core::percent_encode(customerId));
}

void Updater::operator()(const OrderQuantityEdited& e) {
    auto& form = state_.orderForm;
    if (form.pending)
        return;
    form.quantities[e.sku] = e.text;
    form.error.clear();
    update_order_preview();
}

// The preview follows every keystroke: the core prices the lines typed so far with the
// organization's tax; what it refuses is shown under the product at once.
void Updater::update_order_preview() {
    auto& form = state_.orderForm;
    auto typed = typed_lines(form);
    form.lineErrors = std::move(typed.errors);
    form.preview.reset();
    if (typed.lines.empty())
        return;
    const auto priced = core::priced_lines(typed.lines, form.products);
    if (!priced) {
        Notice ignored;  // "needs at least one product" is said only when placing
        place_errors(priced.error(), skus_of(typed.lines), form.lineErrors, ignored);
        return;
    }
    if (form.customer && form.lineErrors.empty())
        form.preview = core::price_of(priced.value(), form.customer->org.billing.country);
}

void Updater::operator()(const PlaceOrderClicked&) {
    auto& form = state_.orderForm;
    if (form.pending || !state_.session || form.pendingProducts)
        return;
    update_order_preview();
    if (!form.lineErrors.empty()) {
        form.error = "Correct the quantities marked and place the order again.";
        return;
    }
    const auto typed = typed_lines(form);
    if (typed.lines.empty()) {
        form.error = "Enter a quantity for at least one product.";
        return;
    }
    core::PlaceOrderRequest request{state_.session->user.customerId, typed.lines};
    form.sentSkus = skus_of(typed.lines);
    form.pending = send(Purpose::PlaceOrder, "POST", "/api/v1/orders",
                        {core::to_json(request).dump(), {}, idempotency_key("order")});
}

void Updater::operator()(const NewOrderCancelled&) {
    if (state_.session && !state_.orderForm.pending)
        state_.screen = Screen::Orders;
}

void Updater::ordering_customer_loaded(const HttpAnswered& a) {
    auto& form = state_.orderForm;
    if (!settled(a, form.pendingCustomer, form.error))
        return;
    if (auto view = decode_customer(a, form.error)) {
        form.customer = std::move(*view);
        update_order_preview();
    }
}

void Updater::products_loaded(const HttpAnswered& a) {
    auto& form = state_.orderForm;
    // A refusal says why, e.g. for an organization that is not Active.
    if (!settled(a, form.pendingProducts, form.error))
        return;
    auto products = decode_body(a, [](const core::Json& j) { return core::products_from_json(j); });
    if (!products) {
        form.error = "The products could not be read. Try again.";
        return;
    }
    form.products = std::move(products).value();
    update_order_preview();
}

void Updater::order_placed(const HttpAnswered& a) {
    auto& form = state_.orderForm;
    if (form.pending != a.id)
        return;
    form.pending.reset();
    if (!succeeded(a)) {
        const auto error = error_of(a);
        form.error = notice_of(error);
        form.lineErrors.clear();
        place_errors(error, form.sentSkus, form.lineErrors, form.error);
        return;
    }
    auto view = decode_order(a);
    if (!view) {
        form.error = "The order was placed, but the answer could not be read. See Orders.";
        return;
    }
    state_.toast = Toast{"Your order was placed. It waits for your reseller's approval.", false};
    state_.orderForm = OrderForm{};
    state_.screen = Screen::OrderDetail;
    state_.order = OrderDetail{};
    state_.order.id = view->order.id;
    state_.order.view = std::move(*view);
    reload_orders();
}

}  // namespace orgdesk::app
