#include "core/json_codecs.hpp"

#include <utility>

#include "core/json_limits.hpp"
#include "core/json_reader.hpp"
#include "core/request_codecs.hpp"
#include "core/time_format.hpp"

namespace orgdesk::core {

Result<Json> parse_json(std::string_view text) {
    bool tooDeep = false;
    // The depth is that of the array or object being opened (0 for the document itself); one
    // beyond the limit is discarded as it is read, so memory stays bounded too.
    const auto limitDepth = [&tooDeep](int depth, Json::parse_event_t event, const Json&) {
        const bool opens =
            event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
        tooDeep = tooDeep || (opens && depth >= kMaxJsonDepth);
        return !tooDeep;
    };
    Json json = Json::parse(text.begin(), text.end(), limitDepth, /*allow_exceptions=*/false);
    if (tooDeep) {
        return make_error(ErrorKind::InvalidInput, "json-too-deep",
                          "The request body nests arrays and objects more than " +
                              std::to_string(kMaxJsonDepth) +
                              " levels deep. Send a flatter document.");
    }
    if (json.is_discarded()) {
        return make_error(ErrorKind::InvalidInput, "malformed-json",
                          "The request body is not valid JSON. Check the syntax and send it "
                          "again.");
    }
    return json;
}

namespace {

template <class Out>
void write_editable_fields(Out& out, const Organization& o) {
    field(out, "name", o.name);
    field(out, "segment", o.segment);
    field(out, "ownershipType", to_string(o.ownershipType));
    out.key("billing");
    out.begin_object();
    field(out, "company", o.billing.company);
    field(out, "address", o.billing.address);
    field(out, "country", o.billing.country);
    field(out, "taxId", o.billing.taxId);
    field(out, "email", o.billing.email);
    out.end_object();
    out.key("primaryContact");
    out.begin_object();
    field(out, "name", o.primaryContact.name);
    field(out, "role", o.primaryContact.role);
    field(out, "phone", o.primaryContact.phone);
    out.end_object();
    field(out, "customerReference", o.customerReference);
    field(out, "externalContract", o.externalContract);
    field(out, "purchasedNumbers", o.purchasedNumbers);
    field(out, "buyerTags", o.buyerTags);
    out.key("owner");
    if (o.owner) {
        out.begin_object();
        field(out, "name", o.owner->name);
        field(out, "email", o.owner->email);
        out.end_object();
    } else {
        out.null();
    }
}

template <class Out>
void write_customer(Out& out, const CustomerView& view) {
    const Organization& o = view.org;
    out.begin_object();
    write_editable_fields(out, o);
    field(out, "id", o.id);
    field(out, "providerId", o.providerId);
    field(out, "status", to_string(o.status));
    field(out, "distributorId", o.distributorId);
    field(out, "sellerId", o.sellerId);
    field(out, "subscriptionCount", static_cast<std::int64_t>(o.subscriptionCount));
    field(out, "userCount", static_cast<std::int64_t>(o.userCount));
    field(out, "rejectionReason", o.rejectionReason);
    field(out, "version", o.version);
    out.key("actions");
    out.begin_array();
    for (const auto action : view.actions)
        out.string(to_string(action));
    out.end_array();
    field(out, "createdAt", format_iso8601(o.createdAtMs));
    field(out, "updatedAt", format_iso8601(o.updatedAtMs));
    out.end_object();
}

template <class Out>
void write_customer_page(Out& out, const CustomerPage& page) {
    write_page(out, page.items, page.nextCursor, page.counts,
               [](Out& o, const CustomerView& view) { write_customer(o, view); });
}

}  // namespace

Json editable_json(const Organization& o) {
    JsonTreeWriter out;
    out.begin_object();
    write_editable_fields(out, o);
    out.end_object();
    return std::move(out).take();
}

Json to_json(const CustomerView& view) {
    JsonTreeWriter out;
    write_customer(out, view);
    return std::move(out).take();
}

std::string to_json_text(const CustomerView& view) {
    JsonTextWriter out;
    write_customer(out, view);
    return std::move(out).take();
}

Result<CustomerView> customer_view_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    CustomerView view;
    Organization& o = view.org;
    o.id = r.text("id");
    if (r.has("providerId"))
        o.providerId = r.integer("providerId");
    o.name = r.text("name");
    o.status = r.choice(
        "status", [](std::string_view t) { return parse_org_status(t); }, OrgStatus::New);
    o.segment = r.optional_text("segment").value_or("");
    o.ownershipType = r.choice(
        "ownershipType", [](std::string_view t) { return parse_ownership_type(t); },
        OwnershipType::Customer);
    if (r.has("owner")) {
        Reader owner = r.child("owner");
        o.owner = Person{owner.text("name"), owner.text("email")};
    }
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
    o.distributorId = r.optional_text("distributorId").value_or("");
    o.sellerId = r.optional_text("sellerId").value_or("");
    o.subscriptionCount = static_cast<int>(r.integer("subscriptionCount"));
    o.userCount = static_cast<int>(r.integer("userCount"));
    o.rejectionReason = r.optional_text("rejectionReason").value_or("");
    o.version = r.integer("version");
    o.createdAtMs = r.timestamp("createdAt");
    o.updatedAtMs = r.timestamp("updatedAt");
    for (const auto& name : r.texts("actions")) {
        // Actions this build does not know yet are ignored, so an older app keeps working.
        if (const auto action = parse_org_action(name))
            view.actions.push_back(*action);
    }
    if (!errors.empty())
        return invalid(std::move(errors));
    return view;
}

Json to_json(const CustomerPage& page) {
    JsonTreeWriter out;
    write_customer_page(out, page);
    return std::move(out).take();
}

std::string to_json_text(const CustomerPage& page) {
    JsonTextWriter out;
    write_customer_page(out, page);
    return std::move(out).take();
}

Result<CustomerPage> customer_page_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    CustomerPage page;
    page.nextCursor = r.optional_text("nextCursor");
    const Json* items = r.find("items");
    if (items == nullptr || !items->is_array()) {
        return invalid({{"items", "must be a list"}});
    }
    if (const Json* counts = r.find("counts"); counts != nullptr && counts->is_object()) {
        for (const auto& [name, n] : counts->items()) {
            const auto status = parse_org_status(name);
            if (status && n.is_number_integer())
                page.counts[*status] = n.get<int>();
        }
    }
    for (const auto& item : *items) {
        auto view = customer_view_from_json(item);
        if (!view)
            return view.error();
        page.items.push_back(std::move(view).value());
    }
    return page;
}

Json to_json(const Principal& p) {
    return {{"id", p.userId},
            {"username", p.username},
            {"displayName", p.displayName},
            {"roles", Json::array({to_string(p.role)})},
            {"tenant", tenant_of(p)},
            {"distributorId", p.distributorId},
            {"sellerId", p.sellerId},
            {"customerId", p.customerId}};
}

Result<Principal> principal_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    Principal p;
    p.userId = r.text("id");
    p.username = r.text("username");
    p.displayName = r.optional_text("displayName").value_or(p.username);
    const auto roles = r.texts("roles");
    if (roles.empty() || !parse_role(roles.front())) {
        r.fail("roles", "must name a known role");
    } else {
        p.role = *parse_role(roles.front());
    }
    p.distributorId = r.optional_text("distributorId").value_or("");
    p.sellerId = r.optional_text("sellerId").value_or("");
    p.customerId = r.optional_text("customerId").value_or("");
    if (!errors.empty())
        return invalid(std::move(errors));
    return p;
}

Json to_json(const Credentials& c) {
    return {{"username", c.username}, {"password", c.password}};
}

Result<Credentials> credentials_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    errors = unknown_fields(json, {"username", "password"});
    Credentials c{r.text("username"), r.text("password")};
    if (!errors.empty()) {
        return invalid(std::move(errors), "Enter your username and password to sign in.");
    }
    return c;
}

Json to_json(const LoginResult& login) {
    return {{"token", login.token},
            {"expiresAt", format_iso8601(login.expiresAtMs)},
            {"user", to_json(login.user)}};
}

Result<LoginResult> login_result_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    LoginResult login;
    login.token = r.text("token");
    login.expiresAtMs = r.timestamp("expiresAt");
    const Json* user = r.find("user");
    if (!errors.empty())
        return invalid(std::move(errors));
    auto principal = principal_from_json(user != nullptr ? *user : null_json());
    if (!principal)
        return principal.error();
    login.user = std::move(principal).value();
    return login;
}

int http_status_of(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidInput:
            return 400;
        case ErrorKind::Unauthenticated:
            return 401;
        case ErrorKind::Forbidden:
            return 403;
        case ErrorKind::NotFound:
            return 404;
        case ErrorKind::Conflict:
            return 409;
        case ErrorKind::StaleVersion:
            return 412;
        case ErrorKind::TooManyRequests:
            return 429;
        case ErrorKind::Internal:
            break;
    }
    return 500;
}

namespace {
ErrorKind kind_of_status(int status) {
    for (const auto kind : {ErrorKind::InvalidInput, ErrorKind::Unauthenticated,
                            ErrorKind::Forbidden, ErrorKind::NotFound, ErrorKind::Conflict,
                            ErrorKind::StaleVersion, ErrorKind::TooManyRequests}) {
        if (http_status_of(kind) == status)
            return kind;
    }
    return status == 413 || status == 431 ? ErrorKind::InvalidInput : ErrorKind::Internal;
}

std::string title_of(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidInput:
            return "Invalid request";
        case ErrorKind::Unauthenticated:
            return "Sign-in required";
        case ErrorKind::Forbidden:
            return "Not allowed";
        case ErrorKind::NotFound:
            return "Not found";
        case ErrorKind::Conflict:
            return "Conflict";
        case ErrorKind::StaleVersion:
            return "Changed by someone else";
        case ErrorKind::TooManyRequests:
            return "Too many requests";
        case ErrorKind::Internal:
            break;
    }
    return "Server error";
}
}  // namespace

Json problem_to_json(const Error& error) {
    Json fields = Json::array();
    for (const auto& f : error.fields)
        fields.push_back({{"field", f.field}, {"message", f.message}});
    Json problem{{"type", "https://orgdesk.dev/problems/" + error.code},
                 {"title", title_of(error.kind)},
                 {"status", http_status_of(error.kind)},
                 {"detail", error.message},
                 {"code", error.code},
                 {"errors", fields}};
    if (error.retryAfterSeconds)
        problem["retryAfterSeconds"] = *error.retryAfterSeconds;
    return problem;
}

Error problem_from_json(int httpStatus, const Json& json) {
    Error error;
    error.kind = kind_of_status(httpStatus);
    std::vector<FieldError> ignored;
    Reader r(json, ignored);
    error.code = r.optional_text("code").value_or("http-" + std::to_string(httpStatus));
    error.message = r.optional_text("detail").value_or("");
    if (error.message.empty()) {
        error.message = "The server answered " + std::to_string(httpStatus) + ". Try again.";
    }
    if (const Json* wait = r.find("retryAfterSeconds");
        wait != nullptr && wait->is_number_integer())
        error.retryAfterSeconds = wait->get<std::int64_t>();
    error.requestId = r.optional_text("requestId").value_or("");
    if (const Json* fields = r.find("errors"); fields != nullptr && fields->is_array()) {
        for (const auto& f : *fields) {
            std::vector<FieldError> skip;
            Reader fr(f, skip);
            error.fields.push_back(
                {fr.optional_text("field").value_or(""), fr.optional_text("message").value_or("")});
        }
    }
    return error;
}

}  // namespace orgdesk::core
