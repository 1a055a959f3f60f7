// The Commvault-style webservice of seed 002 over real HTTP: Login, the organization list, and
// activate / deactivate in XML and JSON, scoped to the caller's tenant.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/organization_lifecycle.hpp"
#include "core/provider_domain.hpp"
#include "platform/demo_data.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

constexpr const char* kLogin = "/webservice/Login";
constexpr const char* kOrganizations = "/webservice/Organization";
constexpr const char* kXml = "application/xml";
constexpr const char* kJson = "application/json";

// Seed 002's "Sample Response", as the article prints it (for provider 1 of "mycompany").
constexpr const char* kSeedSampleResponse =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<Api_ActivateOrganizationResponse> <processinginstructioninfo> <attributes name="exitval" value="0"/> </processinginstructioninfo> <response errorCode="0"> <entity GUID="" _type_="61" providerDomainName="mycompany" providerId="1"/> </response>
</Api_ActivateOrganizationResponse>)";

std::string base64(std::string_view text) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < text.size(); i += 3) {
        const auto n = static_cast<unsigned>(static_cast<unsigned char>(text[i])) << 16 |
                       static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])) << 8 |
                       static_cast<unsigned>(static_cast<unsigned char>(text[i + 2]));
        for (int shift = 18; shift >= 0; shift -= 6)
            out += kAlphabet[(n >> shift) & 0x3F];
    }
    if (i < text.size()) {
        unsigned n = static_cast<unsigned>(static_cast<unsigned char>(text[i])) << 16;
        if (i + 1 < text.size())
            n |= static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])) << 8;
        out += kAlphabet[(n >> 18) & 0x3F];
        out += kAlphabet[(n >> 12) & 0x3F];
        out += i + 1 < text.size() ? kAlphabet[(n >> 6) & 0x3F] : '=';
        out += '=';
    }
    return out;
}

std::string action_path(const std::string& organizationId, const std::string& action) {
    return "/webservice/organization/" + organizationId + "/action/" + action;
}

// Every value of `attribute="..."` in the XML text, in order.
std::vector<std::string> attribute_values(const std::string& xml, const std::string& attribute) {
    std::vector<std::string> values;
    const std::regex pattern(" " + attribute + "=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), pattern);
         it != std::sregex_iterator(); ++it) {
        values.push_back((*it)[1].str());
    }
    return values;
}

class WebserviceApi : public ServerFixture {
  protected:
    HttpResponse login(const std::string& username, const std::string& password,
                       const std::string& accept = {}) {
        HttpRequest request{"POST",
                            kLogin,
                            nlohmann::json{{"username", username}, {"password", password}}.dump(),
                            {{"Content-Type", kJson}}};
        if (!accept.empty())
            request.headers.emplace_back("Accept", accept);
        return client().send(request);
    }

    // The "QSDK <token>" of a demo user, signed in through the webservice.
    std::string webservice_token(const std::string& username) {
        const auto response = login(username, base64(platform::kDemoPassword));
        if (response.status != 200) {
            ADD_FAILURE() << "webservice login of " << username << ": " << response.body;
            return {};
        }
        return response.json().at("token").get<std::string>();
    }

    HttpResponse post_action(const std::string& organizationId, const std::string& action,
                             const std::string& authtoken, const std::string& accept,
                             const std::string& body = {}) {
        HttpRequest request{"POST", action_path(organizationId, action), body, {}};
        if (!accept.empty())
            request.headers.emplace_back("Accept", accept);
        if (!authtoken.empty())
            request.headers.emplace_back("Authtoken", authtoken);
        request.headers.emplace_back("Content-type", kXml);
        return client().send(request);
    }

    HttpResponse get_organizations(const std::string& authtoken, const std::string& accept) {
        HttpRequest request{"GET", kOrganizations, {}, {{"Authtoken", authtoken}}};
        if (!accept.empty())
            request.headers.emplace_back("Accept", accept);
        return client().send(request);
    }

    // Demo organization 1 (seller one's first customer, Active in the demo data) put back to
    // New, as seed 002's sample assumes an organization 1 that can be activated.
    core::Organization provider_one_as_new() {
        auto org = store().find_organization_by_provider_id(1);
        if (!org) {
            ADD_FAILURE() << "the demo data has no provider id 1";
            return {};
        }
        if (org->status != core::OrgStatus::New) {
            platform::StatusChange change;
            change.orgId = org->id;
            change.from = org->status;
            change.to = core::OrgStatus::New;
            change.atMs = now_ms();
            change.audit.atMs = now_ms();
            change.audit.actorId = "system";
            change.audit.action = "test-reset";
            change.audit.entityType = "organization";
            change.audit.entityId = org->id;
            EXPECT_TRUE(store().change_status(change));
        }
        return *store().find_organization_by_provider_id(1);
    }

    std::string status_of(const std::string& customerId) {
        return store().find_organization(customerId).has_value()
                   ? std::string(core::to_string(store().find_organization(customerId)->status))
                   : "";
    }

    // The seed's sample answer for `org`: its domain name and provider id in place of the
    // sample's.
    static std::string seed_sample_for(const core::Organization& org) {
        std::string expected = kSeedSampleResponse;
        const auto replace = [&](const std::string& from, const std::string& to) {
            const auto at = expected.find(from);
            ASSERT_NE(at, std::string::npos) << from;
            expected.replace(at, from.size(), to);
        };
        replace(R"(providerDomainName="mycompany")",
                "providerDomainName=\"" + core::provider_domain_name(org.name) + "\"");
        replace(R"(providerId="1")", "providerId=\"" + std::to_string(org.providerId) + "\"");
        return expected;
    }
};

// ---- Login ---------------------------------------------------------------------------------

TEST_F(WebserviceApi, LoginAnswersCommvaultsShapeWithAQsdkToken) {
    const auto response = login(kSeller, base64(platform::kDemoPassword));
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header("Content-Type"), kJson);
    const auto body = response.json();
    EXPECT_EQ(body.at("token").get<std::string>().rfind("QSDK ", 0), 0u) << body;
    EXPECT_GT(body.at("token").get<std::string>().size(), 40u);
    EXPECT_EQ(body.at("userName"), kSeller);
    EXPECT_EQ(body.at("userGUID"), "u0000000-0000-4000-8000-000000000002");
    EXPECT_EQ(body.at("aliasName"), "Sam Seller");
    EXPECT_EQ(body.at("loginAttempts"), 0);
    EXPECT_EQ(body.at("remainingLockTime"), 0);
    EXPECT_EQ(body.at("smtpAddress"), kSeller);
}

TEST_F(WebserviceApi, LoginTokenWorksInAuthtokenOnWebserviceAndApiRoutes) {
    const auto token = webservice_token(kSeller);
    const auto me = client().send({"GET", "/api/v1/auth/me", {}, {{"Authtoken", token}}});
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json().at("username"), kSeller);
    EXPECT_EQ(client().send({"GET", "/api/v1/customers", {}, {{"Authtoken", token}}}).status, 200);
    EXPECT_EQ(get_organizations(token, kJson).status, 200);
    // Without the prefix, and as a bearer token, it is the same session.
    const auto bare = token.substr(5);
    EXPECT_EQ(get_organizations(bare, kJson).status, 200);
    EXPECT_EQ(client().get("/api/v1/auth/me", bare).status, 200);
}

TEST_F(WebserviceApi, ApiLoginTokenWorksOnWebserviceRoutes) {
    EXPECT_EQ(get_organizations("QSDK " + sign_in(kSeller), kJson).status, 200);
}

TEST_F(WebserviceApi, LoginTakesUnpaddedBase64) {
    auto password = base64(platform::kDemoPassword);  // "orgdesk-demo": 12 bytes, no padding
    EXPECT_EQ(login(kSeller, password).status, 200);
    const auto padded = base64("orgdesk-dem");
    ASSERT_EQ(padded.back(), '=');
    EXPECT_EQ(login(kSeller, padded.substr(0, padded.find('='))).status, 401);  // decodes fine
}

TEST_F(WebserviceApi, WrongPasswordIs401WithCommvaultsErrList) {
    const auto response = login(kSeller, base64("not-the-password"));
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.json(), nlohmann::json::parse(R"({"errList":[{"errLogMessage":
                  "The username or password is not correct.","errorCode":5}]})"));
    // An unknown user gets the same answer.
    EXPECT_EQ(login("nobody@demo.test", base64("x")).body, response.body);
}

TEST_F(WebserviceApi, PasswordNotInBase64Is400) {
    const auto response = login(kSeller, platform::kDemoPassword.data());  // "-" is not base64
    EXPECT_EQ(response.status, 400);
    const auto error = response.json().at("errList").at(0);
    EXPECT_EQ(error.at("errorCode"), 400);
    EXPECT_NE(error.at("errLogMessage").get<std::string>().find("base64"), std::string::npos);
}

TEST_F(WebserviceApi, MalformedLoginBodiesAre400Or415InTheErrListShape) {
    const auto missing =
        client().send({"POST", kLogin, R"({"username":"a"})", {{"Content-Type", kJson}}});
    EXPECT_EQ(missing.status, 400);
    EXPECT_TRUE(missing.json().at("errList").at(0).contains("errLogMessage"));
    EXPECT_EQ(client().send({"POST", kLogin, "{", {{"Content-Type", kJson}}}).status, 400);
    const auto xml = client().send({"POST", kLogin, "<x/>", {{"Content-Type", kXml}}});
    EXPECT_EQ(xml.status, 415);
    EXPECT_EQ(xml.json().at("errList").at(0).at("errorCode"), 415);
}

TEST_F(WebserviceApi, LoginAnswersXmlWhenAskedFor) {
    const auto ok = login(kSeller, base64(platform::kDemoPassword), kXml);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(ok.header("Content-Type"), kXml);
    EXPECT_EQ(ok.body.find("<DM2ContentIndexing_CheckCredentialResp "), ok.body.find('\n') + 1);
    const auto tokens = attribute_values(ok.body, "token");
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(get_organizations(tokens[0], kJson).status, 200);

    const auto wrong = login(kSeller, base64("nope"), kXml);
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.body.find(R"(<errList errLogMessage="The username or password is not )"
                              R"(correct." errorCode="5"/>)"),
              std::string::npos)
        << wrong.body;
}

// ---- GET Organization ----------------------------------------------------------------------

TEST_F(WebserviceApi, OrganizationListInJsonIsTheCallersWholeScope) {
    const auto customers = list_all_customers(sign_in(kSeller));
    const auto response = get_organizations(webservice_token(kSeller), kJson);
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header("Content-Type"), kJson);
    const auto providers = response.json().at("providers");
    ASSERT_EQ(providers.size(), customers.size());
    std::map<std::string, nlohmann::json> byId;
    for (const auto& provider : providers)
        byId[provider.at("providerGUID").get<std::string>()] = provider;
    for (const auto& customer : customers) {
        const auto it = byId.find(customer.at("id").get<std::string>());
        ASSERT_NE(it, byId.end()) << customer.at("id");
        const auto& provider = it->second;
        EXPECT_EQ(provider.at("connectName"), customer.at("name"));
        EXPECT_EQ(provider.at("status"), customer.at("status"));
        EXPECT_EQ(provider.at("shortName").at("id"), customer.at("providerId"));
        EXPECT_EQ(provider.at("shortName").at("domainName"),
                  core::provider_domain_name(customer.at("name").get<std::string>()));
    }
}

TEST_F(WebserviceApi, OrganizationListIsXmlByDefaultAndScopedPerSeller) {
    const auto sellerOne = get_organizations(webservice_token(kSeller), {});
    ASSERT_EQ(sellerOne.status, 200) << sellerOne.body;
    EXPECT_EQ(sellerOne.header("Content-Type"), kXml);
    EXPECT_EQ(sellerOne.body.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n"
                                   "<Api_GetOrganizationsResponse> <providers ",
                                   0),
              0u)
        << sellerOne.body.substr(0, 200);
    const auto sellerOneIds = attribute_values(sellerOne.body, "providerGUID");
    EXPECT_EQ(sellerOneIds.size(), list_all_customers(sign_in(kSeller)).size());
    EXPECT_EQ(attribute_values(sellerOne.body, "domainName").size(), sellerOneIds.size());
    // Names with & and quotes come out escaped, never as raw markup.
    EXPECT_NE(sellerOne.body.find(R"(connectName="Adler &amp; Söhne KG")"), std::string::npos);

    const auto sellerTwo = get_organizations(webservice_token(kSellerTwo), "*/*");
    ASSERT_EQ(sellerTwo.status, 200);
    const auto sellerTwoIds = attribute_values(sellerTwo.body, "providerGUID");
    EXPECT_FALSE(sellerTwoIds.empty());
    const std::set<std::string> mine(sellerOneIds.begin(), sellerOneIds.end());
    for (const auto& id : sellerTwoIds)
        EXPECT_EQ(mine.count(id), 0u) << "seller two sees seller one's " << id;
    EXPECT_EQ(sellerTwo.body.find(std::string(platform::kDemoOwnerCustomerId)), std::string::npos);
}

TEST_F(WebserviceApi, OrganizationListWithoutATokenIs401AsAGenericResponse) {
    const auto xml = client().send({"GET", kOrganizations, {}, {}});
    EXPECT_EQ(xml.status, 401);
    EXPECT_EQ(xml.header("Content-Type"), kXml);
    EXPECT_NE(
        xml.body.find(R"(<App_GenericResp errorCode="401" errorMessage="Sign in to continue."/>)"),
        std::string::npos)
        << xml.body;
    const auto json = client().send({"GET", kOrganizations, {}, {{"Accept", kJson}}});
    EXPECT_EQ(json.status, 401);
    EXPECT_EQ(json.json(),
              (nlohmann::json{{"errorCode", 401}, {"errorMessage", "Sign in to continue."}}));
}

// ---- activate / deactivate -----------------------------------------------------------------

TEST_F(WebserviceApi, SeedSampleRequestAsWrittenGetsTheSeedSampleAnswer) {
    const auto org = provider_one_as_new();
    ASSERT_EQ(org.providerId, 1);
    const auto token = webservice_token(kSeller);
    // Seed 002's "Sample Request", byte for byte but for the token.
    const auto response = client().send_raw(
        "POST /webservice/organization/1/action/activate HTTP/1.1\r\n"
        "Host: client.mydomain.com\r\n"
        "Accept: application/xml\r\n"
        "Authtoken: " +
        token +
        "\r\n"
        "Content-type: application/xml\r\n"
        "\r\n");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header("Content-Type"), kXml);
    EXPECT_EQ(response.body, seed_sample_for(org));
    EXPECT_EQ(status_of(org.id), "Active");
    EXPECT_EQ(store().audit_trail(org.id).back().action, "approve");
}

TEST_F(WebserviceApi, ActivateAnswersJsonWhenAskedFor) {
    const auto org = provider_one_as_new();
    const auto response = post_action("1", "activate", webservice_token(kManager), kJson);
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header("Content-Type"), kJson);
    EXPECT_EQ(response.json(), nlohmann::json::parse(R"({
        "processinginstructioninfo": {"attributes": [{"name": "exitval", "value": "0"}]},
        "response": {"errorCode": 0, "entity": {"GUID": "", "_type_": 61,
                     "providerDomainName": "northwindtraders", "providerId": 1}}})"));
    EXPECT_EQ(status_of(org.id), "Active");
}

TEST_F(WebserviceApi, ActivatingTwiceIsRefusedWithTheSeedMessage) {
    provider_one_as_new();
    const auto token = webservice_token(kSeller);
    ASSERT_EQ(post_action("1", "activate", token, kXml).status, 200);

    const auto xml = post_action("1", "activate", token, kXml);
    EXPECT_EQ(xml.status, 409);
    EXPECT_EQ(xml.body,
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n"
              "<Api_ActivateOrganizationResponse> <processinginstructioninfo> <attributes "
              "name=\"exitval\" value=\"409\"/> </processinginstructioninfo> <response "
              "errorCode=\"409\" errorMessage=\"" +
                  std::string(core::kCannotActivateMessage) +
                  "\"/> <error errorCode=\"409\" errorMessage=\"" +
                  std::string(core::kCannotActivateMessage) +
                  "\"/>\n</Api_ActivateOrganizationResponse>");

    const auto json = post_action("1", "activate", token, kJson);
    EXPECT_EQ(json.status, 409);
    EXPECT_EQ(json.json().at("response"),
              (nlohmann::json{{"errorCode", 409}, {"errorMessage", core::kCannotActivateMessage}}));
    // Commvault's pair: the response's code and the error element, with the seed's message.
    EXPECT_EQ(json.json().at("error"),
              (nlohmann::json{{"errorCode", 409}, {"errorMessage", core::kCannotActivateMessage}}));
}

TEST_F(WebserviceApi, ActivateTakesTheUuidToo) {
    const auto token = sign_in(kSeller);
    const auto id = customer_in_status(token, "New");
    const auto response = post_action(id, "activate", "QSDK " + token, kJson);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto org = store().find_organization(id);
    EXPECT_EQ(response.json().at("response").at("entity").at("providerId"), org->providerId);
    EXPECT_EQ(org->status, core::OrgStatus::Active);
}

TEST_F(WebserviceApi, DeactivateSuspendsAnActiveOrganization) {
    const auto apiToken = sign_in(kSeller);
    const auto id = customer_in_status(apiToken, "Active");
    const auto org = *store().find_organization(id);
    const auto token = webservice_token(kSeller);

    // Commvault's deactivate template as the body, sent as XML.
    const auto xml = post_action(std::to_string(org.providerId), "deactivate", token, {},
                                 R"(<Api_DeactivateOrganizationReq><deactivateOptions )"
                                 R"(disableBackup="1" disableLogin="1" disableRestore="1"/>)"
                                 R"(</Api_DeactivateOrganizationReq>)");
    ASSERT_EQ(xml.status, 200) << xml.body;
    EXPECT_EQ(xml.body,
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n"
              "<Api_DeactivateOrganizationResponse> <processinginstructioninfo> <attributes "
              "name=\"exitval\" value=\"0\"/> </processinginstructioninfo> <response "
              "errorCode=\"0\"> <entity GUID=\"\" _type_=\"61\" providerDomainName=\"" +
                  core::provider_domain_name(org.name) + "\" providerId=\"" +
                  std::to_string(org.providerId) +
                  "\"/> </response>\n</Api_DeactivateOrganizationResponse>");
    EXPECT_EQ(status_of(id), "Blocked");
    EXPECT_EQ(store().audit_trail(id).back().action, "suspend");

    // Blocked now: deactivating again is refused with the core's message.
    const auto again = post_action(std::to_string(org.providerId), "deactivate", token, kJson);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json().at("response").at("errorCode"), 409);
    EXPECT_FALSE(again.json().at("response").at("errorMessage").get<std::string>().empty());
}

TEST_F(WebserviceApi, AnotherTenantsOrganizationAnswersAsAMissingOne) {
    const auto org = provider_one_as_new();  // seller one's
    const auto token = webservice_token(kSellerTwo);
    for (const char* accept : {kXml, kJson}) {
        const auto theirs = post_action("1", "activate", token, accept);
        const auto missing = post_action("999999", "activate", token, accept);
        const auto noUuid =
            post_action("c0ffee00-0000-4000-8000-000000000000", "activate", token, accept);
        EXPECT_EQ(theirs.status, 404);
        EXPECT_EQ(theirs.body, missing.body);
        EXPECT_EQ(theirs.body, noUuid.body);
        EXPECT_EQ(post_action(org.id, "activate", token, accept).body, missing.body);
    }
    const auto json = post_action("1", "deactivate", token, kJson).json().at("response");
    EXPECT_EQ(json.at("errorCode"), 404);
    EXPECT_EQ(json.at("errorMessage"),
              "This customer organization does not exist or is not yours to see.");
    EXPECT_EQ(status_of(org.id), "New");
}

TEST_F(WebserviceApi, ACustomerUserMayNotActivate) {
    provider_one_as_new();  // the owner's own organization
    const auto response = post_action("1", "activate", webservice_token(kOwner), kJson);
    EXPECT_EQ(response.status, 403);
    EXPECT_EQ(response.json().at("response").at("errorCode"), 403);
}

TEST_F(WebserviceApi, MissingOrInvalidTokenIs401InTheActionsShape) {
    provider_one_as_new();
    const auto none = post_action("1", "activate", {}, kXml);
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(none.header("Content-Type"), kXml);
    EXPECT_NE(none.body.find(R"(<response errorCode="401" errorMessage="Sign in to continue."/>)"),
              std::string::npos)
        << none.body;
    EXPECT_NE(none.body.find("<Api_ActivateOrganizationResponse>"), std::string::npos);

    const auto invalid = post_action("1", "deactivate", "QSDK not-a-real-token", kJson);
    EXPECT_EQ(invalid.status, 401);
    EXPECT_EQ(invalid.json().at("response").at("errorCode"), 401);
    EXPECT_EQ(invalid.json().at("processinginstructioninfo").at("attributes").at(0).at("value"),
              "401");

    // A signed-out token is refused the same way.
    const auto token = webservice_token(kSeller);
    ASSERT_EQ(client().send({"POST", "/api/v1/auth/logout", {}, {{"Authtoken", token}}}).status,
              204);
    EXPECT_EQ(post_action("1", "activate", token, kXml).status, 401);
    EXPECT_EQ(status_of(store().find_organization_by_provider_id(1)->id), "New");
}

TEST_F(WebserviceApi, ActionsAnswerXmlForWildcardOrMissingAccept) {
    provider_one_as_new();
    const auto token = webservice_token(kSeller);
    const auto wildcard = post_action("1", "activate", token, "*/*");
    EXPECT_EQ(wildcard.header("Content-Type"), kXml);
    const auto none = post_action("1", "activate", token, {});
    EXPECT_EQ(none.header("Content-Type"), kXml);
    EXPECT_EQ(none.status, 409);  // the first one activated it
}

// ---- Commvault's own clients (issue 26): three roots, any case, the session calls -----------

// Each test runs under each root a Commvault client may address, written as such a client
// writes it (its own case).
class CommvaultClients : public WebserviceApi, public ::testing::WithParamInterface<std::string> {
  protected:
    // `path` under this test's root ("Login", "Organization/1/action/activate").
    HttpResponse call(const std::string& method, const std::string& path,
                      const std::string& authtoken = {}, const std::string& body = {}) {
        // A Commvault script's headers, as its documentation writes them.
        HttpRequest request{
            method, GetParam() + path, body, {{"Accept", kJson}, {"Content-type", kJson}}};
        if (!authtoken.empty())
            request.headers.emplace_back("Authtoken", authtoken);
        return client().send(request);
    }
    std::string sign_in_here(const std::string& username) {
        const auto answer =
            call("POST", "Login", {},
                 nlohmann::json{{"username", username},
                                {"password", base64(platform::kDemoPassword)},
                                {"mode", 4},
                                {"deviceId", "b6a4c2f0-script"},
                                {"clientType", 30},
                                {"somethingNew", true}}  // an unknown member is ignored
                     .dump());
        EXPECT_EQ(answer.status, 200) << answer.body;
        return answer.status == 200 ? answer.json().at("token").get<std::string>() : "";
    }
    int me_status(const std::string& token) {
        return client().send({"GET", "/api/v1/auth/me", {}, {{"Authtoken", token}}}).status;
    }
};

INSTANTIATE_TEST_SUITE_P(Roots, CommvaultClients,
                         ::testing::Values("/webservice/", "/webconsole/api/",
                                           "/SearchSvc/CVWebService.svc/", "/WebConsole/API/"));

TEST_P(CommvaultClients, TheRootAnswersBeforeASignIn) {
    const auto up = call("GET", "");
    EXPECT_EQ(up.status, 200) << up.body;
    EXPECT_EQ(up.header("Content-Type"), kJson);
    EXPECT_EQ(up.json().at("service").at("status"), "up");
    // The root without its slash too.
    const auto bare = client().get(GetParam().substr(0, GetParam().size() - 1));
    EXPECT_EQ(bare.status, 200) << bare.body;
}

TEST_P(CommvaultClients, AMixedCaseActivateWorks) {
    const auto org = provider_one_as_new();
    const auto token = sign_in_here(kSeller);
    const auto activated = call("POST", "Organization/1/action/Activate", token, "{}");
    EXPECT_EQ(activated.status, 200) << activated.body;
    EXPECT_EQ(activated.json().at("response").at("errorCode"), 0);
    EXPECT_EQ(status_of(org.id), "Active");
    // Commvault's message for an organization that cannot be activated now, in its pair.
    const auto again = call("POST", "ORGANIZATION/1/ACTION/ACTIVATE", token, "{}");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json().at("response").at("errorCode"), 409);
}

TEST_P(CommvaultClients, LoginWhoAmIRenewAndLogoutFollowOneSession) {
    const auto first = sign_in_here(kSeller);
    ASSERT_EQ(first.rfind("QSDK ", 0), 0u) << first;
    const auto seller = store().find_user_by_username(kSeller)->principal;
    for (const char* method : {"GET", "POST"}) {
        const auto me = call(method, "WhoAmI", first);
        ASSERT_EQ(me.status, 200) << method << " " << me.body;
        EXPECT_EQ(me.header("Content-Type"), kJson);
        const auto user = me.json().at("user");
        EXPECT_EQ(user.at("userName"), kSeller);
        EXPECT_EQ(user.at("userGUID"), seller.userId);
        EXPECT_TRUE(user.at("userId").is_number_integer()) << user;
    }
    const auto xml =
        client().send({"GET", GetParam() + "whoami", {}, {{"Authtoken", first}, {"Accept", kXml}}});
    EXPECT_EQ(xml.header("Content-Type"), kXml);
    EXPECT_EQ(attribute_values(xml.body, "userName"), std::vector<std::string>{kSeller});

    const auto renewed = call("POST", "RenewLoginToken", first,
                              nlohmann::json{{"sessionId", first}, {"deviceId", "d"}}.dump());
    ASSERT_EQ(renewed.status, 200) << renewed.body;
    const auto second = renewed.json().at("token").get<std::string>();
    ASSERT_EQ(second.rfind("QSDK ", 0), 0u);
    EXPECT_NE(second, first);
    EXPECT_EQ(call("GET", "WhoAmI", first).status, 401);  // the old one ended at once
    EXPECT_EQ(me_status(first), 401);
    EXPECT_EQ(call("GET", "WhoAmI", second).status, 200);
    // An ended session is not renewed: Commvault's error shape, no token.
    const auto refused =
        call("POST", "RenewLoginToken", {}, nlohmann::json{{"sessionId", first}}.dump());
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.json().at("errorCode"), 401);
    EXPECT_FALSE(refused.json().contains("token"));

    const auto out = call("POST", "Logout", second);
    EXPECT_EQ(out.status, 200);
    EXPECT_EQ(out.body, "User logged out");
    EXPECT_EQ(call("GET", "WhoAmI", second).status, 401);
    EXPECT_EQ(me_status(second), 401);  // on /api/v1 too
}

TEST_P(CommvaultClients, TwoFactorAuthIsOffAndAnotherTenantsOrganizationIsMissing) {
    const auto owner = sign_in_here(kOwner);  // the Owner of provider 1
    const auto own = call("GET", "Organization/1/TwoFactorAuth", owner);
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_EQ(own.json().at("twoFactorAuthenticationInfo").at("mode"), 0);
    const auto theirs = call("GET", "organization/2/twofactorauth", owner);
    EXPECT_EQ(theirs.status, 404) << theirs.body;
    EXPECT_EQ(theirs.json().at("errorCode"), 404);
    const auto missing = call("GET", "Organization/999999/TwoFactorAuth", owner);
    EXPECT_EQ(theirs.body, missing.body);
    // Nor may the Owner activate one.
    const auto other = store().find_organization_by_provider_id(2);
    ASSERT_TRUE(other);
    EXPECT_EQ(call("POST", "Organization/2/action/activate", owner, "{}").status, 404);
    EXPECT_EQ(status_of(other->id), std::string(core::to_string(other->status)));
}

TEST_P(CommvaultClients, CommServSaysWhoThisDeploymentIs) {
    const auto token = sign_in_here(kSeller);
    HttpRequest request{"GET",
                        GetParam() + "CommServ",
                        {},
                        {{"Authtoken", token}, {"Host", "commserve.example.com:81"}}};
    const auto answer = client().send(request);
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto json = answer.json();
    EXPECT_EQ(json.at("commcell").at("commCellName"), "commserve.example.com");
    EXPECT_EQ(json.at("commcell").at("csGUID"), store().commcell_guid());
    EXPECT_TRUE(json.at("commcell").at("commCellId").is_number_integer());
    EXPECT_EQ(json.at("hostName"), "commserve.example.com");
    EXPECT_TRUE(json.at("csTimeZone").at("TimeZoneName").is_string());
    EXPECT_EQ(json.at("timeZone"), "UTC");
    EXPECT_TRUE(json.at("currentSPVersion").is_number_integer());
    EXPECT_EQ(json.at("csVersionInfo").get<std::string>().rfind("Orgdesk ", 0), 0u);
    EXPECT_EQ(call("GET", "CommServ").status, 401);  // no token
}

TEST_P(CommvaultClients, OneOrganizationAnswersEveryMemberWithItsType) {
    const auto token = sign_in_here(kSeller);
    const auto org = *store().find_organization_by_provider_id(1);
    const auto answer = call("GET", "Organization/1", token);
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto info = answer.json().at("organizationInfo");
    const auto& organization = info.at("organization");
    EXPECT_EQ(organization.at("connectName"), org.name);
    EXPECT_TRUE(organization.at("description").is_string());
    EXPECT_EQ(organization.at("shortName").at("id"), 1);
    EXPECT_EQ(organization.at("shortName").at("domainName"), core::provider_domain_name(org.name));
    ASSERT_TRUE(organization.at("emailDomainNames").is_array());
    for (const auto& domain : organization.at("emailDomainNames"))
        EXPECT_TRUE(domain.is_string());
    const auto& properties = info.at("organizationProperties");
    EXPECT_TRUE(properties.at("enableAuthCodeGen").is_boolean());
    EXPECT_TRUE(properties.at("authCode").is_string());
    EXPECT_TRUE(properties.at("totalMachineCount").is_number_integer());
    EXPECT_TRUE(properties.at("serverCount").is_number_integer());
    EXPECT_EQ(properties.at("userCount"), org.userCount);
    EXPECT_TRUE(properties.at("defaultPlans").is_array());
    EXPECT_TRUE(properties.at("operatorRole").at("roleName").is_string());
    ASSERT_EQ(properties.at("primaryContacts").size(), 1u) << properties;
    const auto& contact = properties.at("primaryContacts").at(0);
    EXPECT_EQ(contact.at("fullName"), org.owner->name);
    EXPECT_EQ(contact.at("user").at("userName"), org.owner->email);
    EXPECT_TRUE(contact.at("user").at("userId").is_number_integer());
    ASSERT_TRUE(info.at("planDetails").is_array());
    EXPECT_EQ(info.at("planDetails").size(), store().list_subscriptions(org.id).size());
    for (const auto& plan : info.at("planDetails")) {
        EXPECT_TRUE(plan.at("plan").at("planName").is_string());
        EXPECT_TRUE(plan.at("plan").at("planId").is_number_integer());
        EXPECT_TRUE(plan.at("quantity").is_number_integer());
    }
    // Another seller's organization is as missing as one that does not exist.
    const auto theirs = call("GET", "Organization/1", sign_in_here(kSellerTwo));
    EXPECT_EQ(theirs.status, 404);
    EXPECT_EQ(theirs.body, call("GET", "Organization/999999", token).body);
}

TEST_P(CommvaultClients, AnUnknownPathIs404InTheWebservicesShape) {
    const auto token = sign_in_here(kSeller);
    for (const char* method : {"GET", "POST"}) {
        const auto unknown = call(method, "NoSuchThing/7", token, "{}");
        EXPECT_EQ(unknown.status, 404) << method << " " << unknown.body;
        EXPECT_EQ(unknown.header("Content-Type"), kJson);
        EXPECT_EQ(unknown.json().at("errorCode"), 404);
        EXPECT_FALSE(unknown.json().at("errorMessage").get<std::string>().empty());
    }
    const auto wrongMethod = call("DELETE", "WhoAmI", token);
    EXPECT_EQ(wrongMethod.status, 405);
    EXPECT_EQ(wrongMethod.header("Allow"), "GET, POST");
    EXPECT_EQ(wrongMethod.json().at("errorCode"), 405);
}

// A session as a Commvault script sends it, from the documented request shapes: the root, Login,
// WhoAmI, the organizations, one organization's two-factor setting, activate, Logout. Host,
// Accept, Content-type and Authtoken as written in Commvault's examples; unchanged on each root.
TEST_P(CommvaultClients, AScriptWrittenForCommvaultRunsUnchanged) {
    provider_one_as_new();
    const auto send = [&](const std::string& method, const std::string& path,
                          const std::string& token, const std::string& body) {
        HttpRequest request{method,
                            GetParam() + path,
                            body,
                            {{"Host", "commserve.example.com"},
                             {"Accept", "application/json"},
                             {"Content-type", "application/json"}}};
        if (!token.empty())
            request.headers.emplace_back("Authtoken", token);
        return client().send(request);
    };
    ASSERT_EQ(send("GET", "", {}, {}).status, 200);
    const auto login = send("POST", "Login", {},
                            R"({"username": "seller@demo.test", "password": ")" +
                                base64(platform::kDemoPassword) + R"(", "mode": 4})");
    ASSERT_EQ(login.status, 200) << login.body;
    const auto token = login.json().at("token").get<std::string>();
    EXPECT_EQ(login.json().at("userName"), kSeller);
    EXPECT_TRUE(login.json().at("userGUID").is_string());
    EXPECT_TRUE(login.json().at("aliasName").is_string());
    EXPECT_EQ(send("GET", "WhoAmI", token, {}).status, 200);
    const auto list = send("GET", "Organization", token, {});
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_FALSE(list.json().at("providers").empty());
    EXPECT_EQ(send("GET", "Organization/1/TwoFactorAuth", token, {}).status, 200);
    const auto activate = send("POST", "Organization/1/action/activate", token, {});
    EXPECT_EQ(activate.status, 200) << activate.body;
    EXPECT_EQ(activate.json().at("response").at("errorCode"), 0);
    EXPECT_EQ(send("POST", "Logout", token, {}).status, 200);
    EXPECT_EQ(send("GET", "WhoAmI", token, {}).status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing
