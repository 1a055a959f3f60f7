#include "server/webservice_routes.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <sodium.h>
#include <boost/beast/core/string.hpp>

#include "core/json_codecs.hpp"
#include "core/list_cursor.hpp"
#include "core/provider_domain.hpp"
#include "core/text.hpp"
#include "server/bearer_token.hpp"
#include "server/build_info.hpp"
#include "server/json_body.hpp"
#include "server/problems.hpp"
#include "server/responses.hpp"
#include "server/xml_writer.hpp"

namespace orgdesk::server {
namespace {

using core::Json;
using core::OrgAction;
using platform::OrganizationService;

constexpr const char* kRoot = "/webservice";
constexpr const char* kLogin = "/webservice/Login";
constexpr const char* kCommServ = "/webservice/CommServ";
constexpr const char* kWhoAmI = "/webservice/WhoAmI";
constexpr const char* kRenewLoginToken = "/webservice/RenewLoginToken";
constexpr const char* kLogout = "/webservice/Logout";
constexpr const char* kOrganizations = "/webservice/Organization";
constexpr const char* kOrganization = "/webservice/Organization/{organizationId}";
constexpr const char* kTwoFactorAuth = "/webservice/Organization/{organizationId}/TwoFactorAuth";
constexpr const char* kActivate = "/webservice/organization/{organizationId}/action/activate";
constexpr const char* kDeactivate = "/webservice/organization/{organizationId}/action/deactivate";

// Where Commvault clients find the webservice: Orgdesk's own root, the Web Console's and the
// classic one (any case), each the first one or two segments of the path.
constexpr std::pair<std::string_view, std::string_view> kRoots[] = {
    {"webservice", ""}, {"webconsole", "api"}, {"SearchSvc", "CVWebService.svc"}};

constexpr std::string_view kXmlType = "application/xml";
// Commvault's errorCode for a wrong user name or password.
constexpr int kWrongCredentialsCode = 5;
// Commvault's entity type of an organization (seed 002's `_type_="61"`).
constexpr int kOrganizationEntityType = 61;

struct ActionRoute {
    OrgAction action;
    const char* pattern;
    const char* responseElement;
};

constexpr ActionRoute kActionRoutes[] = {
    {OrgAction::Approve, kActivate, "Api_ActivateOrganizationResponse"},
    {OrgAction::Suspend, kDeactivate, "Api_DeactivateOrganizationResponse"},
};

// ---- answers -------------------------------------------------------------------------------

StringResponse xml_response(http::status status, const XmlElement& root) {
    StringResponse response{status, 11};
    response.set(http::field::content_type, kXmlType);
    response.body() = to_xml_document(root);
    response.prepare_payload();
    return response;
}

http::status status_of(const core::Error& error) {
    return static_cast<http::status>(core::http_status_of(error.kind));
}

// The errorCode of a refusal: the HTTP status the same refusal has under /api/v1.
int error_code_of(http::status status) {
    return static_cast<int>(status);
}

WireFormat format_of(const Request& request, WireFormat fallback) {
    return negotiate_format(request[http::field::accept], fallback);
}

// Commvault's generic answer to a failed request, for GET Organization.
StringResponse generic_error(WireFormat format, http::status status, const core::Error& error) {
    const int code = error_code_of(status);
    if (format == WireFormat::Json) {
        return json_response(status, Json{{"errorCode", code}, {"errorMessage", error.message}});
    }
    XmlElement root("App_GenericResp");
    root.attribute("errorCode", std::to_string(code)).attribute("errorMessage", error.message);
    return xml_response(status, root);
}

StringResponse generic_error(WireFormat format, const core::Error& error) {
    return generic_error(format, status_of(error), error);
}

// An answer of one element: JSON {"<name>": members}, or XML <rootElement><name .../></...>.
StringResponse entity_answer(WireFormat format, const char* rootElement, const char* name,
                             const std::vector<std::pair<std::string, Json>>& members) {
    if (format == WireFormat::Json) {
        Json object = Json::object();
        for (const auto& [member, value] : members)
            object[member] = value;
        return json_response(http::status::ok, Json{{name, std::move(object)}});
    }
    XmlElement element(name);
    for (const auto& [member, value] : members)
        element.attribute(member, value.is_string() ? value.get<std::string>() : value.dump());
    XmlElement root(rootElement);
    root.child(std::move(element));
    return xml_response(http::status::ok, root);
}

// ---- Login ---------------------------------------------------------------------------------

constexpr const char* kLoginResponseElement = "DM2ContentIndexing_CheckCredentialResp";

StringResponse login_error(WireFormat format, http::status status, int code,
                           const std::string& message) {
    if (format == WireFormat::Json) {
        return json_response(
            status, Json{{"errList",
                          Json::array({Json{{"errLogMessage", message}, {"errorCode", code}}})}});
    }
    XmlElement root(kLoginResponseElement);
    root.child(XmlElement("errList")
                   .attribute("errLogMessage", message)
                   .attribute("errorCode", std::to_string(code)));
    return xml_response(status, root);
}

StringResponse login_error(WireFormat format, const Problem& problem) {
    const int code = problem.error.kind == core::ErrorKind::Unauthenticated
                         ? kWrongCredentialsCode
                         : error_code_of(problem.status);
    auto response = login_error(format, problem.status, code, problem.error.message);
    if (problem.error.retryAfterSeconds) {  // locked out, or too busy
        response.set(http::field::retry_after, std::to_string(*problem.error.retryAfterSeconds));
    }
    return response;
}

StringResponse login_success(WireFormat format, const core::LoginResult& result) {
    const auto& user = result.user;
    const std::string token = "QSDK " + result.token;
    if (format == WireFormat::Json) {
        return json_response(http::status::ok, Json{{"aliasName", user.displayName},
                                                    {"userGUID", user.userId},
                                                    {"loginAttempts", 0},
                                                    {"remainingLockTime", 0},
                                                    {"smtpAddress", user.username},
                                                    {"userName", user.username},
                                                    {"ccn", 0},
                                                    {"token", token},
                                                    {"forcePasswordChange", false},
                                                    {"isAccountLocked", false}});
    }
    XmlElement root(kLoginResponseElement);
    root.attribute("aliasName", user.displayName)
        .attribute("userGUID", user.userId)
        .attribute("loginAttempts", "0")
        .attribute("remainingLockTime", "0")
        .attribute("smtpAddress", user.username)
        .attribute("userName", user.username)
        .attribute("ccn", "0")
        .attribute("token", token)
        .attribute("forcePasswordChange", "false")
        .attribute("isAccountLocked", "false");
    return xml_response(http::status::ok, root);
}

Problem invalid_login_field(std::string_view field, std::string_view message) {
    return problem_of(invalid_parameter(field, message));
}

// Commvault clients send domain, commserver, timeout and deviceId beside these: they are
// accepted and ignored.
RouteResponse login(AuthService& auth, PasswordWorkQueue& passwordWork,
                    const RequestContext& context) {
    const auto format = format_of(context.request, WireFormat::Json);
    auto body = read_json_body(context.request);
    if (const auto* problem = std::get_if<Problem>(&body))
        return login_error(format, *problem);
    const auto& json = std::get<Json>(body);
    if (!json.is_object()) {
        return login_error(format, invalid_login_field("the body",
                                                       "must be a JSON object with "
                                                       "username and password"));
    }
    const auto username = json.find("username");
    if (username == json.end() || !username->is_string() ||
        username->get_ref<const std::string&>().empty()) {
        return login_error(format, invalid_login_field("username", "must be a non-empty string"));
    }
    const auto password = json.find("password");
    if (password == json.end() || !password->is_string()) {
        return login_error(format,
                           invalid_login_field("password", "must be a base64-encoded string"));
    }
    auto decoded = decode_base64(password->get_ref<const std::string&>());
    if (!decoded) {
        return login_error(format, invalid_login_field("password",
                                                       "must be base64-encoded (UTF-8), as "
                                                       "Commvault's Login expects"));
    }
    core::Credentials credentials{username->get<std::string>(), std::move(*decoded)};
    // The same throttle and the same bounded queue as /api/v1/auth/login.
    if (const auto refusal = auth.sign_in_refusal(credentials.username, context.clientAddress))
        return login_error(format, problem_of(*refusal));
    return passwordWork.answer(
        [&auth, format, credentials = std::move(credentials),
         address = std::string(context.clientAddress)] {
            const auto result = auth.login(credentials, address);
            if (!result)
                return login_error(format, problem_of(result.error()));
            return login_success(format, *result);
        },
        [format](const Problem& problem) { return login_error(format, problem); });
}

// ---- the service root and the session calls -----------------------------------------------

// GET <root>: what a client asks before it signs in, to know the service is there.
StringResponse service_up(const RequestContext& context) {
    return entity_answer(format_of(context.request, WireFormat::Json), "App_ServiceStatus",
                         "service", {{"status", "up"}, {"name", "Orgdesk webservice"}});
}

// GET CommServ: this deployment's identity, as a client reads it right after signing in. Its
// name and host are the public URL's host (else the Host header's), its GUID the store's own;
// Orgdesk keeps time in UTC; its "service pack" is the project's minor version.
StringResponse comm_serv(platform::Store& store, const std::optional<PublicUrl>& publicUrl,
                         const RequestContext& context) {
    const auto host = host_of_origin(origin_of(publicUrl, context.request));
    const auto version = build_version();
    int minor = 0;
    if (const auto dot = version.find('.'); dot != std::string::npos) {
        const auto rest = std::string_view(version).substr(dot + 1);
        std::from_chars(rest.data(), rest.data() + rest.size(), minor);
    }
    const Json answer{{"commcell",
                       {{"commCellName", host.empty() ? std::string("orgdesk") : host},
                        {"csGUID", store.commcell_guid()},
                        {"commCellId", 2}}},
                      {"hostName", host},
                      {"csTimeZone", {{"TimeZoneName", "(UTC) Coordinated Universal Time"}}},
                      {"timeZone", "UTC"},
                      {"currentSPVersion", minor},
                      {"csVersionInfo", "Orgdesk " + version}};
    // JSON whatever Accept says, as for one organization's details.
    return json_response(http::status::ok, answer);
}

// Commvault's numeric ids (userId, planId): Orgdesk's objects have UUIDs, so such an id is the
// UUID's first 28 bits, stable for the object (the UUID itself goes beside it as its GUID).
std::int64_t number_from_uuid(std::string_view uuid) {
    std::int64_t value = 0;
    for (const char c : uuid.substr(0, 7)) {
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : 0;
        value = value * 16 + digit;
    }
    return value;
}

StringResponse who_am_i(const RequestContext& context) {
    const auto& who = context.caller->principal;
    return entity_answer(format_of(context.request, WireFormat::Json), "App_WhoAmIResponse", "user",
                         {{"userName", who.username},
                          {"userId", number_from_uuid(who.userId)},
                          {"userGUID", who.userId}});
}

// POST RenewLoginToken {"sessionId": "QSDK <token>", "deviceId"}: a new token for the same
// person; the old one ends at once.
StringResponse renew_login_token(AuthService& auth, const RequestContext& context) {
    const auto format = format_of(context.request, WireFormat::Json);
    auto body = read_json_body(context.request);
    if (const auto* problem = std::get_if<Problem>(&body))
        return generic_error(format, problem->status, problem->error);
    const auto& json = std::get<Json>(body);
    const auto sessionId = json.is_object() ? json.find("sessionId") : json.end();
    if (sessionId == json.end() || !sessionId->is_string()) {
        const auto problem = invalid_login_field("sessionId", "must be the token to renew");
        return generic_error(format, problem.status, problem.error);
    }
    auto renewed = auth.renew(without_qsdk(sessionId->get_ref<const std::string&>()));
    if (!renewed)
        return generic_error(format, renewed.error());
    const std::string token = "QSDK " + renewed->token;
    if (format == WireFormat::Json)
        return json_response(http::status::ok, Json{{"token", token}});
    XmlElement root("App_RenewLoginTokenResponse");
    root.attribute("token", token);
    return xml_response(http::status::ok, root);
}

// POST Logout: the session ends, on every instance (sessions live in the database).
StringResponse logout(AuthService& auth, const RequestContext& context) {
    auth.logout(*context.caller);
    StringResponse response{http::status::ok, 11};
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = "User logged out";
    response.prepare_payload();
    return response;
}

// ---- GET Organization ----------------------------------------------------------------------

StringResponse list_organizations(OrganizationService& organizations,
                                  const RequestContext& context) {
    const auto format = format_of(context.request, WireFormat::Xml);
    const auto& who = context.caller->principal;

    // The whole scope, page by page: Commvault's list has no paging.
    std::vector<core::Organization> all;
    platform::ListRequest request;
    request.limit = core::kMaxPageSize;
    while (true) {
        auto page = organizations.list(who, request);
        if (!page)
            return generic_error(format, page.error());
        for (auto& view : page->items)
            all.push_back(std::move(view.org));
        if (!page->nextCursor)
            break;
        request.after = core::decode_cursor(*page->nextCursor);
        if (!request.after)
            throw std::logic_error("the organization list made a cursor it cannot read");
    }

    if (format == WireFormat::Json) {
        auto providers = Json::array();
        for (const auto& org : all) {
            providers.push_back(
                {{"shortName",
                  {{"id", org.providerId}, {"domainName", core::provider_domain_name(org.name)}}},
                 {"connectName", org.name},
                 {"providerGUID", org.id},
                 {"status", core::to_string(org.status)}});
        }
        return json_response(http::status::ok, Json{{"providers", std::move(providers)}});
    }
    XmlElement root("Api_GetOrganizationsResponse");
    for (const auto& org : all) {
        XmlElement provider("providers");
        provider.attribute("connectName", org.name)
            .attribute("providerGUID", org.id)
            .attribute("status", std::string(core::to_string(org.status)));
        provider.child(XmlElement("shortName")
                           .attribute("id", std::to_string(org.providerId))
                           .attribute("domainName", core::provider_domain_name(org.name)));
        root.child(std::move(provider));
    }
    return xml_response(http::status::ok, root);
}

// ---- activate / deactivate -----------------------------------------------------------------

struct ActionOutcome {
    int errorCode = 0;
    std::string errorMessage;               // empty on success
    std::optional<core::Organization> org;  // the entity, on success
};

StringResponse action_answer(const ActionRoute& route, WireFormat format, http::status status,
                             const ActionOutcome& outcome) {
    const std::string exitval = std::to_string(outcome.errorCode);
    if (format == WireFormat::Json) {
        Json response{{"errorCode", outcome.errorCode}};
        if (outcome.errorCode != 0)
            response["errorMessage"] = outcome.errorMessage;
        if (outcome.org) {
            response["entity"] = {
                {"GUID", ""},
                {"_type_", kOrganizationEntityType},
                {"providerDomainName", core::provider_domain_name(outcome.org->name)},
                {"providerId", outcome.org->providerId}};
        }
        Json answer{
            {"processinginstructioninfo",
             {{"attributes", Json::array({Json{{"name", "exitval"}, {"value", exitval}}})}}},
            {"response", std::move(response)}};
        // A refusal carries Commvault's pair: the response's code and an error element.
        if (outcome.errorCode != 0) {
            answer["error"] = {{"errorCode", outcome.errorCode},
                               {"errorMessage", outcome.errorMessage}};
        }
        return json_response(status, answer);
    }
    XmlElement root(route.responseElement);
    root.child(
        XmlElement("processinginstructioninfo")
            .child(
                XmlElement("attributes").attribute("name", "exitval").attribute("value", exitval)));
    XmlElement response("response");
    response.attribute("errorCode", std::to_string(outcome.errorCode));
    if (outcome.errorCode != 0)
        response.attribute("errorMessage", outcome.errorMessage);
    if (outcome.org) {
        response.child(
            XmlElement("entity")
                .attribute("GUID", "")
                .attribute("_type_", std::to_string(kOrganizationEntityType))
                .attribute("providerDomainName", core::provider_domain_name(outcome.org->name))
                .attribute("providerId", std::to_string(outcome.org->providerId)));
    }
    root.child(std::move(response));
    if (outcome.errorCode != 0) {
        root.child(XmlElement("error")
                       .attribute("errorCode", std::to_string(outcome.errorCode))
                       .attribute("errorMessage", outcome.errorMessage));
    }
    return xml_response(status, root);
}

StringResponse action_error(const ActionRoute& route, WireFormat format, const core::Error& error) {
    const auto status = status_of(error);
    return action_answer(route, format, status, {error_code_of(status), error.message, {}});
}

// A provider id is a positive decimal number; anything else is taken for a UUID.
std::optional<std::int64_t> parse_provider_id(std::string_view text) {
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

// The organization's UUID for the {organizationId} of a path: its numeric provider id or the
// UUID itself. An unknown provider id stays as it is: the service then finds no such
// organization and answers exactly as for another tenant's or a missing one.
std::string organization_id_of(platform::Store& store, const RequestContext& context) {
    const std::string& organizationId = context.param("organizationId");
    if (const auto providerId = parse_provider_id(organizationId)) {
        if (auto org = store.find_organization_by_provider_id(*providerId))
            return std::move(org->id);
    }
    return organizationId;
}

// GET Organization/{id}/TwoFactorAuth: Orgdesk has no two-factor sign-in, so its mode is 0
// (off) for every organization the caller sees; another tenant's is 404 as everywhere.
StringResponse two_factor_auth(OrganizationService& organizations, platform::Store& store,
                               const RequestContext& context) {
    const auto format = format_of(context.request, WireFormat::Json);
    const auto view =
        organizations.get(context.caller->principal, organization_id_of(store, context));
    if (!view)
        return generic_error(format, view.error());
    return entity_answer(format, "App_GetTwoFactorAuthResponse", "twoFactorAuthenticationInfo",
                         {{"mode", 0}});
}

// GET Organization/{id}: one organization as Commvault describes a company. What maps to what:
// connectName the name, description the customer reference, shortName the provider id and
// domain name, emailDomainNames the domains of its people's addresses; userCount its members,
// primaryContacts its Owner (or, for a Service Provider organization, its primary contact),
// planDetails its subscriptions (a plan each: the product's name and SKU, quantity, status).
// Orgdesk has no machines, servers, auth codes, default plans or operator roles: 0, false, empty.
StringResponse organization_details(OrganizationService& organizations, platform::Store& store,
                                    const RequestContext& context) {
    const auto& who = context.caller->principal;
    const auto id = organization_id_of(store, context);
    const auto format = format_of(context.request, WireFormat::Json);
    const auto view = organizations.get(who, id);
    if (!view)
        return generic_error(format, view.error());
    const auto& org = view->org;
    const auto members = organizations.members(who, org.id);
    if (!members)
        return generic_error(format, members.error());

    std::set<std::string> domains;
    for (const auto& member : *members) {
        if (const auto at = member.email.rfind('@'); at != std::string::npos) {
            std::string domain = member.email.substr(at + 1);
            std::transform(domain.begin(), domain.end(), domain.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            domains.insert(std::move(domain));
        }
    }
    auto contacts = Json::array();
    if (org.owner) {
        std::int64_t userId = 0;
        for (const auto& member : *members) {
            if (core::equal_ignoring_case(member.email, org.owner->email))
                userId = number_from_uuid(member.id);
        }
        contacts.push_back({{"fullName", org.owner->name},
                            {"user", {{"userName", org.owner->email}, {"userId", userId}}}});
    } else if (!org.primaryContact.name.empty()) {
        contacts.push_back(
            {{"fullName", org.primaryContact.name}, {"user", {{"userName", ""}, {"userId", 0}}}});
    }
    auto plans = Json::array();
    for (const auto& subscription : store.list_subscriptions(org.id)) {
        plans.push_back({{"plan",
                          {{"planName", subscription.name},
                           {"planId", number_from_uuid(subscription.id)},
                           {"planGUID", subscription.id}}},
                         {"sku", subscription.sku},
                         {"quantity", subscription.quantity},
                         {"status", core::to_string(subscription.status)}});
    }
    const Json info{
        {"organization",
         {{"connectName", org.name},
          {"description", org.customerReference},
          {"shortName",
           {{"id", org.providerId}, {"domainName", core::provider_domain_name(org.name)}}},
          {"emailDomainNames", Json(std::vector<std::string>(domains.begin(), domains.end()))}}},
        {"organizationProperties",
         {{"enableAuthCodeGen", false},
          {"authCode", ""},
          {"totalMachineCount", 0},
          {"userCount", static_cast<std::int64_t>(members->size())},
          {"primaryContacts", std::move(contacts)},
          {"defaultPlans", Json::array()},
          {"operatorRole", {{"roleName", ""}}},
          {"serverCount", 0}}},
        {"planDetails", std::move(plans)}};
    // JSON whatever Accept says: the document is nested beyond what the XML shapes here carry.
    return json_response(http::status::ok, Json{{"organizationInfo", info}});
}

// The body (empty, Commvault's XML template, or deactivateOptions in JSON) is not read: none of
// its options has a meaning here, and a deactivated organization keeps its subscriptions.
StringResponse organization_action(OrganizationService& organizations, platform::Store& store,
                                   const ActionRoute& route, const RequestContext& context) {
    const auto format = format_of(context.request, WireFormat::Xml);
    const std::string id = organization_id_of(store, context);
    auto view = organizations.change_status(context.caller->principal, id, route.action);
    if (!view)
        return action_error(route, format, view.error());
    return action_answer(route, format, http::status::ok, {0, {}, std::move(view->org)});
}

// ---- content negotiation -------------------------------------------------------------------

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() &&
           core::equal_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

std::optional<WireFormat> format_of_media_type(std::string_view type) {
    if (core::equal_ignoring_case(type, "application/json") ||
        ends_with_ignoring_case(type, "+json"))
        return WireFormat::Json;
    if (core::equal_ignoring_case(type, "application/xml") ||
        core::equal_ignoring_case(type, "text/xml") || ends_with_ignoring_case(type, "+xml")) {
        return WireFormat::Xml;
    }
    return std::nullopt;
}

// A qvalue as RFC 9110 writes it: "0" or "1", then a dot and at most three digits, at most 1.
// (Read by hand: the WebAssembly build's standard library has no from_chars for doubles.)
std::optional<double> qvalue_of(std::string_view text) {
    if (text.empty() || (text[0] != '0' && text[0] != '1'))
        return std::nullopt;
    int thousandths = (text[0] - '0') * 1000;
    if (text.size() > 1) {
        if (text[1] != '.' || text.size() > 5)
            return std::nullopt;
        int scale = 100;
        for (const char digit : text.substr(2)) {
            if (digit < '0' || digit > '9')
                return std::nullopt;
            thousandths += (digit - '0') * scale;
            scale /= 10;
        }
    }
    if (thousandths > 1000)
        return std::nullopt;
    return thousandths / 1000.0;
}

// The q parameter of a media range's parameters (";q=0.5;level=1"); 1 when absent, 0 when
// malformed (a range the client did not write well is not one it asked for).
double quality_of(std::string_view parameters) {
    while (!parameters.empty()) {
        const auto semicolon = parameters.find(';', 1);
        auto parameter = core::trim(parameters.substr(
            1, semicolon == std::string_view::npos ? std::string_view::npos : semicolon - 1));
        parameters =
            semicolon == std::string_view::npos ? std::string_view{} : parameters.substr(semicolon);
        if (parameter.size() < 2 || (parameter[0] != 'q' && parameter[0] != 'Q') ||
            parameter[1] != '=') {
            continue;
        }
        return qvalue_of(core::trim(parameter.substr(2))).value_or(0);
    }
    return 1;
}

}  // namespace

WireFormat negotiate_format(std::string_view accept, WireFormat fallback) {
    std::optional<WireFormat> best;
    double bestQuality = 0;
    std::size_t start = 0;
    while (start <= accept.size()) {
        const auto comma = std::min(accept.find(',', start), accept.size());
        const auto range = accept.substr(start, comma - start);
        start = comma + 1;
        const auto semicolon = std::min(range.find(';'), range.size());
        const auto format = format_of_media_type(core::trim(range.substr(0, semicolon)));
        if (!format)
            continue;
        const double quality = quality_of(range.substr(semicolon));
        if (quality > bestQuality) {
            best = format;
            bestQuality = quality;
        }
    }
    return best.value_or(fallback);
}

std::optional<std::string> decode_base64(std::string_view text) {
    // libsodium 1.0.18 reads a byte above 0x7F as a sign-extended char and takes some of them
    // for base64 digits, so the alphabet is checked here first.
    constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    if (text.find_first_not_of(kAlphabet) != std::string_view::npos)
        return std::nullopt;
    // Padded text comes in whole quads; text without its padding does not.
    const int variant = text.size() % 4 == 0 ? sodium_base64_VARIANT_ORIGINAL
                                             : sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
    std::string bytes(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                          text.size(), nullptr, &length, &end, variant) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    bytes.resize(length);
    return bytes;
}

bool is_webservice_route(const Route& route) {
    return route.pattern == kRoot || route.pattern.rfind("/webservice/", 0) == 0;
}

std::optional<std::vector<std::string>> webservice_segments(
    const std::vector<std::string>& segments) {
    for (const auto& [first, second] : kRoots) {
        const std::size_t length = second.empty() ? 1 : 2;
        if (segments.size() < length || !core::equal_ignoring_case(segments[0], first) ||
            (length == 2 && !core::equal_ignoring_case(segments[1], second))) {
            continue;
        }
        std::vector<std::string> routed{"webservice"};
        routed.insert(routed.end(), segments.begin() + static_cast<std::ptrdiff_t>(length),
                      segments.end());
        if (routed.size() == 2 && routed[1].empty())
            routed.pop_back();  // the root itself, written with its slash
        return routed;
    }
    return std::nullopt;
}

StringResponse webservice_unrouted(const Request& request, const Problem& problem) {
    return generic_error(format_of(request, WireFormat::Xml), problem.status, problem.error);
}

StringResponse webservice_refusal(const Route& route, const Request& request,
                                  const core::Error& error) {
    auto response = [&] {
        for (const auto& action : kActionRoutes) {
            if (route.pattern == action.pattern)
                return action_error(action, format_of(request, WireFormat::Xml), error);
        }
        if (route.pattern == kLogin)
            return login_error(format_of(request, WireFormat::Json), problem_of(error));
        return generic_error(format_of(request, WireFormat::Xml), error);
    }();
    if (error.kind == core::ErrorKind::Unauthenticated)
        response.set(http::field::www_authenticate, "Bearer");
    return response;
}

void add_webservice_routes(Router& router, AuthService& auth, PasswordWorkQueue& passwordWork,
                           OrganizationService& organizations, platform::Store& store,
                           std::optional<PublicUrl> publicUrl) {
    // Commvault's Web Server matches its paths whatever their case: so do these.
    const auto add = [&router](http::verb method, const char* pattern, Access access,
                               Handler handler, std::optional<OrgAction> action = {}) {
        Route route{method, pattern, access, action, std::move(handler)};
        route.anyCase = true;
        router.add(std::move(route));
    };
    add(http::verb::get, kRoot, Access::Public, service_up);
    add(http::verb::post, kLogin, Access::Public,
        [&auth, &passwordWork](const RequestContext& c) { return login(auth, passwordWork, c); });
    add(http::verb::get, kCommServ, Access::SignedIn,
        [&store, publicUrl = std::move(publicUrl)](const RequestContext& c) {
            return comm_serv(store, publicUrl, c);
        });
    for (const auto method : {http::verb::get, http::verb::post})
        add(method, kWhoAmI, Access::SignedIn, who_am_i);
    add(http::verb::post, kRenewLoginToken, Access::Public,
        [&auth](const RequestContext& c) { return renew_login_token(auth, c); });
    add(http::verb::post, kLogout, Access::SignedIn,
        [&auth](const RequestContext& c) { return logout(auth, c); });
    add(http::verb::get, kOrganizations, Access::SignedIn,
        [&organizations](const RequestContext& c) { return list_organizations(organizations, c); });
    add(http::verb::get, kOrganization, Access::SignedIn,
        [&organizations, &store](const RequestContext& c) {
            return organization_details(organizations, store, c);
        });
    add(http::verb::get, kTwoFactorAuth, Access::SignedIn,
        [&organizations, &store](const RequestContext& c) {
            return two_factor_auth(organizations, store, c);
        });
    for (const auto& route : kActionRoutes) {
        add(
            http::verb::post, route.pattern, Access::SignedIn,
            [&organizations, &store, &route](const RequestContext& c) {
                return organization_action(organizations, store, route, c);
            },
            route.action);
    }
}

}  // namespace orgdesk::server
