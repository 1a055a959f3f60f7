// Sign-in, sign-out, the organization list, and the routing of every network answer.
#include <algorithm>
#include <utility>

#include "app/navigation.hpp"
#include "app/updater.hpp"
#include "core/search.hpp"

namespace orgdesk::app {
namespace {

constexpr int kPageSize = 50;
constexpr const char* kUnreachable =
    "Cannot reach the Orgdesk server. Check your connection and try again.";
constexpr const char* kSessionExpired =
    "Signed out: your session expired. Sign in again to return to where you were.";

// Keeps the loaded organizations that match a search which extends the one they were loaded for.
void narrow(OrganizationList& list, std::string_view normalizedSearch) {
    std::erase_if(list.items, [normalizedSearch](const core::CustomerView& item) {
        return !core::matches_normalized_search(item.org, normalizedSearch);
    });
    list.nextCursor.reset();  // a page after the old search's cursor would mix two searches
    list.cursor = -1;         // the row it pointed at may be gone, the others have moved
}

}  // namespace

std::string customer_path(const std::string& id) {
    return "/api/v1/customers/" + core::percent_encode(id);
}

std::string order_path(const std::string& id) {
    return "/api/v1/orders/" + core::percent_encode(id);
}

core::Error error_of(const HttpAnswered& answer) {
    if (answer.status == 0) {
        return core::make_error(core::ErrorKind::Internal, "unreachable", kUnreachable);
    }
    const auto json = core::parse_json(answer.body);
    return core::problem_from_json(answer.status, json ? json.value() : core::Json());
}

Notice notice_of(const core::Error& error) {
    return {error.message, error.requestId};
}

bool succeeded(const HttpAnswered& answer) {
    return answer.status >= 200 && answer.status < 300;
}

std::string list_path(const OrganizationList& list, const std::optional<std::string>& cursor) {
    std::string path = "/api/v1/customers?limit=" + std::to_string(kPageSize);
    if (!list.search.empty())
        path += "&q=" + core::percent_encode(list.search);
    if (list.statusFilter)
        path += "&status=" + std::string(core::to_string(*list.statusFilter));
    if (cursor)
        path += "&cursor=" + core::percent_encode(*cursor);
    return path;
}

Transition update(State state, const Event& event) {
    // A toast reports the last result until the person does something else.
    if (!std::holds_alternative<HttpAnswered>(event) &&
        !std::holds_alternative<TimerFired>(event) && !std::holds_alternative<ClockTicked>(event))
        state.toast.reset();
    Updater updater(std::move(state));
    std::visit(updater, event);
    return std::move(updater).finish();
}

RequestId Updater::send(Purpose purpose, std::string method, std::string path,
                        RequestOptions options) {
    const RequestId id = state_.nextRequestId++;
    std::string token = state_.session ? state_.session->token : std::string();
    effects_.emplace_back(HttpRequest{id, purpose, std::move(method), std::move(path),
                                      std::move(options.body), std::move(token),
                                      std::move(options.ifMatch), std::move(options.idempotencyKey),
                                      purpose == Purpose::WatchChanges});
    return id;
}

std::string Updater::idempotency_key(std::string_view what) {
    // The id part of the session token is random per sign-in, so keys never repeat across
    // sessions; the count makes every attempt within one a new key.
    const std::string& token = state_.session ? state_.session->token : std::string();
    return token.substr(0, token.find('.')) + "-" + std::string(what) + "-" +
           std::to_string(++state_.createCount);
}

void Updater::reload_list() {
    state_.list.pending = send(Purpose::ListCustomers, "GET", list_path(state_.list, {}));
}

void Updater::load_customer(const std::string& id) {
    state_.profile.pendingLoad = send(Purpose::LoadCustomer, "GET", customer_path(id));
}

void Updater::operator()(const SignInEdited& e) {
    auto& form = state_.signIn;
    (e.field == SignInField::Username ? form.username : form.password) = e.value;
    const char* name = e.field == SignInField::Username ? "username" : "password";
    std::erase_if(form.fieldErrors, [name](const auto& f) { return f.field == name; });
}

void Updater::operator()(const SignInSubmitted&) {
    auto& form = state_.signIn;
    if (form.pending)
        return;
    form.error.clear();
    form.fieldErrors.clear();
    if (form.username.empty())
        form.fieldErrors.push_back({"username", "Enter your username."});
    if (form.password.empty())
        form.fieldErrors.push_back({"password", "Enter your password."});
    if (!form.fieldErrors.empty())
        return;
    const auto body = core::to_json(core::Credentials{form.username, form.password}).dump();
    form.pending = send(Purpose::SignIn, "POST", "/api/v1/auth/login", {body, {}, {}});
}

void Updater::operator()(const SignOutClicked&) {
    if (!state_.session)
        return;
    send(Purpose::SignOut, "POST", "/api/v1/auth/logout");
    sign_out("You are signed out.", false);
}

void Updater::operator()(const SearchEdited& e) {
    auto& list = state_.list;
    if (e.text == list.search)
        return;
    const std::string before = core::normalize_search_text(list.search);
    const std::string now = core::normalize_search_text(e.text);
    list.search = e.text;
    // A longer search only drops rows: the loaded ones that still match show at once, and the
    // server's first page for it replaces them when it comes.
    if (now.size() > before.size() && now.starts_with(before))
        narrow(list, now);
    reload_list();
}

void Updater::operator()(const StatusFilterChosen& e) {
    if (e.status == state_.list.statusFilter)
        return;
    state_.list.statusFilter = e.status;
    reload_list();
}

void Updater::operator()(const ListEndReached&) {
    auto& list = state_.list;
    if (list.pending || !list.nextCursor || !state_.session)
        return;
    list.pending = send(Purpose::MoreCustomers, "GET", list_path(list, list.nextCursor));
}

void Updater::operator()(const HttpAnswered& a) {
    if (a.purpose == Purpose::SignOut)
        return;  // already signed out locally
    if (a.purpose == Purpose::StartSandbox)
        return sandbox_started(a);  // answered whether signed in (a reset) or not
    if (a.purpose != Purpose::SignIn && (!state_.session || a.id < state_.session->firstRequest))
        return;  // an answer to an earlier session
    if (a.status == 401 && a.purpose != Purpose::SignIn) {
        if (state_.session)
            sign_out(state_.sandbox ? kSandboxEnded : kSessionExpired, /*isError=*/true);
        return;
    }
    switch (a.purpose) {
        case Purpose::SignIn:
            return signed_in(a);
        case Purpose::ListCustomers:
        case Purpose::MoreCustomers:
            return listed(a);
        case Purpose::LoadCustomer:
            return loaded(a);
        case Purpose::CustomerAction:
            return acted(a);
        case Purpose::CreateCustomer:
            return created(a);
        case Purpose::LoadMembers:
            return members_loaded(a);
        case Purpose::LoadHistory:
            return history_loaded(a);
        case Purpose::LoadSellers:
            return sellers_loaded(a);
        case Purpose::ListOrders:
        case Purpose::MoreOrders:
            return orders_listed(a);
        case Purpose::LoadOrder:
            return order_loaded(a);
        case Purpose::DecideOrder:
            return order_decided(a);
        case Purpose::DecideOrders:
            return selection_decided(a);
        case Purpose::LoadOrderingCustomer:
            return ordering_customer_loaded(a);
        case Purpose::LoadProducts:
            return products_loaded(a);
        case Purpose::PlaceOrder:
            return order_placed(a);
        case Purpose::LoadSubscriptions:
            return subscriptions_loaded(a);
        case Purpose::SubscriptionAction:
            return subscription_changed(a);
        case Purpose::WatchChanges:
            return changes_answered(a);
        case Purpose::SignOut:
        case Purpose::StartSandbox:
            break;
    }
}

void Updater::sign_out(const std::string& message, bool isError) {
    const std::string username = state_.signIn.username;
    const RequestId next = state_.nextRequestId;
    const std::int64_t now = state_.nowMs;
    const ThemeChoice theme = state_.theme;
    // An expired session returns the person to the same screen after the next sign-in.
    const auto route = isError ? route_of(state_) : std::nullopt;
    auto preferences = remembered_preferences(state_);
    state_ = State{};
    state_.pendingRoute = route;
    state_.preferences = std::move(preferences);
    state_.nextRequestId = next;  // answers to old requests must never match new ones
    state_.nowMs = now;
    state_.theme = theme;
    state_.signIn.username = username;
    if (isError) {
        state_.signIn.error = message;
    } else {
        state_.toast = Toast{message, false};
    }
}

void Updater::signed_in(const HttpAnswered& a) {
    auto& form = state_.signIn;
    if (form.pending != a.id)
        return;
    form.pending.reset();
    if (!succeeded(a)) {
        const auto error = error_of(a);
        form.error = notice_of(error);
        form.fieldErrors = error.fields;
        return;
    }
    const auto login =
        decode_body(a, [](const core::Json& j) { return core::login_result_from_json(j); });
    if (!login) {
        form.error = "The server's answer could not be read. Try again.";
        return;
    }
    form.password.clear();
    begin_session(*login);
}

void Updater::begin_session(const core::LoginResult& login) {
    state_.session = Session{login.token, login.expiresAtMs, login.user, state_.nextRequestId};
    state_.screen = Screen::Organizations;
    state_.list = OrganizationList{};
    // The person's remembered filters, unless a link waiting for the sign-in chooses them: either
    // way before the first lists are asked for, so they load once.
    const auto remembered = state_.preferences.find(login.user.username);
    const bool known = remembered != state_.preferences.end();
    state_.theme = known ? remembered->second.theme : ThemeChoice::System;
    if (known) {
        state_.list.search = remembered->second.organizationSearch;
        state_.list.statusFilter = remembered->second.organizationStatus;
        state_.list.sort = remembered->second.organizationSort;
        state_.list.columnWidths = remembered->second.organizationColumns;
    }
    const auto& route = state_.pendingRoute;
    if (route && route->place == Place::Organizations) {
        state_.list.search = route->search;
        state_.list.statusFilter = route->orgStatus;
    }
    reload_list();
    // Staff start from the approval queue's filter; customers see all their orders. The first
    // page also brings the counts for the rail's badge.
    state_.orders = OrderList{};
    if (core::role_may(login.user.role, core::OrderAction::Approve))
        state_.orders.statusFilter = core::OrderStatus::PendingApproval;
    if (known && remembered->second.hasOrderStatus)
        state_.orders.statusFilter = remembered->second.orderStatus;
    if (route && route->place == Place::Orders)
        state_.orders.statusFilter = route->orderStatus;
    reload_orders();
    watch_changes();
    if (state_.pendingRoute) {
        go_to(*state_.pendingRoute);
        state_.pendingRoute.reset();
    }
}

bool Updater::settled(const HttpAnswered& a, std::optional<RequestId>& pending, Notice& error) {
    if (pending != a.id)
        return false;  // an answer the app has moved on from
    pending.reset();
    if (!succeeded(a)) {
        error = notice_of(error_of(a));
        return false;
    }
    return true;
}

void Updater::operator()(const OrganizationSortChosen& e) {
    auto& list = state_.list;
    list.sort = e.sort;
    list.cursor = -1;  // the row it pointed at moved
    if (list.sort) {
        sort_organizations(list.items, *list.sort);
    } else if (state_.session) {
        reload_list();  // the server's order
    }
}

void Updater::operator()(const OrganizationColumnsResized& e) {
    // A width out of range (a damaged measurement) changes nothing.
    const bool valid = std::all_of(e.widths.begin(), e.widths.end(), [](const auto& column) {
        return is_column_width(column.second);
    });
    if (!valid)
        return;
    for (const auto& [column, width] : e.widths)
        state_.list.columnWidths[column] = width;
}

void Updater::listed(const HttpAnswered& a) {
    auto& list = state_.list;
    if (!settled(a, list.pending, list.error))
        return;
    auto page =
        decode_body(a, [](const core::Json& j) { return core::customer_page_from_json(j); });
    if (!page) {
        list.error = "The list could not be read. Try again.";
        return;
    }
    list.error.clear();
    list.loaded = true;
    if (a.purpose == Purpose::ListCustomers)
        list.items.clear();
    for (auto& item : page.value().items)
        list.items.push_back(std::move(item));
    if (list.sort)
        sort_organizations(list.items, *list.sort);
    list.nextCursor = page->nextCursor;
    list.counts = page->counts;
}

}  // namespace orgdesk::app
