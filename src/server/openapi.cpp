#include "server/openapi.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/list_cursor.hpp"
#include "server/responses.hpp"
#include "server/url.hpp"

namespace orgdesk::server {
namespace {

using core::Json;
using http::verb;

constexpr const char* kCustomers = "/api/v1/customers";
constexpr const char* kCustomer = "/api/v1/customers/{customerId}";

// What each route does, takes and answers. One entry per route of the table; the test
// OpenApi.EveryRouteIsDocumented fails for a route without one.
std::vector<RouteDoc> make_route_docs() {
    const std::vector<int> statusChangeErrors{400, 403, 404, 409, 412, 415};
    return {
        // ---- sign-in ----
        {.method = verb::post,
         .pattern = "/api/v1/auth/login",
         .summary = "Sign in",
         .description = "Checks the user name and password (Argon2id) and opens a session. The "
                        "token is opaque; send it as `Authorization: Bearer <token>` or "
                        "`Authtoken: <token>`. It expires after a period without use. Failed "
                        "sign-ins are slowed down and then locked, per account (a wait of 1, "
                        "2, 4 and 8 seconds after each failure; the fifth failure within 15 "
                        "minutes locks the account for 15 minutes) and per client address (20 "
                        "failures within 15 minutes lock it for 15 minutes): 429 with "
                        "`Retry-After` and `retryAfterSeconds`. A correct password clears the "
                        "account's count. When too many sign-ins wait for a password check, "
                        "503 with `Retry-After`.",
         .tag = "Authentication",
         .requestSchema = "LoginRequest",
         .requestRequired = true,
         .successDescription = "Signed in.",
         .responseSchema = "LoginResponse",
         .errorStatuses = {400, 401, 415, 429, 503}},
        {.method = verb::put,
         .pattern = "/api/v1/auth/password",
         .summary = "Change one's own password",
         .description = "Checks the current password (a wrong one counts as a failed sign-in, "
                        "with the same limits as sign-in), stores the new one, and ends every "
                        "session of the user, on every device. The answer holds a fresh session "
                        "for the caller. The new password has 12 to 256 characters, is not the "
                        "username and differs from the current one.",
         .tag = "Authentication",
         .requestSchema = "PasswordChangeRequest",
         .requestRequired = true,
         .successDescription = "Changed; every earlier token of the user no longer works.",
         .responseSchema = "LoginResponse",
         .errorStatuses = {400, 401, 415, 429, 503}},
        {.method = verb::post,
         .pattern = "/api/v1/auth/logout",
         .summary = "Sign out",
         .description = "Revokes the session the request's token belongs to.",
         .tag = "Authentication",
         .successStatus = 204,
         .successDescription = "Signed out; the token no longer works."},
        {.method = verb::get,
         .pattern = "/api/v1/auth/me",
         .summary = "The signed-in user",
         .description = "Who the token belongs to: roles and tenant.",
         .tag = "Authentication",
         .successDescription = "The signed-in user.",
         .responseSchema = "User"},

        // ---- demo sandboxes ----
        {.method = verb::post,
         .pattern = "/api/v1/sandbox/sessions",
         .summary = "Start a demo sandbox",
         .description = "Creates a private demo tenant (a distributor, three sellers, about 200 "
                        "customer organizations and 500 orders in every status) and answers "
                        "one session per demo role: Distributor Admin, Seller Admin, Account "
                        "Manager and Customer Owner. Switching roles is using another of the "
                        "tokens. The sandbox, its tokens and all its data are gone at "
                        "`expiresAt` (60 minutes by default). No body, or `{}`. Limited per "
                        "client address and in total: 429 with `Retry-After` and "
                        "`retryAfterSeconds`. 404 when the server runs with sandboxes switched "
                        "off.",
         .tag = "Sandbox",
         .successStatus = 201,
         .successDescription = "The sandbox and a sign-in per demo role.",
         .responseSchema = "SandboxSession",
         .errorStatuses = {400, 404, 415, 429}},
        // ---- sellers ----
        {.method = verb::get,
         .pattern = "/api/v1/sellers",
         .summary = "List the caller's sellers",
         .description = "The sellers the caller may create customer organizations under: a "
                        "Distributor Admin's sellers, or a seller's staff their own seller. "
                        "Customers get 403.",
         .tag = "Sellers",
         .successDescription = "The sellers, by name.",
         .responseSchema = "SellerList"},

        // ---- orders (seed 001) ----
        {.method = verb::get,
         .pattern = "/api/v1/products",
         .summary = "What a customer may order",
         .description = "The products of the customer's segment while it is Active (none "
                        "otherwise). A customer's own users need no parameter; staff name the "
                        "customer with `customerId`.",
         .tag = "Orders",
         .successDescription = "The products, by name.",
         .responseSchema = "ProductList",
         .errorStatuses = {400, 404},
         .queryParameters = {{"customerId", "The customer organization to order for.", "string"}}},
        {.method = verb::get,
         .pattern = "/api/v1/orders",
         .summary = "List orders (the approval queue)",
         .description = "The caller's orders, newest first, one page at a time; customers see "
                        "their own organization's only. Each order carries its customer, its "
                        "price information and `links.approve` / `links.reject` while the "
                        "caller may use them. `counts` holds the number per status.",
         .tag = "Orders",
         .successDescription = "One page.",
         .responseSchema = "OrderPage",
         .errorStatuses = {400},
         .queryParameters = {{"status",
                              "PendingApproval, Approved, Provisioning, Provisioned, "
                              "Failed or Rejected.",
                              "string"},
                             {"customerId", "Only this customer's orders.", "string"},
                             {"from", "Placed at or after this date or UTC time.", "string"},
                             {"to", "Placed before this date or UTC time.", "string"},
                             {"limit", "Page size, 1 to 200 (default 50).", "integer"},
                             {"cursor", "The nextCursor of the page before.", "string"}}},
        {.method = verb::post,
         .pattern = "/api/v1/orders",
         .summary = "Place an order",
         .description = "Places an order for an Active customer organization; it waits in "
                        "PendingApproval until the reseller approves or rejects it. Only the "
                        "organization's segment's products may be ordered. Placed by the "
                        "customer's Owner or Admin, or by the reseller's staff.",
         .tag = "Orders",
         .requestSchema = "OrderCreate",
         .requestRequired = true,
         .successStatus = 201,
         .successDescription = "Placed (or, for a repeated Idempotency-Key, the first request's "
                               "answer again, with Idempotent-Replayed: true).",
         .responseSchema = "Order",
         .errorStatuses = {400, 403, 404, 409, 415},
         .idempotencyKey = true,
         .etag = true,
         .location = true},
        {.method = verb::post,
         .pattern = "/api/v1/orders/decisions",
         .summary = "Approve or reject many orders",
         .description = "One decision for up to 200 orders, each decided on its own: the answer "
                        "has one result per order, with the order as it now is or the problem "
                        "that stopped it (for example, already rejected by someone else).",
         .tag = "Orders",
         .requestSchema = "BulkDecisionRequest",
         .requestRequired = true,
         .successDescription = "One result per order, in the order asked.",
         .responseSchema = "BulkDecisionResults",
         .errorStatuses = {400, 415}},
        {.method = verb::get,
         .pattern = "/api/v1/orders/{orderId}",
         .summary = "Retrieve an order",
         .description = "One order with its customer, price information and links. Another "
                        "tenant's order answers 404, as a missing one does.",
         .tag = "Orders",
         .successDescription = "The order.",
         .responseSchema = "Order",
         .errorStatuses = {404},
         .etag = true},
        {.method = verb::put,
         .pattern = "/api/v1/orders/{orderId}",
         .summary = "Orders cannot be changed",
         .description = "Always refused: an order is immutable once placed. Suspend the "
                        "subscription it created, or place a new order.",
         .tag = "Orders",
         .successDescription = "Never.",
         .errorStatuses = {405}},
        {.method = verb::patch,
         .pattern = "/api/v1/orders/{orderId}",
         .summary = "Orders cannot be changed",
         .description = "Always refused, as PUT.",
         .tag = "Orders",
         .successDescription = "Never.",
         .errorStatuses = {405}},
        {.method = verb::delete_,
         .pattern = "/api/v1/orders/{orderId}",
         .summary = "Orders cannot be deleted",
         .description = "Always refused, as PUT.",
         .tag = "Orders",
         .successDescription = "Never.",
         .errorStatuses = {405}},
        {.method = verb::post,
         .pattern = "/api/v1/orders/{orderId}/approve",
         .summary = "Approve an order",
         .description = "PendingApproval → Approved; provisioning then starts in the background "
                        "(Provisioning → Provisioned, creating the subscriptions, or Failed). Of "
                        "two decisions at once exactly one succeeds; the other gets 409 naming "
                        "who decided.",
         .tag = "Orders",
         .successDescription = "The approved order.",
         .responseSchema = "Order",
         .errorStatuses = {403, 404, 409, 412, 415},
         .ifMatch = true,
         .etag = true},
        {.method = verb::post,
         .pattern = "/api/v1/orders/{orderId}/reject",
         .summary = "Reject an order",
         .description = "PendingApproval → Rejected, with a reason the customer sees (\"Rejected "
                        "by reseller\").",
         .tag = "Orders",
         .requestSchema = "RejectRequest",
         .requestRequired = true,
         .successDescription = "The rejected order.",
         .responseSchema = "Order",
         .errorStatuses = {400, 403, 404, 409, 412, 415},
         .ifMatch = true,
         .etag = true},

        // ---- subscriptions ----
        {.method = verb::get,
         .pattern = "/api/v1/customers/{customerId}/subscriptions",
         .summary = "List a customer's subscriptions",
         .description = "Oldest first, cancelled ones included, each with the actions the caller "
                        "may take on it now.",
         .tag = "Subscriptions",
         .successDescription = "The subscriptions.",
         .responseSchema = "SubscriptionList",
         .errorStatuses = {404}},
        {.method = verb::put,
         .pattern = "/api/v1/subscriptions/{subscriptionId}/suspend",
         .summary = "Suspend a subscription",
         .description = "Active → Suspended, by the customer's Owner or Admin or the reseller's "
                        "staff.",
         .tag = "Subscriptions",
         .successDescription = "The suspended subscription.",
         .responseSchema = "Subscription",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},
        {.method = verb::put,
         .pattern = "/api/v1/subscriptions/{subscriptionId}/resume",
         .summary = "Resume a subscription",
         .description = "Suspended → Active.",
         .tag = "Subscriptions",
         .successDescription = "The resumed subscription.",
         .responseSchema = "Subscription",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},

        // ---- live updates ----
        {.method = verb::get,
         .pattern = "/api/v1/changes",
         .summary = "Wait for a change (long poll)",
         .description = "Without `after`, answers at once with the current cursor. With "
                        "`after`, answers as soon as something in the caller's tenant changes "
                        "(`changed: true`, a new cursor), or after `wait` seconds (default 25) "
                        "with `changed: false`. Carries no data: read what changed through the "
                        "other routes.",
         .tag = "Live updates",
         .successDescription = "A change, or the time ran out.",
         .responseSchema = "Changes",
         .errorStatuses = {400},
         .queryParameters = {{"after", "The cursor of the previous answer.", "string"},
                             {"wait", "Seconds to wait, 1 to 25.", "integer"}}},

        // ---- customers ----
        {.method = verb::get,
         .pattern = kCustomers,
         .summary = "List customer organizations",
         .description = "The caller's customers, newest first, one page at a time. `q` matches "
                        "the UUID, name, purchased number, customer reference or external "
                        "contract. `counts` holds the number per status in the caller's whole "
                        "scope.",
         .tag = "Customers",
         .successDescription = "One page.",
         .responseSchema = "CustomerPage",
         .errorStatuses = {400},
         .listQuery = true},
        {.method = verb::post,
         .pattern = kCustomers,
         .summary = "Create a customer organization",
         .description = "Creates a customer organization in status New. A Customer-owned one "
                        "needs owner details and billing information (the owner's email becomes "
                        "the billing email); a Service Provider one needs neither. Invalid data "
                        "is refused with `Organization is invalid.` and the fields at fault.",
         .tag = "Customers",
         .requestSchema = "CustomerCreate",
         .requestRequired = true,
         .successStatus = 201,
         .successDescription = "Created (or, for a repeated Idempotency-Key, the first "
                               "request's answer again, with Idempotent-Replayed: true).",
         .responseSchema = "Customer",
         .errorStatuses = {400, 403, 404, 409, 415},
         .idempotencyKey = true,
         .etag = true,
         .location = true},
        {.method = verb::get,
         .pattern = kCustomer,
         .summary = "Retrieve a customer organization",
         .description = "One customer with the actions the caller may take on it now. Another "
                        "tenant's organization answers 404, as a missing one does.",
         .tag = "Customers",
         .successDescription = "The customer.",
         .responseSchema = "Customer",
         .errorStatuses = {404},
         .etag = true},
        {.method = verb::patch,
         .pattern = kCustomer,
         .summary = "Edit a customer organization",
         .description = "A JSON merge patch (RFC 7386) of the editable fields, validated as on "
                        "create.",
         .tag = "Customers",
         .requestSchema = "CustomerPatch",
         .requestRequired = true,
         .successDescription = "The edited customer.",
         .responseSchema = "Customer",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},
        {.method = verb::put,
         .pattern = "/api/v1/customers/{customerId}/approve",
         .summary = "Approve (activate) a New customer organization",
         .description = "New → Active. Anything but a New organization is refused with "
                        "`Cannot activate the customer organization in its current status.`",
         .tag = "Customers",
         .successDescription = "The approved customer.",
         .responseSchema = "Customer",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},
        {.method = verb::put,
         .pattern = "/api/v1/customers/{customerId}/reject",
         .summary = "Reject a New customer organization",
         .description = "New → Rejected, with a reason.",
         .tag = "Customers",
         .requestSchema = "RejectRequest",
         .requestRequired = true,
         .successDescription = "The rejected customer.",
         .responseSchema = "Customer",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},
        {.method = verb::put,
         .pattern = "/api/v1/customers/{customerId}/suspend",
         .summary = "Suspend (block) an Active customer organization",
         .description = "Active → Blocked, keeping or cancelling its subscriptions; its orders "
                        "still pending approval are rejected.",
         .tag = "Customers",
         .requestSchema = "SuspendRequest",
         .requestRequired = true,
         .successDescription = "The suspended customer.",
         .responseSchema = "Customer",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},
        {.method = verb::put,
         .pattern = "/api/v1/customers/{customerId}/resume",
         .summary = "Resume (unblock) a Blocked customer organization",
         .description = "Blocked → Active.",
         .tag = "Customers",
         .successDescription = "The resumed customer.",
         .responseSchema = "Customer",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},
        {.method = verb::delete_,
         .pattern = kCustomer,
         .summary = "Delete a customer organization",
         .description = "Permanent; kept only in the audit trail. Refused while subscriptions "
                        "are active with `Cancel all active subscriptions and try again.`, "
                        "unless the request asks to cancel them (`?cancelSubscriptions=true` or "
                        "the body `{\"cancelSubscriptions\": true}`).",
         .tag = "Customers",
         .requestSchema = "DeleteRequest",
         .successDescription = "The deleted customer, as it was last.",
         .responseSchema = "Customer",
         .errorStatuses = statusChangeErrors,
         .queryParameters = {{"cancelSubscriptions",
                              "true: cancel the active subscriptions and delete.", "boolean"}},
         .ifMatch = true,
         .etag = true},
        {.method = verb::put,
         .pattern = "/api/v1/customers/{customerId}/ownership",
         .summary = "Change the ownership (managed) type",
         .description = "Service Provider → Customer names a new owner (an existing member, or "
                        "new details); Customer → Service Provider demotes the current owner to "
                        "Admin or Member.",
         .tag = "Customers",
         .requestSchema = "OwnershipChangeRequest",
         .requestRequired = true,
         .successDescription = "The customer with its new ownership type.",
         .responseSchema = "Customer",
         .errorStatuses = statusChangeErrors,
         .ifMatch = true,
         .etag = true},
        {.method = verb::get,
         .pattern = "/api/v1/customers/{customerId}/members",
         .summary = "List a customer organization's members",
         .description = "The people of the organization with their roles Owner, Admin, Member.",
         .tag = "Customers",
         .successDescription = "The members.",
         .responseSchema = "MemberList",
         .errorStatuses = {404}},
        {.method = verb::get,
         .pattern = "/api/v1/customers/{customerId}/audit",
         .summary = "Read a customer organization's audit trail",
         .description = "Every change to the organization: who, when, what, before and after, "
                        "oldest first.",
         .tag = "Customers",
         .successDescription = "The audit trail.",
         .responseSchema = "AuditTrail",
         .errorStatuses = {404}},

        // ---- the Commvault-style webservice (seed 002) ----
        // Each answers under /webservice/ as written here, and the same under /webconsole/api/
        // and /SearchSvc/CVWebService.svc/ (aliases, as Commvault's own clients address it),
        // with every path matched whatever its case.
        {.method = verb::get,
         .pattern = "/webservice",
         .summary = "The webservice is up",
         .description = "What a Commvault client asks before it signs in. Also answered at "
                        "/webconsole/api/ and /SearchSvc/CVWebService.svc/ (aliases of this "
                        "root, as every route below), any case. JSON unless `Accept` asks for XML.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "Up.",
         .responseSchema = "WebserviceServiceStatus"},
        {.method = verb::get,
         .pattern = "/webservice/CommServ",
         .summary = "This deployment's identity, Commvault style",
         .description = "What a client reads right after signing in: the CommServ's name and "
                        "host (the host of --public-url, else of the Host header), its GUID "
                        "(made once per database, the same on every instance), its time zone "
                        "(UTC) and version (`currentSPVersion` the project's minor version, "
                        "`csVersionInfo` \"Orgdesk <version>\"). JSON whatever `Accept` asks.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "The identity.",
         .responseSchema = "WebserviceCommServ",
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::get,
         .pattern = "/webservice/WhoAmI",
         .summary = "Who is signed in, Commvault style",
         .description = "The person the token names, as a client resuming a saved token asks. "
                        "`userId` is a number derived from the person's UUID (`userGUID`), "
                        "stable for them. JSON unless `Accept` asks for XML.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "The person.",
         .responseSchema = "WebserviceWhoAmI",
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::post,
         .pattern = "/webservice/WhoAmI",
         .summary = "Who is signed in, Commvault style (POST)",
         .description = "As GET WhoAmI; Commvault's clients send both.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "The person.",
         .responseSchema = "WebserviceWhoAmI",
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::post,
         .pattern = "/webservice/RenewLoginToken",
         .summary = "Renew a token, Commvault style",
         .description = "A new token for the person whose live session `sessionId` names; that "
                        "session ends at once. An unknown or ended one is 401 (errorCode 401), "
                        "never a new token.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .requestSchema = "WebserviceRenewLoginTokenRequest",
         .requestRequired = true,
         .successDescription = "The new token.",
         .responseSchema = "WebserviceRenewLoginTokenResponse",
         .errorStatuses = {400, 401, 415},
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::post,
         .pattern = "/webservice/Logout",
         .summary = "Sign out, Commvault style",
         .description = "Ends the session on every instance: the token is then 401 here and "
                        "under /api/v1. Answers the text `User logged out`, as Commvault does.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "Signed out (text/plain).",
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::get,
         .pattern = "/webservice/Organization/{organizationId}",
         .summary = "One organization, Commvault style",
         .description = "The organization as Commvault describes a company: connectName (the "
                        "name), description (the customer reference), shortName (provider id and "
                        "domain name), emailDomainNames (its people's), userCount (its members), "
                        "primaryContacts (its Owner), planDetails (its subscriptions). Orgdesk has "
                        "no machines, servers, auth codes or default plans: 0, false or empty. "
                        "JSON whatever `Accept` asks. Another tenant's organization is 404.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "The organization.",
         .responseSchema = "WebserviceOrganizationInfo",
         .errorStatuses = {403, 404},
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::get,
         .pattern = "/webservice/Organization/{organizationId}/TwoFactorAuth",
         .summary = "An organization's two-factor setting, Commvault style",
         .description = "Orgdesk has no two-factor sign-in yet: `mode` is 0 (off) for every "
                        "organization. Another tenant's organization is 404, as everywhere.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "The setting.",
         .responseSchema = "WebserviceTwoFactorAuth",
         .errorStatuses = {403, 404},
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::post,
         .pattern = "/webservice/Login",
         .summary = "Sign in, Commvault style",
         .description = "The password is base64 (UTF-8), as Commvault's Login takes it. The "
                        "answer's `token` (\"QSDK <token>\") goes in the `Authtoken` header of "
                        "later requests, here and under /api/v1. JSON unless `Accept` asks for "
                        "XML (`DM2ContentIndexing_CheckCredentialResp`). A wrong user name or "
                        "password answers 401 with errorCode 5. The same sign-in limits as POST "
                        "/api/v1/auth/login apply: 429 (errorCode 429) with `Retry-After`.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .requestSchema = "WebserviceLoginRequest",
         .requestRequired = true,
         .successDescription = "Signed in.",
         .responseSchema = "WebserviceLoginResponse",
         .errorStatuses = {400, 401, 415, 429, 503},
         .errorSchema = "WebserviceLoginError"},
        {.method = verb::get,
         .pattern = "/webservice/Organization",
         .summary = "List organizations, Commvault style",
         .description = "Every organization in the caller's scope (the same as GET "
                        "/api/v1/customers, all pages at once). `shortName.id` is the provider "
                        "id the activate and deactivate calls take. XML "
                        "(`Api_GetOrganizationsResponse`) unless `Accept` asks for JSON.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .successDescription = "The organizations.",
         .responseSchema = "WebserviceOrganizationList",
         .errorSchema = "WebserviceGenericResponse"},
        {.method = verb::post,
         .pattern = "/webservice/organization/{organizationId}/action/activate",
         .summary = "Activate an organization, Commvault style",
         .description = "Approves a New organization (New → Active). Answers "
                        "`Api_ActivateOrganizationResponse` in XML unless `Accept` asks for "
                        "JSON: errorCode 0 and the entity on success; otherwise errorCode (the "
                        "HTTP status) and errorMessage, e.g. `Cannot activate the customer "
                        "organization in its current status.` Any body (Content-Type "
                        "application/xml or application/json) is accepted and ignored.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .requestSchema = "WebserviceActionRequest",
         .successDescription = "Activated (errorCode 0).",
         .responseSchema = "WebserviceOrganizationActionResponse",
         .errorStatuses = {403, 404, 409},
         .errorSchema = "WebserviceOrganizationActionResponse"},
        {.method = verb::post,
         .pattern = "/webservice/organization/{organizationId}/action/deactivate",
         .summary = "Deactivate an organization, Commvault style",
         .description = "Suspends an Active organization (Active → Blocked), keeping its "
                        "subscriptions. Answers `Api_DeactivateOrganizationResponse`, shaped as "
                        "the activate answer. Commvault's deactivateOptions body is accepted "
                        "and ignored.",
         .tag = "Webservice",
         .style = ApiStyle::Webservice,
         .requestSchema = "WebserviceActionRequest",
         .successDescription = "Deactivated (errorCode 0).",
         .responseSchema = "WebserviceOrganizationActionResponse",
         .errorStatuses = {403, 404, 409},
         .errorSchema = "WebserviceOrganizationActionResponse"},

        // ---- the server itself ----
        {.method = verb::get,
         .pattern = "/healthz",
         .summary = "Health check",
         .description = "Whether the server and its database answer.",
         .tag = "Operations",
         .successDescription = "Healthy.",
         .responseSchema = "Health",
         .errorStatuses = {503},
         .errorSchema = "Health"},
        {.method = verb::get,
         .pattern = kOpenApiPath,
         .summary = "This API description",
         .description = "The OpenAPI 3.0 document of every route of this server.",
         .tag = "Operations",
         .successDescription = "The OpenAPI document.",
         .responseSchema = "OpenApiDocument"},
        {.method = verb::get,
         .pattern = "/metrics",
         .summary = "Prometheus metrics",
         .description = "This instance's figures in the Prometheus text format 0.0.4: requests "
                        "by route pattern, method and status, latency histograms, connections, "
                        "sessions, sign-in failures, orders pending approval, the database. "
                        "Served to loopback clients only unless the server runs with "
                        "--metrics-public; with --metrics-address it is served on that address "
                        "alone, not here.",
         .tag = "Operations",
         .successDescription = "The metrics.",
         .responseSchema = "PrometheusText",
         .errorStatuses = {403}},
    };
}

// The schemas the descriptions name, and the security schemes.
constexpr const char* kComponents = R"json({
  "securitySchemes": {
    "bearerAuth": {"type": "http", "scheme": "bearer",
      "description": "The token from POST /api/v1/auth/login or POST /webservice/Login."},
    "authtoken": {"type": "apiKey", "in": "header", "name": "Authtoken",
      "description": "The same token in Commvault's header, with or without its \"QSDK \" prefix."}
  },
  "schemas": {
    "Problem": {
      "type": "object", "description": "application/problem+json (RFC 7807).",
      "required": ["type", "title", "status", "detail", "code"],
      "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "For a person; the seed's exact message where the seed gives one."},
        "code": {"type": "string", "description": "Stable machine code, e.g. invalid-status."},
        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}},
        "retryAfterSeconds": {"type": "integer", "description": "On 429 and 503: seconds to wait before trying again (also in Retry-After)."},
        "requestId": {"type": "string", "description": "The request's id, as in the X-Request-Id header of every answer and in the server's log line of this request: quote it when you report the error."}
      }
    },
    "FieldError": {
      "type": "object", "required": ["field", "message"],
      "properties": {"field": {"type": "string"}, "message": {"type": "string"}}
    },
    "OrganizationStatus": {"type": "string", "enum": ["New", "Active", "Blocked", "Rejected", "Deleted"]},
    "OwnershipType": {"type": "string", "enum": ["Customer", "ServiceProvider"]},
    "Person": {
      "type": "object", "required": ["name", "email"],
      "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}}
    },
    "Billing": {
      "type": "object",
      "properties": {
        "company": {"type": "string"}, "address": {"type": "string"},
        "country": {"type": "string"}, "taxId": {"type": "string"},
        "email": {"type": "string", "format": "email"}
      }
    },
    "Contact": {
      "type": "object",
      "properties": {"name": {"type": "string"}, "role": {"type": "string"}, "phone": {"type": "string"}}
    },
    "Customer": {
      "type": "object",
      "required": ["id", "name", "status", "ownershipType", "version", "actions"],
      "properties": {
        "id": {"type": "string", "format": "uuid"},
        "providerId": {"type": "integer", "format": "int64", "description": "The webservice API's numeric organization id."},
        "name": {"type": "string"},
        "status": {"$ref": "#/components/schemas/OrganizationStatus"},
        "segment": {"type": "string"},
        "ownershipType": {"$ref": "#/components/schemas/OwnershipType"},
        "owner": {"type": "object", "nullable": true, "allOf": [{"$ref": "#/components/schemas/Person"}],
          "description": "null for a Service Provider organization without an owner."},
        "billing": {"$ref": "#/components/schemas/Billing"},
        "primaryContact": {"$ref": "#/components/schemas/Contact"},
        "customerReference": {"type": "string"},
        "externalContract": {"type": "string"},
        "purchasedNumbers": {"type": "array", "items": {"type": "string"}},
        "buyerTags": {"type": "array", "items": {"type": "string"}},
        "distributorId": {"type": "string"},
        "sellerId": {"type": "string"},
        "subscriptionCount": {"type": "integer"},
        "userCount": {"type": "integer"},
        "rejectionReason": {"type": "string"},
        "version": {"type": "integer", "format": "int64", "description": "For If-Match."},
        "actions": {"type": "array", "description": "What the caller may do now.",
          "items": {"type": "string", "enum": ["approve", "reject", "suspend", "resume", "delete", "edit"]}},
        "createdAt": {"type": "string", "format": "date-time"},
        "updatedAt": {"type": "string", "format": "date-time"}
      }
    },
    "CustomerPage": {
      "type": "object", "required": ["items", "nextCursor"],
      "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Customer"}},
        "nextCursor": {"type": "string", "nullable": true, "description": "Pass as ?cursor= for the next page; null on the last."},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"},
          "description": "Organizations per status in the caller's whole scope."}
      }
    },
    "CustomerCreate": {
      "type": "object", "required": ["name", "ownershipType"],
      "properties": {
        "name": {"type": "string"},
        "segment": {"type": "string"},
        "ownershipType": {"$ref": "#/components/schemas/OwnershipType"},
        "owner": {"$ref": "#/components/schemas/Person"},
        "billing": {"$ref": "#/components/schemas/Billing"},
        "primaryContact": {"$ref": "#/components/schemas/Contact"},
        "customerReference": {"type": "string"},
        "externalContract": {"type": "string"},
        "purchasedNumbers": {"type": "array", "items": {"type": "string"}},
        "buyerTags": {"type": "array", "items": {"type": "string"}},
        "sellerId": {"type": "string", "description": "The seller, when a Distributor Admin creates it."}
      }
    },
    "CustomerPatch": {
      "type": "object", "description": "A JSON merge patch of the editable fields; null removes an optional one.",
      "properties": {
        "name": {"type": "string"},
        "segment": {"type": "string"},
        "billing": {"$ref": "#/components/schemas/Billing"},
        "primaryContact": {"$ref": "#/components/schemas/Contact"},
        "customerReference": {"type": "string"},
        "externalContract": {"type": "string"},
        "purchasedNumbers": {"type": "array", "items": {"type": "string"}},
        "buyerTags": {"type": "array", "items": {"type": "string"}}
      }
    },
    "RejectRequest": {
      "type": "object", "required": ["reason"],
      "properties": {"reason": {"type": "string"}}
    },
    "SuspendRequest": {
      "type": "object", "required": ["subscriptions"],
      "properties": {"subscriptions": {"type": "string", "enum": ["keep", "cancel"]}}
    },
    "DeleteRequest": {
      "type": "object",
      "properties": {"cancelSubscriptions": {"type": "boolean", "default": false}}
    },
    "OwnershipChangeRequest": {
      "type": "object", "required": ["ownershipType"],
      "properties": {
        "ownershipType": {"$ref": "#/components/schemas/OwnershipType"},
        "newOwner": {"oneOf": [
          {"type": "object", "required": ["memberId"], "properties": {"memberId": {"type": "string"}}},
          {"$ref": "#/components/schemas/Person"}
        ], "description": "Service Provider → Customer: an existing member or new owner details."},
        "demoteTo": {"type": "string", "enum": ["Admin", "Member"],
          "description": "Customer → Service Provider: the current owner's new role."}
      }
    },
    "Member": {
      "type": "object", "required": ["id", "name", "email", "role"],
      "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "email": {"type": "string", "format": "email"},
        "role": {"type": "string", "enum": ["Owner", "Admin", "Member"]}
      }
    },
    "MemberList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Member"}}}
    },
    "AuditEntry": {
      "type": "object", "required": ["at", "actor", "action"],
      "properties": {
        "at": {"type": "string", "format": "date-time", "description": "When."},
        "actor": {"type": "object", "description": "Who.", "required": ["id", "name"], "properties": {
          "id": {"type": "string", "description": "A user id, or \"system\"."},
          "name": {"type": "string", "description": "The user's display name, or \"System\"."}}},
        "action": {"type": "string", "description": "What: create, approve, reject, suspend, resume, delete, edit, ownership, ..."},
        "before": {"type": "object", "nullable": true, "description": "The state before (a JSON snapshot)."},
        "after": {"type": "object", "nullable": true, "description": "The state after (a JSON snapshot)."}
      }
    },
    "AuditTrail": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}
    },
    "Product": {
      "type": "object", "required": ["sku", "name", "unitPrice", "currency", "billingPeriod"],
      "properties": {
        "sku": {"type": "string"}, "name": {"type": "string"},
        "unitPrice": {"type": "string", "description": "A decimal amount in the currency's digits, e.g. \"12.50\"."},
        "currency": {"type": "string", "description": "ISO 4217."},
        "billingPeriod": {"type": "string", "enum": ["Monthly", "Annual"]},
        "segments": {"type": "array", "items": {"type": "string"}}
      }
    },
    "ProductList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Product"}}}
    },
    "OrderStatus": {"type": "string", "enum": ["PendingApproval", "Approved", "Provisioning", "Provisioned", "Failed", "Rejected"]},
    "OrderCreate": {
      "type": "object", "required": ["customerId", "lines"],
      "properties": {
        "customerId": {"type": "string"},
        "lines": {"type": "array", "minItems": 1, "maxItems": 20, "items": {
          "type": "object", "required": ["sku", "quantity"],
          "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1, "maximum": 10000}}}}
      }
    },
    "Order": {
      "type": "object", "required": ["id", "customerId", "customer", "lines", "price", "status", "links", "version"],
      "properties": {
        "id": {"type": "string"},
        "customerId": {"type": "string"},
        "customer": {"type": "object", "properties": {
          "id": {"type": "string"}, "name": {"type": "string"},
          "status": {"$ref": "#/components/schemas/OrganizationStatus"},
          "segment": {"type": "string"}, "billingCountry": {"type": "string"},
          "billingEmail": {"type": "string"}}},
        "sellerId": {"type": "string"}, "distributorId": {"type": "string"},
        "lines": {"type": "array", "items": {"type": "object", "properties": {
          "sku": {"type": "string"}, "name": {"type": "string"}, "quantity": {"type": "integer"},
          "unitPrice": {"type": "string"}, "lineTotal": {"type": "string"},
          "billingPeriod": {"type": "string", "enum": ["Monthly", "Annual"]}}}},
        "price": {"type": "object", "properties": {
          "net": {"type": "string"}, "tax": {"type": "string"}, "total": {"type": "string"},
          "currency": {"type": "string"},
          "taxRate": {"type": "string", "description": "Percent, e.g. \"25.00\"."}}},
        "status": {"$ref": "#/components/schemas/OrderStatus"},
        "statusText": {"type": "string", "description": "For people, e.g. \"Rejected by reseller\"."},
        "placedBy": {"type": "object", "nullable": true, "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
        "decidedBy": {"type": "object", "nullable": true, "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
        "decidedAt": {"type": "string", "format": "date-time", "nullable": true},
        "rejectionReason": {"type": "string"},
        "failureReason": {"type": "string"},
        "version": {"type": "integer", "format": "int64"},
        "actions": {"type": "array", "items": {"type": "string", "enum": ["approve", "reject"]}},
        "links": {"type": "object", "required": ["self"], "properties": {
          "self": {"type": "string", "format": "uri"},
          "approve": {"type": "string", "format": "uri", "description": "Present only while the caller may approve."},
          "reject": {"type": "string", "format": "uri", "description": "Present only while the caller may reject."}}},
        "createdAt": {"type": "string", "format": "date-time"},
        "updatedAt": {"type": "string", "format": "date-time"}
      }
    },
    "OrderPage": {
      "type": "object", "required": ["items", "nextCursor"],
      "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}},
        "nextCursor": {"type": "string", "nullable": true},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}}
      }
    },
    "BulkDecisionRequest": {
      "type": "object", "required": ["action", "orderIds"],
      "properties": {
        "action": {"type": "string", "enum": ["approve", "reject"]},
        "orderIds": {"type": "array", "minItems": 1, "maxItems": 200, "items": {"type": "string"}},
        "reason": {"type": "string", "description": "Required to reject."}
      }
    },
    "BulkDecisionResults": {
      "type": "object", "required": ["results"],
      "properties": {"results": {"type": "array", "items": {"type": "object", "required": ["orderId", "ok"], "properties": {
        "orderId": {"type": "string"}, "ok": {"type": "boolean"},
        "order": {"$ref": "#/components/schemas/Order"},
        "error": {"$ref": "#/components/schemas/Problem"}}}}}
    },
    "Subscription": {
      "type": "object", "required": ["id", "customerId", "sku", "quantity", "status", "version"],
      "properties": {
        "id": {"type": "string"}, "customerId": {"type": "string"}, "orderId": {"type": "string"},
        "sku": {"type": "string"}, "name": {"type": "string"}, "quantity": {"type": "integer"},
        "billingPeriod": {"type": "string", "enum": ["Monthly", "Annual"]},
        "status": {"type": "string", "enum": ["Active", "Suspended", "Cancelled"]},
        "version": {"type": "integer", "format": "int64"},
        "actions": {"type": "array", "items": {"type": "string", "enum": ["suspend", "resume"]}},
        "createdAt": {"type": "string", "format": "date-time"},
        "updatedAt": {"type": "string", "format": "date-time"}
      }
    },
    "SubscriptionList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Subscription"}}}
    },
    "Changes": {
      "type": "object", "required": ["cursor", "changed"],
      "properties": {
        "cursor": {"type": "string", "description": "Opaque, and new in every answer: pass it back as `after`. One from before a restart or from another instance answers at once with `changed: true`."},
        "changed": {"type": "boolean"}
      }
    },
    "SellerList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {
        "type": "object", "required": ["id", "name"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}}
    },
    "LoginRequest": {
      "type": "object", "required": ["username", "password"],
      "properties": {"username": {"type": "string"}, "password": {"type": "string", "format": "password"}}
    },
    "PasswordChangeRequest": {
      "type": "object", "required": ["currentPassword", "newPassword"],
      "properties": {"currentPassword": {"type": "string", "format": "password"},
                     "newPassword": {"type": "string", "format": "password", "minLength": 12, "maxLength": 256}}
    },
    "User": {
      "type": "object", "required": ["id", "username", "roles", "tenant"],
      "properties": {
        "id": {"type": "string"},
        "username": {"type": "string"},
        "displayName": {"type": "string"},
        "roles": {"type": "array", "items": {"type": "string",
          "enum": ["DistributorAdmin", "SellerAdmin", "AccountManager", "CustomerOwner", "CustomerAdmin", "CustomerMember"]}},
        "tenant": {"type": "string", "description": "The distributor, seller or customer organization the user belongs to."},
        "distributorId": {"type": "string"},
        "sellerId": {"type": "string"},
        "customerId": {"type": "string"}
      }
    },
    "LoginResponse": {
      "type": "object", "required": ["token", "expiresAt", "user"],
      "properties": {
        "token": {"type": "string"},
        "expiresAt": {"type": "string", "format": "date-time"},
        "user": {"$ref": "#/components/schemas/User"}
      }
    },
    "SandboxSession": {
      "type": "object", "required": ["sandboxId", "expiresAt", "signIns"],
      "properties": {
        "sandboxId": {"type": "string", "format": "uuid", "description": "The sandbox's distributor id."},
        "expiresAt": {"type": "string", "format": "date-time", "description": "When the sandbox and every token of it end."},
        "signIns": {"type": "array", "description": "Distributor Admin, Seller Admin, Account Manager, Customer Owner, in this order.", "items": {"$ref": "#/components/schemas/LoginResponse"}}
      }
    },
    "WebserviceLoginRequest": {
      "type": "object", "required": ["username", "password"],
      "properties": {
        "username": {"type": "string"},
        "password": {"type": "string", "format": "byte", "description": "Base64 of the UTF-8 password."},
        "domain": {"type": "string", "description": "Accepted and ignored."},
        "commserver": {"type": "string", "description": "Accepted and ignored."},
        "timeout": {"type": "integer", "description": "Accepted and ignored: sessions expire after the server's idle timeout."}
      }
    },
    "WebserviceLoginResponse": {
      "type": "object", "required": ["token", "userName", "userGUID"],
      "description": "In XML: the attributes of DM2ContentIndexing_CheckCredentialResp.",
      "properties": {
        "token": {"type": "string", "description": "\"QSDK <token>\", for the Authtoken header."},
        "userName": {"type": "string"},
        "userGUID": {"type": "string"},
        "aliasName": {"type": "string", "description": "The user's display name."},
        "smtpAddress": {"type": "string"},
        "loginAttempts": {"type": "integer"},
        "remainingLockTime": {"type": "integer"},
        "ccn": {"type": "integer"},
        "forcePasswordChange": {"type": "boolean"},
        "isAccountLocked": {"type": "boolean"}
      }
    },
    "WebserviceLoginError": {
      "type": "object", "required": ["errList"],
      "description": "In XML: errList elements inside DM2ContentIndexing_CheckCredentialResp.",
      "properties": {"errList": {"type": "array", "items": {
        "type": "object", "required": ["errLogMessage", "errorCode"],
        "properties": {"errLogMessage": {"type": "string"},
          "errorCode": {"type": "integer", "description": "5 for a wrong user name or password, else the HTTP status."}}}}}
    },
    "WebserviceServiceStatus": {
      "type": "object", "required": ["service"],
      "description": "In XML: App_ServiceStatus with a service element of these attributes.",
      "properties": {"service": {"type": "object", "required": ["status"], "properties": {
        "status": {"type": "string", "enum": ["up"]}, "name": {"type": "string"}}}}
    },
    "WebserviceWhoAmI": {
      "type": "object", "required": ["user"],
      "description": "In XML: App_WhoAmIResponse with a user element of these attributes.",
      "properties": {"user": {"type": "object", "required": ["userName", "userId", "userGUID"], "properties": {
        "userName": {"type": "string"}, "userId": {"type": "integer", "format": "int64"},
        "userGUID": {"type": "string"}}}}
    },
    "WebserviceRenewLoginTokenRequest": {
      "type": "object", "required": ["sessionId"],
      "properties": {"sessionId": {"type": "string", "description": "The token to renew, \"QSDK <token>\" or bare."},
        "deviceId": {"type": "string", "description": "Accepted and ignored."}}
    },
    "WebserviceRenewLoginTokenResponse": {
      "type": "object", "required": ["token"],
      "description": "In XML: App_RenewLoginTokenResponse with a token attribute.",
      "properties": {"token": {"type": "string", "description": "\"QSDK <token>\"."}}
    },
    "WebserviceCommServ": {
      "type": "object", "required": ["commcell", "hostName", "csTimeZone", "timeZone", "currentSPVersion", "csVersionInfo"],
      "properties": {
        "commcell": {"type": "object", "properties": {"commCellName": {"type": "string"}, "csGUID": {"type": "string", "format": "uuid"}, "commCellId": {"type": "integer"}}},
        "hostName": {"type": "string"},
        "csTimeZone": {"type": "object", "properties": {"TimeZoneName": {"type": "string"}}},
        "timeZone": {"type": "string"},
        "currentSPVersion": {"type": "integer"},
        "csVersionInfo": {"type": "string"}}
    },
    "WebserviceOrganizationInfo": {
      "type": "object", "required": ["organizationInfo"],
      "properties": {"organizationInfo": {"type": "object", "required": ["organization", "organizationProperties", "planDetails"], "properties": {
        "organization": {"type": "object", "properties": {
          "connectName": {"type": "string"}, "description": {"type": "string"},
          "shortName": {"type": "object", "properties": {"id": {"type": "integer", "format": "int64"}, "domainName": {"type": "string"}}},
          "emailDomainNames": {"type": "array", "items": {"type": "string"}}}},
        "organizationProperties": {"type": "object", "properties": {
          "enableAuthCodeGen": {"type": "boolean"}, "authCode": {"type": "string"},
          "totalMachineCount": {"type": "integer"}, "userCount": {"type": "integer"}, "serverCount": {"type": "integer"},
          "primaryContacts": {"type": "array", "items": {"type": "object", "properties": {
            "fullName": {"type": "string"},
            "user": {"type": "object", "properties": {"userName": {"type": "string"}, "userId": {"type": "integer", "format": "int64"}}}}}},
          "defaultPlans": {"type": "array", "items": {"type": "object"}},
          "operatorRole": {"type": "object", "properties": {"roleName": {"type": "string"}}}}},
        "planDetails": {"type": "array", "items": {"type": "object", "properties": {
          "plan": {"type": "object", "properties": {"planName": {"type": "string"}, "planId": {"type": "integer", "format": "int64"}, "planGUID": {"type": "string"}}},
          "sku": {"type": "string"}, "quantity": {"type": "integer"}, "status": {"type": "string"}}}}}}}
    },
    "WebserviceTwoFactorAuth": {
      "type": "object", "required": ["twoFactorAuthenticationInfo"],
      "properties": {"twoFactorAuthenticationInfo": {"type": "object", "required": ["mode"], "properties": {
        "mode": {"type": "integer", "description": "0: off (Orgdesk has no two-factor sign-in)."}}}}
    },
    "WebserviceGenericResponse": {
      "type": "object", "required": ["errorCode", "errorMessage"],
      "description": "In XML: App_GenericResp with these attributes.",
      "properties": {"errorCode": {"type": "integer", "description": "The HTTP status."}, "errorMessage": {"type": "string"}}
    },
    "WebserviceOrganizationList": {
      "type": "object", "required": ["providers"],
      "description": "In XML: Api_GetOrganizationsResponse with one providers element (attributes connectName, providerGUID, status; child shortName with id and domainName) per organization.",
      "properties": {"providers": {"type": "array", "items": {
        "type": "object", "required": ["shortName", "connectName", "providerGUID"],
        "properties": {
          "shortName": {"type": "object", "required": ["id", "domainName"], "properties": {
            "id": {"type": "integer", "format": "int64", "description": "The provider id."},
            "domainName": {"type": "string"}}},
          "connectName": {"type": "string", "description": "The organization's name."},
          "providerGUID": {"type": "string", "format": "uuid"},
          "status": {"$ref": "#/components/schemas/OrganizationStatus"}}}}}
    },
    "WebserviceActionRequest": {
      "type": "object", "description": "Optional and ignored (Commvault's deactivateOptions, say). XML bodies are accepted too."
    },
    "WebserviceOrganizationActionResponse": {
      "type": "object", "required": ["processinginstructioninfo", "response"],
      "description": "In XML: Api_ActivateOrganizationResponse (or Api_DeactivateOrganizationResponse) with processinginstructioninfo/attributes and response/entity as elements, their fields as attributes.",
      "properties": {
        "processinginstructioninfo": {"type": "object", "properties": {"attributes": {"type": "array", "items": {
          "type": "object", "properties": {"name": {"type": "string", "example": "exitval"},
            "value": {"type": "string", "description": "\"0\" on success, else the errorCode."}}}}}},
        "response": {"type": "object", "required": ["errorCode"], "properties": {
          "errorCode": {"type": "integer", "description": "0 on success, else the HTTP status."},
          "errorMessage": {"type": "string", "description": "Only on failure."},
          "entity": {"type": "object", "description": "Only on success.", "properties": {
            "GUID": {"type": "string", "description": "Empty, as in the seed."},
            "_type_": {"type": "integer", "example": 61},
            "providerDomainName": {"type": "string"},
            "providerId": {"type": "integer", "format": "int64"}}}}},
        "error": {"type": "object", "description": "Only on failure: Commvault's pair to the response's code.", "properties": {
          "errorCode": {"type": "integer"}, "errorMessage": {"type": "string"}}}
      },
      "example": {"processinginstructioninfo": {"attributes": [{"name": "exitval", "value": "0"}]},
        "response": {"errorCode": 0, "entity": {"GUID": "", "_type_": 61, "providerDomainName": "mycompany", "providerId": 1}}}
    },
    "Health": {
      "type": "object", "required": ["status"],
      "properties": {"status": {"type": "string", "enum": ["ok", "unavailable"]}}
    },
    "OpenApiDocument": {"type": "object", "description": "An OpenAPI 3.0 document."},
    "PrometheusText": {"type": "string", "description": "The Prometheus text exposition format, version 0.0.4."}
  }
})json";

const char* reason_of(int status) {
    switch (status) {
        case 200:
            return "OK.";
        case 201:
            return "Created.";
        case 204:
            return "No content.";
        case 400:
            return "The request is invalid: malformed, or fields at fault.";
        case 401:
            return "No token, or an expired or revoked one.";
        case 403:
            return "The caller's role may not do this.";
        case 404:
            return "No such object in the caller's tenant.";
        case 409:
            return "The object's status (or a rule) does not allow this now.";
        case 412:
            return "If-Match names a version that is no longer current.";
        case 415:
            return "The body is not of a media type this route reads.";
        case 429:
            return "Too many failed sign-ins: wait for Retry-After seconds.";
        case 503:
            return "Unavailable, or too busy now: try again after Retry-After seconds.";
        default:
            return "See the body.";
    }
}

Json schema_ref(std::string_view name) {
    return {{"$ref", "#/components/schemas/" + std::string(name)}};
}

// The names of the pattern's "{name}" segments, in order.
std::vector<std::string> path_parameters(std::string_view pattern) {
    std::vector<std::string> names;
    for (auto open = pattern.find('{'); open != std::string_view::npos;
         open = pattern.find('{', open + 1)) {
        const auto close = pattern.find('}', open);
        names.emplace_back(pattern.substr(open + 1, close - open - 1));
    }
    return names;
}

Json path_parameter(const std::string& name) {
    static const std::map<std::string, std::string, std::less<>> descriptions{
        {"customerId", "The customer organization's UUID."},
        {"organizationId",
         "The organization's numeric provider id (the id in GET /webservice/Organization's "
         "shortName), or its UUID."},
    };
    const auto it = descriptions.find(name);
    return {{"name", name},
            {"in", "path"},
            {"required", true},
            {"description", it == descriptions.end() ? "An id." : it->second},
            {"schema", {{"type", "string"}}}};
}

Json query_parameter(const char* name, const char* description, Json schema) {
    return {{"name", name}, {"in", "query"}, {"description", description}, {"schema", schema}};
}

Json header_parameter(const char* name, const char* description) {
    return {{"name", name},
            {"in", "header"},
            {"description", description},
            {"schema", {{"type", "string"}}}};
}

Json content_of(const RouteDoc& doc, std::string_view schema, bool error) {
    if (doc.style == ApiStyle::Webservice) {
        return {{"application/xml", {{"schema", schema_ref(schema)}}},
                {"application/json", {{"schema", schema_ref(schema)}}}};
    }
    if (schema == "PrometheusText")
        return {{"text/plain; version=0.0.4", {{"schema", schema_ref(schema)}}}};
    if (error && schema == "Problem")
        return {{std::string(kProblemJsonType), {{"schema", schema_ref(schema)}}}};
    return {{std::string(kJsonType), {{"schema", schema_ref(schema)}}}};
}

Json operation_of(const Route& route, const RouteDoc* doc) {
    Json operation = Json::object();
    auto parameters = Json::array();
    for (const auto& name : path_parameters(route.pattern))
        parameters.push_back(path_parameter(name));

    const bool signedIn = route.access == Access::SignedIn;
    operation["security"] =
        signedIn
            ? Json::array({Json{{"bearerAuth", Json::array()}}, Json{{"authtoken", Json::array()}}})
            : Json::array();
    if (!doc) {
        operation["summary"] = "Undocumented";
        operation["parameters"] = parameters;
        operation["responses"] = {{"default", {{"description", "Undocumented."}}}};
        return operation;
    }

    operation["summary"] = doc->summary;
    operation["description"] = doc->description;
    operation["tags"] = Json::array({doc->tag});
    if (doc->listQuery) {
        parameters.push_back(query_parameter(
            "q",
            "Matches the UUID, name, purchased number, customer reference or external "
            "contract.",
            {{"type", "string"}}));
        parameters.push_back(query_parameter(
            "status", "Only this status.",
            {{"type", "string"}, {"enum", {"New", "Active", "Blocked", "Rejected"}}}));
        parameters.push_back(query_parameter(
            "limit", "Items per page.",
            {{"type", "integer"}, {"minimum", 1}, {"maximum", core::kMaxPageSize}}));
        parameters.push_back(
            query_parameter("cursor", "The previous page's nextCursor.", {{"type", "string"}}));
    }
    for (const auto& query : doc->queryParameters) {
        parameters.push_back(Json{{"name", query.name},
                                  {"in", "query"},
                                  {"description", query.description},
                                  {"schema", {{"type", query.type}}}});
    }
    if (doc->ifMatch) {
        parameters.push_back(header_parameter(
            "If-Match", "The ETag (version) last seen; 412 when the object has changed since."));
    }
    if (doc->idempotencyKey) {
        parameters.push_back(header_parameter(
            "Idempotency-Key", "Repeating a create with the same key answers as the first time."));
    }
    if (doc->style == ApiStyle::Webservice) {
        parameters.push_back(header_parameter(
            "Accept", "application/xml or application/json; which one the answer is written in."));
    }
    operation["parameters"] = parameters;

    if (!doc->requestSchema.empty()) {
        operation["requestBody"] = {{"required", doc->requestRequired},
                                    {"content", content_of(*doc, doc->requestSchema, false)}};
    }

    Json responses = Json::object();
    Json success = {{"description", doc->successDescription}};
    if (!doc->responseSchema.empty())
        success["content"] = content_of(*doc, doc->responseSchema, false);
    Json headers = Json::object();
    if (doc->etag) {
        headers["ETag"] = {{"description", "The version, for If-Match."},
                           {"schema", {{"type", "string"}}}};
    }
    if (doc->location) {
        headers["Location"] = {{"description", "The new object's address."},
                               {"schema", {{"type", "string"}}}};
    }
    if (!headers.empty())
        success["headers"] = std::move(headers);
    responses[std::to_string(doc->successStatus)] = success;

    auto errors = doc->errorStatuses;
    if (signedIn)
        errors.push_back(401);
    const std::string_view errorSchema = doc->errorSchema.empty() ? "Problem" : doc->errorSchema;
    for (const int status : errors) {
        responses[std::to_string(status)] = {{"description", reason_of(status)},
                                             {"content", content_of(*doc, errorSchema, true)}};
    }
    operation["responses"] = responses;
    return operation;
}

std::string operation_id(const Route& route) {
    std::string id(http::to_string(route.method));
    for (auto& c : id)
        c = static_cast<char>(c - 'A' + 'a');
    bool upper = true;
    for (const char c : route.pattern) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            id += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
            upper = false;
        } else {
            upper = true;
        }
    }
    return id;
}

}  // namespace

const std::vector<RouteDoc>& route_docs() {
    static const std::vector<RouteDoc> docs = make_route_docs();
    return docs;
}

const RouteDoc* find_route_doc(http::verb method, std::string_view pattern) {
    for (const auto& doc : route_docs()) {
        if (doc.method == method && doc.pattern == pattern)
            return &doc;
    }
    return nullptr;
}

Json openapi_document(const Router& router) {
    Json paths = Json::object();
    for (const auto& route : router.routes()) {
        auto operation = operation_of(route, find_route_doc(route.method, route.pattern));
        operation["operationId"] = operation_id(route);
        std::string method(http::to_string(route.method));
        for (auto& c : method)
            c = static_cast<char>(c - 'A' + 'a');
        paths[route.pattern][method] = std::move(operation);
    }
    return {{"openapi", "3.0.3"},
            {"info",
             {{"title", "Orgdesk API"},
              {"version", "1.0.0"},
              {"description",
               "The partner portal's REST API: customer organizations under /api/v1, and the "
               "Commvault-style webservice of seed 002 under /webservice. Every read and write "
               "is scoped to the caller's tenant; another tenant's object answers 404, as a "
               "missing one does."}}},
            {"servers", Json::array({Json{{"url", "/"}}})},
            {"paths", std::move(paths)},
            {"components", Json::parse(kComponents)}};
}

void add_openapi_route(Router& router) {
    struct Cache {
        std::once_flag once;
        std::string body;
    };
    auto cache = std::make_shared<Cache>();
    const Router* table = &router;
    router.add(
        {http::verb::get, kOpenApiPath, Access::Public, {}, [cache, table](const RequestContext&) {
             std::call_once(cache->once, [&] { cache->body = openapi_document(*table).dump(); });
             StringResponse response{http::status::ok, 11};
             response.set(http::field::content_type, kJsonType);
             response.body() = cache->body;
             response.prepare_payload();
             return response;
         }});
}

}  // namespace orgdesk::server
