// The authorization matrix: every route of the server's route table × every role × own tenant /
// other tenant / no token / expired token / revoked token, over real HTTP, each cell with its
// own objects. The expected answers come from the table below (one row per route), written from
// DESIGN.md and the issue, not from the policy code the server runs: 401 without a live
// session, 404 for another tenant's object (exactly as for a missing one), 403 for a function
// the role may not use, the route's success otherwise. A route the table lacks fails the test.
#include <gtest/gtest.h>

#include <cstdio>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/access_policy.hpp"
#include "platform/demo_data.hpp"
#include "server/router.hpp"
#include "server/server_fixture.hpp"
#include "server/tenant_objects.hpp"

namespace orgdesk::server::testing {
namespace {

using core::OrgStatus;
using core::Role;
using core::SubscriptionStatus;

constexpr unsigned bit(Role role) {
    return 1U << static_cast<unsigned>(role);
}
constexpr unsigned kStaff =
    bit(Role::DistributorAdmin) | bit(Role::SellerAdmin) | bit(Role::AccountManager);
constexpr unsigned kAdmins = bit(Role::DistributorAdmin) | bit(Role::SellerAdmin);
constexpr unsigned kEveryone =
    kStaff | bit(Role::CustomerOwner) | bit(Role::CustomerAdmin) | bit(Role::CustomerMember);
constexpr unsigned kEditors = kStaff | bit(Role::CustomerOwner) | bit(Role::CustomerAdmin);
constexpr unsigned kNotMember = kEveryone & ~bit(Role::CustomerMember);

// One route. `request` is the target sent and `body` the JSON sent (none when null), both with
// {customerId}, {orderId}, {subscriptionId} and {sellerId} filled in for each cell: the own
// tenant's objects, or another tenant's.
struct Row {
    const char* method;
    const char* pattern;  // exactly as the router has it
    unsigned allowed;     // roles that get `success` in their own tenant; the others get 403
    int success;
    const char* request;
    const char* body = nullptr;
    OrgStatus orgStatus = OrgStatus::Active;  // of the organization the cell acts on
    SubscriptionStatus subscriptionStatus = SubscriptionStatus::Active;
    // The answer when the request names another tenant's object, for allowed and for other
    // roles; nullopt where the route names no object (a list, the caller's own session).
    std::optional<int> otherAllowed = 404;
    std::optional<int> otherDenied = 404;
    bool isPublic = false;  // no token needed: every token state gets `success`
    bool bulk = false;      // 200 with one result per order: the cell's answer is the result's

    Row with_status(OrgStatus status) const {
        Row row = *this;
        row.orgStatus = status;
        return row;
    }
    Row with_subscription(SubscriptionStatus status) const {
        Row row = *this;
        row.subscriptionStatus = status;
        return row;
    }
    Row other(std::optional<int> forAllowed, std::optional<int> forOthers) const {
        Row row = *this;
        row.otherAllowed = forAllowed;
        row.otherDenied = forOthers;
        return row;
    }
    Row no_other_tenant() const { return other(std::nullopt, std::nullopt); }
    Row public_route() const {
        Row row = no_other_tenant();
        row.isPublic = true;
        return row;
    }
    Row bulk_results() const {
        Row row = *this;
        row.bulk = true;
        return row;
    }
};

constexpr const char* kSignIn = R"({"username": "seller@demo.test", "password": "orgdesk-demo"})";
// The demo password in base64, as Commvault's Login takes it.
constexpr const char* kWebserviceSignIn =
    R"({"username": "seller@demo.test", "password": "b3JnZGVzay1kZW1v"})";
// A session that is no one's: whatever token the request carries, the renewal is refused.
constexpr const char* kRenewNoSession = R"({"sessionId": "QSDK nothing", "deviceId": "d"})";
constexpr const char* kTooShortPasswordChange =
    R"({"currentPassword": "orgdesk-demo", "newPassword": "short"})";
// Adding a route means adding its row here: one line for most.
const std::vector<Row> kMatrix{
    Row{"GET", "/healthz", kEveryone, 200, "/healthz"}.public_route(),
    Row{"GET", "/api/v1/openapi.json", kEveryone, 200, "/api/v1/openapi.json"}.public_route(),
    // Public as to tokens: who may scrape is a matter of the client's address (loopback here).
    Row{"GET", "/metrics", kEveryone, 200, "/metrics"}.public_route(),
    Row{"POST", "/api/v1/auth/login", kEveryone, 200, "/api/v1/auth/login", kSignIn}.public_route(),
    Row{"POST", "/webservice/Login", kEveryone, 200, "/webservice/Login", kWebserviceSignIn}
        .public_route(),
    // A sandbox is its own tenant, whoever asks (sandbox_api_test.cpp checks its isolation).
    Row{"POST", "/api/v1/sandbox/sessions", kEveryone, 201, "/api/v1/sandbox/sessions"}
        .public_route(),
    Row{"POST", "/api/v1/auth/logout", kEveryone, 204, "/api/v1/auth/logout"}.no_other_tenant(),
    Row{"GET", "/api/v1/auth/me", kEveryone, 200, "/api/v1/auth/me"}.no_other_tenant(),
    // A too-short new password: the route's own refusal (400) shows the token was accepted,
    // without changing any password or revoking the sessions other cells use.
    Row{"PUT", "/api/v1/auth/password", kEveryone, 400, "/api/v1/auth/password",
        kTooShortPasswordChange}
        .no_other_tenant(),
    Row{"GET", "/api/v1/customers", kEveryone, 200, "/api/v1/customers"}.no_other_tenant(),
    // Another tenant's seller is a field error (400) for staff; customers create nothing (403).
    Row{"POST", "/api/v1/customers", kStaff, 201, "/api/v1/customers", kCreateCustomerBody}.other(
        400, 403),
    Row{"GET", "/api/v1/customers/{customerId}", kEveryone, 200, "/api/v1/customers/{customerId}"},
    Row{"PATCH", "/api/v1/customers/{customerId}", kEditors, 200, "/api/v1/customers/{customerId}",
        R"({"name": "Renamed by the matrix"})"},
    Row{"PUT", "/api/v1/customers/{customerId}/approve", kStaff, 200,
        "/api/v1/customers/{customerId}/approve"}
        .with_status(OrgStatus::New),
    Row{"PUT", "/api/v1/customers/{customerId}/reject", kStaff, 200,
        "/api/v1/customers/{customerId}/reject", R"({"reason": "Unverified tax id"})"}
        .with_status(OrgStatus::New),
    Row{"PUT", "/api/v1/customers/{customerId}/suspend", kAdmins, 200,
        "/api/v1/customers/{customerId}/suspend", R"({"subscriptions": "keep"})"},
    Row{"PUT", "/api/v1/customers/{customerId}/resume", kAdmins, 200,
        "/api/v1/customers/{customerId}/resume"}
        .with_status(OrgStatus::Blocked),
    Row{"DELETE", "/api/v1/customers/{customerId}", kAdmins, 200, "/api/v1/customers/{customerId}"},
    Row{"PUT", "/api/v1/customers/{customerId}/ownership", kEditors, 200,
        "/api/v1/customers/{customerId}/ownership",
        R"({"ownershipType": "ServiceProvider", "demoteTo": "Admin"})"},
    Row{"GET", "/api/v1/customers/{customerId}/members", kEveryone, 200,
        "/api/v1/customers/{customerId}/members"},
    Row{"GET", "/api/v1/customers/{customerId}/audit", kEveryone, 200,
        "/api/v1/customers/{customerId}/audit"},
    Row{"GET", "/api/v1/customers/{customerId}/subscriptions", kEveryone, 200,
        "/api/v1/customers/{customerId}/subscriptions"},
    Row{"GET", "/api/v1/products", kEveryone, 200, "/api/v1/products?customerId={customerId}"},
    Row{"GET", "/api/v1/orders", kEveryone, 200, "/api/v1/orders"}.no_other_tenant(),
    Row{"POST", "/api/v1/orders", kNotMember, 201, "/api/v1/orders",
        R"({"customerId": "{customerId}", "lines": [{"sku": "ZOOM-PRO", "quantity": 1}]})"},
    Row{"POST", "/api/v1/orders/decisions", kStaff, 200, "/api/v1/orders/decisions",
        R"({"action": "approve", "orderIds": ["{orderId}"]})"}
        .bulk_results(),
    Row{"GET", "/api/v1/orders/{orderId}", kEveryone, 200, "/api/v1/orders/{orderId}"},
    // Orders are immutable: changing one is refused the same way for everyone.
    Row{"PUT", "/api/v1/orders/{orderId}", kEveryone, 405, "/api/v1/orders/{orderId}", "{}"}.other(
        405, 405),
    Row{"PATCH", "/api/v1/orders/{orderId}", kEveryone, 405, "/api/v1/orders/{orderId}", "{}"}
        .other(405, 405),
    Row{"DELETE", "/api/v1/orders/{orderId}", kEveryone, 405, "/api/v1/orders/{orderId}"}.other(
        405, 405),
    Row{"POST", "/api/v1/orders/{orderId}/approve", kStaff, 200,
        "/api/v1/orders/{orderId}/approve"},
    Row{"POST", "/api/v1/orders/{orderId}/reject", kStaff, 200, "/api/v1/orders/{orderId}/reject",
        R"({"reason": "Payment overdue"})"},
    Row{"PUT", "/api/v1/subscriptions/{subscriptionId}/suspend", kNotMember, 200,
        "/api/v1/subscriptions/{subscriptionId}/suspend"},
    Row{"PUT", "/api/v1/subscriptions/{subscriptionId}/resume", kNotMember, 200,
        "/api/v1/subscriptions/{subscriptionId}/resume"}
        .with_subscription(SubscriptionStatus::Suspended),
    Row{"GET", "/api/v1/sellers", kStaff, 200, "/api/v1/sellers"}.no_other_tenant(),
    Row{"GET", "/api/v1/changes", kEveryone, 200, "/api/v1/changes"}.no_other_tenant(),
    Row{"GET", "/webservice", kEveryone, 200, "/webservice"}.public_route(),
    Row{"GET", "/webservice/CommServ", kEveryone, 200, "/webservice/CommServ"}.no_other_tenant(),
    Row{"GET", "/webservice/WhoAmI", kEveryone, 200, "/webservice/WhoAmI"}.no_other_tenant(),
    Row{"POST", "/webservice/WhoAmI", kEveryone, 200, "/webservice/WhoAmI"}.no_other_tenant(),
    Row{"POST", "/webservice/RenewLoginToken", kEveryone, 401, "/webservice/RenewLoginToken",
        kRenewNoSession}
        .public_route(),
    Row{"POST", "/webservice/Logout", kEveryone, 200, "/webservice/Logout"}.no_other_tenant(),
    Row{"GET", "/webservice/Organization", kEveryone, 200, "/webservice/Organization"}
        .no_other_tenant(),
    Row{"GET", "/webservice/Organization/{organizationId}", kEveryone, 200,
        "/webservice/Organization/{customerId}"},
    Row{"GET", "/webservice/Organization/{organizationId}/TwoFactorAuth", kEveryone, 200,
        "/webservice/Organization/{customerId}/TwoFactorAuth"},
    Row{"POST", "/webservice/organization/{organizationId}/action/activate", kStaff, 200,
        "/webservice/organization/{customerId}/action/activate"}
        .with_status(OrgStatus::New),
    Row{"POST", "/webservice/organization/{organizationId}/action/deactivate", kAdmins, 200,
        "/webservice/organization/{customerId}/action/deactivate"},
};

std::string role_name(Role role) {
    return std::string(core::to_string(role));
}

class AuthorizationMatrix : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override {
        options.sessionIdleTimeout = kSessionIdleTimeout;
    }

    void SetUp() override {
        ServerFixture::SetUp();
        objects_.emplace(store(), [this] { return now_ms(); });
    }

    // A request of `row` by a new user (or session) of `role`, on its own objects: in the
    // caller's own tenant, or in another tenant when `other`.
    HttpRequest prepare(const Row& row, Role role, bool other) {
        auto& objects = *objects_;
        const std::string sellerOne(platform::kDemoSellerOneId);
        const auto home = objects.organization(sellerOne, row.orgStatus);
        const auto caller = objects.user(role, home);
        // Another tenant: a sibling customer for a customer, another seller's customer for a
        // seller's staff, another distributor's for a Distributor Admin.
        std::string otherSeller = sellerOne;
        if (role == Role::DistributorAdmin)
            otherSeller = std::string(kOtherDistributorSellerId);
        else if (core::is_staff(role))
            otherSeller = std::string(platform::kDemoSellerTwoId);
        const auto target = other ? objects.organization(otherSeller, row.orgStatus) : home;

        std::string path = row.request;
        std::string body = row.body ? row.body : "";
        const auto fill = [&](std::string_view placeholder, const std::string& value) {
            replace_all(path, placeholder, value);
            replace_all(body, placeholder, value);
        };
        fill("{customerId}", target.id);
        fill("{sellerId}", other ? otherSeller : sellerOne);
        if (path.find("{orderId}") != std::string::npos ||
            body.find("{orderId}") != std::string::npos)
            fill("{orderId}", objects.pending_order(target).id);
        if (path.find("{subscriptionId}") != std::string::npos)
            fill("{subscriptionId}", objects.subscription(target, row.subscriptionStatus).id);

        HttpRequest request{row.method, path, body, {}};
        if (row.body)
            request.headers.emplace_back("Content-Type", "application/json");
        request.headers.emplace_back("Authorization", "Bearer " + objects.session(caller));
        return request;
    }

    // The cell's answer: the status, or for a bulk route the status of its one result.
    static int answer_of(const Row& row, const HttpResponse& response) {
        if (!row.bulk || response.status != 200)
            return response.status;
        const auto result = response.json().at("results").at(0);
        return result.at("ok").get<bool>() ? 200 : result.at("error").at("status").get<int>();
    }

    void check(const Row& row, Role role, const std::string& cell, const HttpRequest& request,
               int expected) {
        const auto response = client().send(request);
        ++cells_;
        ++answers_[answer_of(row, response)];
        EXPECT_EQ(answer_of(row, response), expected)
            << row.method << " " << row.pattern << " as " << role_name(role) << ", " << cell << ": "
            << request.target << " answered " << response.status << " "
            << response.body.substr(0, 300);
    }

    static HttpRequest without_token(HttpRequest request) {
        std::erase_if(request.headers, [](const auto& h) { return h.first == "Authorization"; });
        return request;
    }

    // The cells' answers so far, with how many cells gave each ("200: 150, 403: 90, ...").
    std::string tally() const {
        std::string text;
        for (const auto& [status, count] : answers_)
            text +=
                (text.empty() ? "" : ", ") + std::to_string(status) + ": " + std::to_string(count);
        return text;
    }

    std::optional<TenantObjects> objects_;
    int cells_ = 0;
    std::map<int, int> answers_;
};

TEST_F(AuthorizationMatrix, EveryRouteHasARow) {
    std::set<std::pair<std::string, std::string>> routes;
    for (const auto& route : server().router().routes())
        routes.emplace(std::string(http::to_string(route.method)), route.pattern);
    std::set<std::pair<std::string, std::string>> rows;
    for (const auto& row : kMatrix)
        EXPECT_TRUE(rows.emplace(row.method, row.pattern).second)
            << "two rows for " << row.method << " " << row.pattern;
    for (const auto& route : routes) {
        EXPECT_TRUE(rows.count(route))
            << "the route " << route.first << " " << route.second
            << " has no row in the authorization matrix: add one to kMatrix";
    }
    for (const auto& row : rows) {
        EXPECT_TRUE(routes.count(row)) << "the matrix has a row for " << row.first << " "
                                       << row.second << ", which the server does not route";
    }
    // Public routes are exactly the ones the table says need no token.
    for (const auto& route : server().router().routes()) {
        for (const auto& row : kMatrix) {
            if (row.method == http::to_string(route.method) && row.pattern == route.pattern) {
                EXPECT_EQ(row.isPublic, route.access == Access::Public) << route.pattern;
            }
        }
    }
}

TEST_F(AuthorizationMatrix, EveryRouteRoleAndTenantAnswersAsTheTableSays) {
    int tenantCells = 0;
    for (const auto& row : kMatrix) {
        for (const auto role : core::kAllRoles) {
            const bool allowed = (row.allowed & bit(role)) != 0;
            check(row, role, "own tenant", prepare(row, role, false), allowed ? row.success : 403);
            ++tenantCells;
            const auto other = allowed ? row.otherAllowed : row.otherDenied;
            if (other && !row.isPublic) {
                check(row, role, "other tenant", prepare(row, role, true), *other);
                ++tenantCells;
            }
        }
    }
    std::printf(
        "authorization matrix: %zu routes x %zu roles: %d own/other-tenant cells checked "
        "(answers %s)\n",
        kMatrix.size(), std::size(core::kAllRoles), tenantCells, tally().c_str());
}

// The field-level cells of PATCH /api/v1/customers/{id}: what a customer buys and pays, and the
// seller's own references, are the seller's (403 naming the field for a customer); the
// customer's name, contact and address are its own. Written from issue 21, not from the policy.
struct FieldCell {
    const char* body;
    const char* field;  // the field a refusal names
    unsigned allowed;
};

const std::vector<FieldCell> kFieldCells{
    {R"({"segment": "Education"})", "segment", kStaff},
    {R"({"billing": {"country": "US"}})", "billing.country", kStaff},
    {R"({"billing": {"taxId": "SE556677889901"}})", "billing.taxId", kStaff},
    {R"({"customerReference": "CR-OWN"})", "customerReference", kStaff},
    {R"({"externalContract": "EC-OWN"})", "externalContract", kStaff},
    {R"({"purchasedNumbers": ["+46855999999"]})", "purchasedNumbers", kStaff},
    {R"({"buyerTags": ["vip"]})", "buyerTags", kStaff},
    {R"({"name": "Renamed by the field cells"})", "name", kEditors},
    {R"({"billing": {"address": "New Street 2"}})", "billing.address", kEditors},
    {R"({"billing": {"company": "Renamed AB"}})", "billing.company", kEditors},
    {R"({"primaryContact": {"name": "Nils", "phone": "+46 8 555 0101"}})", "primaryContact.name",
     kEditors},
};

TEST_F(AuthorizationMatrix, EachEditableFieldIsChangedOnlyByTheRolesThatOwnIt) {
    const std::string sellerOne(platform::kDemoSellerOneId);
    int cells = 0;
    for (const auto& cell : kFieldCells) {
        for (const auto role : core::kAllRoles) {
            const auto org = objects_->organization(sellerOne, OrgStatus::Active);
            const auto token = objects_->session(objects_->user(role, org));
            const auto target = "/api/v1/customers/" + org.id;
            const auto response =
                client().send_json("PATCH", target, nlohmann::json::parse(cell.body), token);
            const bool allowed = (cell.allowed & bit(role)) != 0;
            ++cells;
            EXPECT_EQ(response.status, allowed ? 200 : 403)
                << cell.body << " as " << role_name(role) << ": " << response.body;
            if (!allowed && role != Role::CustomerMember) {
                // A customer that may edit is told which field is its seller's.
                EXPECT_EQ(response.json().at("errors").at(0).at("field"), cell.field)
                    << cell.body << " as " << role_name(role);
            }
            // A refusal changes nothing.
            const auto after = client().get(target, token);
            if (!allowed) {
                EXPECT_EQ(after.json().at("version"), org.version) << cell.body;
            }
        }
    }
    std::printf("authorization matrix: %zu editable-field cells x %zu roles: %d cells checked\n",
                kFieldCells.size(), std::size(core::kAllRoles), cells);
}

TEST_F(AuthorizationMatrix, ACustomerMaySendItsSellersFieldsUnchanged) {
    // The app sends the whole form: a seller's field sent as it is is not a change of it.
    const auto org = objects_->organization(platform::kDemoSellerOneId, OrgStatus::Active);
    const auto token = objects_->session(objects_->user(Role::CustomerAdmin, org));
    const auto response = client().send_json(
        "PATCH", "/api/v1/customers/" + org.id,
        {{"name", "Renamed with the rest"},
         {"segment", org.segment},
         {"billing", {{"country", org.billing.country}, {"address", "Other Street 3"}}}},
        token);
    EXPECT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.json().at("billing").at("address"), "Other Street 3");
}

// The ownership cells: who may switch the managed type, and that nobody raises their own role
// by it; the signed-in role follows the membership at once.
class OwnershipCells : public AuthorizationMatrix {
  protected:
    std::string member_id(const std::string& orgId, const char* role) {
        const auto staff = objects_->session(objects_->user(Role::SellerAdmin, {}));
        const auto members = client().get("/api/v1/customers/" + orgId + "/members", staff);
        EXPECT_EQ(members.status, 200) << members.body;
        const auto listed = members.json();  // kept: the loop reads into it
        for (const auto& m : listed.at("items")) {
            if (m.at("role").get<std::string>() == role)
                return m.at("id").get<std::string>();
        }
        return "";
    }
    std::string role_of(const std::string& token) {
        const auto me = client().get("/api/v1/auth/me", token);
        return me.status == 200 ? me.json().at("roles").at(0).get<std::string>()
                                : std::to_string(me.status);
    }
    HttpResponse ownership(const std::string& orgId, const nlohmann::json& body,
                           const std::string& token) {
        return client().send_json("PUT", "/api/v1/customers/" + orgId + "/ownership", body, token);
    }
};

TEST_F(OwnershipCells, TheOwnerWhoDemotesThemselvesIsAMemberAtOnceAndCanGrantNothing) {
    const auto org = objects_->organization(platform::kDemoSellerOneId, OrgStatus::Active);
    const auto owner = objects_->session(objects_->user(Role::CustomerOwner, org));
    ASSERT_EQ(role_of(owner), "CustomerOwner");
    ASSERT_EQ(
        ownership(org.id, {{"ownershipType", "ServiceProvider"}, {"demoteTo", "Member"}}, owner)
            .status,
        200);
    EXPECT_EQ(role_of(owner), "CustomerMember");
    // A Member places no orders and installs no owner.
    EXPECT_EQ(client()
                  .post_json("/api/v1/orders",
                             R"({"customerId": ")" + org.id +
                                 R"(", "lines": [{"sku": "ZOOM-PRO", "quantity": 1}]})",
                             owner)
                  .status,
              403);
    EXPECT_EQ(ownership(org.id,
                        {{"ownershipType", "Customer"},
                         {"newOwner", {{"name", "Mallory"}, {"email", "mallory@evil.test"}}}},
                        owner)
                  .status,
              403);
}

TEST_F(OwnershipCells, AnAdminMayNameAnotherOwnerButNeverThemselves) {
    const auto org = objects_->organization(platform::kDemoSellerOneId, OrgStatus::Active);
    const auto adminUser = objects_->user(Role::CustomerAdmin, org);
    const auto admin = objects_->session(adminUser);
    const auto member = objects_->session(objects_->user(Role::CustomerMember, org));
    const auto seller = objects_->session(objects_->user(Role::SellerAdmin, org));
    const auto adminMember = member_id(org.id, "Admin");
    const auto memberMember = member_id(org.id, "Member");
    ASSERT_FALSE(adminMember.empty());
    // The Admin may switch to Service Provider (seed 003: the owner or admins).
    ASSERT_EQ(
        ownership(org.id, {{"ownershipType", "ServiceProvider"}, {"demoteTo", "Admin"}}, admin)
            .status,
        200);
    // ...but not make themselves the Owner, as a member or as "a new person" with their email.
    const auto self = ownership(
        org.id, {{"ownershipType", "Customer"}, {"newOwner", {{"memberId", adminMember}}}}, admin);
    EXPECT_EQ(self.status, 403) << self.body;
    const auto sameEmail =
        ownership(org.id,
                  {{"ownershipType", "Customer"},
                   {"newOwner", {{"name", "Me Again"}, {"email", adminUser.username}}}},
                  admin);
    EXPECT_EQ(sameEmail.status, 403) << sameEmail.body;
    EXPECT_EQ(role_of(admin), "CustomerAdmin");
    // A Member may not switch at all.
    EXPECT_EQ(ownership(org.id,
                        {{"ownershipType", "Customer"}, {"newOwner", {{"memberId", memberMember}}}},
                        member)
                  .status,
              403);
    // The seller's staff may make the Admin the Owner: the Admin's session is the Owner's at once.
    ASSERT_EQ(ownership(org.id,
                        {{"ownershipType", "Customer"}, {"newOwner", {{"memberId", adminMember}}}},
                        seller)
                  .status,
              200);
    EXPECT_EQ(role_of(admin), "CustomerOwner");
}

TEST_F(OwnershipCells, AnAdminMayHandOverToAnotherMember) {
    const auto org = objects_->organization(platform::kDemoSellerOneId, OrgStatus::Active);
    const auto admin = objects_->session(objects_->user(Role::CustomerAdmin, org));
    ASSERT_EQ(
        ownership(org.id, {{"ownershipType", "ServiceProvider"}, {"demoteTo", "Member"}}, admin)
            .status,
        200);
    const auto handOver = ownership(
        org.id,
        {{"ownershipType", "Customer"}, {"newOwner", {{"memberId", member_id(org.id, "Member")}}}},
        admin);
    EXPECT_EQ(handOver.status, 200) << handOver.body;
    EXPECT_EQ(role_of(admin), "CustomerAdmin");  // unchanged
}

TEST_F(AuthorizationMatrix, NoExpiredOrRevokedTokenOpensAnyRoute) {
    // Every route with every role's session: none, then signed out, then left past its expiry.
    std::vector<std::pair<const Row*, std::pair<Role, HttpRequest>>> toExpire;
    for (const auto& row : kMatrix) {
        const int refused = row.isPublic ? row.success : 401;
        for (const auto role : core::kAllRoles) {
            // A public route's answer does not depend on the role: one role's sessions suffice
            // (and spare the password hashing of a sign-in per cell).
            if (row.isPublic && role != Role::DistributorAdmin)
                continue;
            check(row, role, "no token", without_token(prepare(row, role, false)), refused);

            auto revoked = prepare(row, role, false);
            HttpRequest logout{"POST", "/api/v1/auth/logout", {}, {revoked.headers.back()}};
            ASSERT_EQ(client().send(logout).status, 204);
            check(row, role, "revoked token", revoked, refused);

            toExpire.push_back({&row, {role, prepare(row, role, false)}});
        }
    }
    advance_clock(kSessionIdleTimeout + std::chrono::seconds(1));
    for (const auto& [row, cell] : toExpire)
        check(*row, cell.first, "expired token", cell.second, row->isPublic ? row->success : 401);
    std::printf(
        "authorization matrix: %zu routes x %zu roles x (no, revoked, expired token): "
        "%d token cells checked\n",
        kMatrix.size(), std::size(core::kAllRoles), cells_);
}

}  // namespace
}  // namespace orgdesk::server::testing
