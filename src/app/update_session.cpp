#include "app/update.hpp"

#include <algorithm>
#include <utility>

#include "core/organization_lifecycle.hpp"

namespace orgdesk::app {
namespace {

using core::OrgAction;

constexpr int kPageSize = 50;
constexpr const char* kUnreachable =
    "Cannot reach the Orgdesk server. Check your connection and try again.";
constexpr const char* kSessionExpired = "Your session has expired. Sign in again.";

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

// Builds requests and keeps the request ids unique.
struct Requests {
    State& state;
    std::vector<Effect>& effects;

    RequestId send(Purpose purpose, std::string method, std::string path, std::string body = {}) {
        const RequestId id = state.nextRequestId++;
        std::string token = state.session ? state.session->token : std::string();
        effects.emplace_back(HttpRequest{id, purpose, std::move(method), std::move(path),
                                         std::move(body), std::move(token)});
        return id;
    }

    void reload_list() {
        state.list.pending = send(Purpose::ListCustomers, "GET", list_path(state.list, {}));
    }

    void load_customer(const std::string& id) {
        state.profile.pendingLoad =
            send(Purpose::LoadCustomer, "GET", "/api/v1/customers/" + url_encode(id));
    }
};

// The path and method of an action on one customer (the seed's paths).
std::pair<std::string, std::string> action_route(OrgAction action, const std::string& id) {
    const std::string base = "/api/v1/customers/" + url_encode(id);
    if (action == OrgAction::Delete)
        return {"DELETE", base};
    return {"PUT", base + "/" + std::string(core::to_string(action))};
}

std::string past_tense(OrgAction action) {
    switch (action) {
        case OrgAction::Approve:
            return "approved and is now Active";
        case OrgAction::Reject:
            return "rejected";
        case OrgAction::Suspend:
            return "suspended";
        case OrgAction::Resume:
            return "active again";
        case OrgAction::Delete:
            return "deleted";
        case OrgAction::Edit:
            break;
    }
    return "saved";
}

core::Error error_of(const HttpAnswered& answer) {
    if (answer.status == 0) {
        return core::make_error(core::ErrorKind::Internal, "unreachable", kUnreachable);
    }
    const auto json = core::parse_json(answer.body);
    return core::problem_from_json(answer.status, json ? json.value() : core::Json());
}

bool ok(const HttpAnswered& answer) {
    return answer.status >= 200 && answer.status < 300;
}

void replace_in_list(OrganizationList& list, const core::CustomerView& view) {
    for (auto& item : list.items) {
        if (item.org.id == view.org.id)
            item = view;
    }
}

class Updater {
  public:
    explicit Updater(State state) : state_(std::move(state)) {}

    Transition finish() && { return {std::move(state_), std::move(effects_)}; }

    void operator()(const SignInEdited& e) {
        auto& form = state_.signIn;
        (e.field == SignInField::Username ? form.username : form.password) = e.value;
        const char* name = e.field == SignInField::Username ? "username" : "password";
        std::erase_if(form.fieldErrors, [name](const auto& f) { return f.field == name; });
    }

    void operator()(const SignInSubmitted&) {
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
        form.pending =
            requests().send(Purpose::SignIn, "POST", "/api/v1/auth/login",
                            core::to_json(core::Credentials{form.username, form.password}).dump());
    }

    void operator()(const SignOutClicked&) {
        if (!state_.session)
            return;
        requests().send(Purpose::SignOut, "POST", "/api/v1/auth/logout");
        sign_out("You are signed out.");
    }

    void operator()(const SearchEdited& e) {
        if (e.text == state_.list.search)
            return;
        state_.list.search = e.text;
        requests().reload_list();
    }

    void operator()(const StatusFilterChosen& e) {
        if (e.status == state_.list.statusFilter)
            return;
        state_.list.statusFilter = e.status;
        requests().reload_list();
    }

    void operator()(const ListEndReached&) {
        auto& list = state_.list;
        if (list.pending || !list.nextCursor || !state_.session)
            return;
        list.pending =
            requests().send(Purpose::MoreCustomers, "GET", list_path(list, list.nextCursor));
    }

    void operator()(const OrganizationOpened& e) {
        if (!state_.session)
            return;
        state_.screen = Screen::Profile;
        state_.profile = Profile{};
        state_.profile.id = e.id;
        // Show what the list already knows at once; the fresh copy replaces it when it arrives.
        const auto& items = state_.list.items;
        const auto known = std::find_if(items.begin(), items.end(),
                                        [&e](const auto& v) { return v.org.id == e.id; });
        if (known != items.end())
            state_.profile.customer = *known;
        requests().load_customer(e.id);
    }

    void operator()(const BackToListClicked&) {
        if (state_.session)
            state_.screen = Screen::Organizations;
    }

    void operator()(const OrganizationActionClicked& e) {
        auto& profile = state_.profile;
        if (!profile.customer || profile.pendingAction)
            return;
        const auto& allowed = profile.customer->actions;
        if (std::find(allowed.begin(), allowed.end(), e.action) == allowed.end())
            return;
        const auto [method, path] = action_route(e.action, profile.customer->org.id);
        profile.error.clear();
        profile.runningAction = e.action;
        profile.pendingAction = requests().send(Purpose::CustomerAction, method, path);
    }

    void operator()(const ToastDismissed&) { state_.toast.reset(); }

    void operator()(const HttpAnswered& a) {
        if (a.purpose == Purpose::SignOut)
            return;  // already signed out locally
        if (a.status == 401 && a.purpose != Purpose::SignIn) {
            if (state_.session)
                sign_out(kSessionExpired, /*isError=*/true);
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
            case Purpose::SignOut:
                break;
        }
    }

  private:
    Requests requests() { return Requests{state_, effects_}; }

    void sign_out(const std::string& message, bool isError = false) {
        const std::string username = state_.signIn.username;
        const RequestId next = state_.nextRequestId;
        state_ = State{};
        state_.nextRequestId = next;  // answers to old requests must never match new ones
        state_.signIn.username = username;
        if (isError) {
            state_.signIn.error = message;
        } else {
            state_.toast = Toast{message, false};
        }
    }

    void signed_in(const HttpAnswered& a) {
        auto& form = state_.signIn;
        if (form.pending != a.id)
            return;
        form.pending.reset();
        if (!ok(a)) {
            const auto error = error_of(a);
            form.error = error.message;
            form.fieldErrors = error.fields;
            return;
        }
        const auto json = core::parse_json(a.body);
        auto login = json ? core::login_result_from_json(json.value())
                          : core::Result<core::LoginResult>(json.error());
        if (!login) {
            form.error = "The server's answer could not be read. Try again.";
            return;
        }
        state_.session = Session{login->token, login->expiresAtMs, login->user};
        form.password.clear();
        state_.screen = Screen::Organizations;
        state_.list = OrganizationList{};
        requests().reload_list();
    }

    void listed(const HttpAnswered& a) {
        auto& list = state_.list;
        if (list.pending != a.id)
            return;  // an answer to a search the user has moved on from
        list.pending.reset();
        if (!ok(a)) {
            list.error = error_of(a).message;
            return;
        }
        const auto json = core::parse_json(a.body);
        auto page = json ? core::customer_page_from_json(json.value())
                         : core::Result<core::CustomerPage>(json.error());
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
        list.nextCursor = page->nextCursor;
        list.counts = page->counts;
    }

    void loaded(const HttpAnswered& a) {
        auto& profile = state_.profile;
        if (profile.pendingLoad != a.id)
            return;
        profile.pendingLoad.reset();
        if (!ok(a)) {
            profile.error = error_of(a).message;
            if (a.status == 404)
                profile.customer.reset();
            return;
        }
        if (auto view = decode_customer(a)) {
            replace_in_list(state_.list, *view);
            profile.customer = std::move(view);
        }
    }

    void acted(const HttpAnswered& a) {
        auto& profile = state_.profile;
        if (profile.pendingAction != a.id)
            return;
        profile.pendingAction.reset();
        const auto action = profile.runningAction.value_or(OrgAction::Edit);
        profile.runningAction.reset();
        if (!ok(a)) {
            profile.error = error_of(a).message;
            state_.toast = Toast{profile.error, true};
            if (a.status == 409 || a.status == 412)
                requests().load_customer(profile.id);
            return;
        }
        auto view = decode_customer(a);
        if (!view)
            return;
        profile.pendingLoad.reset();  // this answer is newer than any load still on its way
        state_.toast = Toast{view->org.name + " was " + past_tense(action) + ".", false};
        replace_in_list(state_.list, *view);
        profile.customer = std::move(view);
        requests().reload_list();  // counts and filters may have changed
    }

    std::optional<core::CustomerView> decode_customer(const HttpAnswered& a) {
        const auto json = core::parse_json(a.body);
        auto view = json ? core::customer_view_from_json(json.value())
                         : core::Result<core::CustomerView>(json.error());
        if (!view) {
            state_.profile.error = "The organization could not be read. Reload and try again.";
            return std::nullopt;
        }
        return std::move(view).value();
    }

    State state_;
    std::vector<Effect> effects_;
};

}  // namespace

std::string list_path(const OrganizationList& list, const std::optional<std::string>& cursor) {
    std::string path = "/api/v1/customers?limit=" + std::to_string(kPageSize);
    if (!list.search.empty())
        path += "&q=" + url_encode(list.search);
    if (list.statusFilter)
        path += "&status=" + std::string(core::to_string(*list.statusFilter));
    if (cursor)
        path += "&cursor=" + url_encode(*cursor);
    return path;
}

Transition update(State state, const Event& event) {
    Updater updater(std::move(state));
    std::visit(updater, event);
    return std::move(updater).finish();
}

}  // namespace orgdesk::app
