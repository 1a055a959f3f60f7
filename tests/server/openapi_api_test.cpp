// GET /api/v1/openapi.json documents every route of the route table.
#include <gtest/gtest.h>

#include <set>

#include "server/openapi.hpp"
#include "server/router.hpp"
#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> placeholders(const std::string& pattern) {
    std::vector<std::string> names;
    for (auto open = pattern.find('{'); open != std::string::npos;
         open = pattern.find('{', open + 1)) {
        names.push_back(pattern.substr(open + 1, pattern.find('}', open) - open - 1));
    }
    return names;
}

std::string name_of(const Route& route) {
    return std::string(http::to_string(route.method)) + " " + route.pattern;
}

void collect_refs(const nlohmann::json& json, std::set<std::string>& refs) {
    if (json.is_object()) {
        for (const auto& [key, value] : json.items()) {
            if (key == "$ref" && value.is_string())
                refs.insert(value.get<std::string>());
            else
                collect_refs(value, refs);
        }
    } else if (json.is_array()) {
        for (const auto& item : json)
            collect_refs(item, refs);
    }
}

class OpenApi : public ServerFixture {
  protected:
    nlohmann::json document() {
        const auto response = client().get(kOpenApiPath);
        EXPECT_EQ(response.status, 200) << response.body;
        return response.json();
    }
};

TEST_F(OpenApi, EveryRouteHasADescription) {
    for (const auto& route : server().router().routes()) {
        const auto* doc = find_route_doc(route.method, route.pattern);
        ASSERT_NE(doc, nullptr) << name_of(route)
                                << " has no entry in openapi.cpp's description table";
        EXPECT_FALSE(doc->summary.empty()) << name_of(route);
        EXPECT_FALSE(doc->description.empty()) << name_of(route);
        EXPECT_FALSE(doc->tag.empty()) << name_of(route);
        EXPECT_FALSE(doc->successDescription.empty()) << name_of(route);
    }
}

TEST_F(OpenApi, EveryDescriptionNamesARoute) {
    std::set<std::string> routes;
    for (const auto& route : server().router().routes())
        routes.insert(name_of(route));
    for (const auto& doc : route_docs()) {
        const auto name = std::string(http::to_string(doc.method)) + " " + std::string(doc.pattern);
        EXPECT_EQ(routes.count(name), 1u) << name << " is described but is no route";
    }
}

TEST_F(OpenApi, IsPublicValidJsonOfOpenApi30) {
    const auto response = client().get(kOpenApiPath);  // no token
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header("Content-Type"), "application/json");
    const auto json = response.json();
    ASSERT_TRUE(json.at("openapi").is_string());
    EXPECT_EQ(json.at("openapi").get<std::string>().rfind("3.0.", 0), 0u);
    EXPECT_TRUE(json.at("info").at("title").is_string());
    EXPECT_TRUE(json.at("info").at("version").is_string());
    EXPECT_TRUE(json.at("paths").is_object());
}

TEST_F(OpenApi, EveryRouteIsInThePathsWithParametersSecurityAndErrors) {
    const auto json = document();
    const auto& paths = json.at("paths");
    std::set<std::string> operationIds;
    for (const auto& route : server().router().routes()) {
        SCOPED_TRACE(name_of(route));
        ASSERT_TRUE(paths.contains(route.pattern));
        const auto method = lower(http::to_string(route.method));
        ASSERT_TRUE(paths.at(route.pattern).contains(method));
        const auto& operation = paths.at(route.pattern).at(method);

        EXPECT_FALSE(operation.at("summary").get<std::string>().empty());
        EXPECT_NE(operation.at("summary"), "Undocumented");
        EXPECT_TRUE(operationIds.insert(operation.at("operationId").get<std::string>()).second)
            << "operationId repeated";

        // Every "{name}" is a required path parameter.
        for (const auto& name : placeholders(route.pattern)) {
            const auto& parameters = operation.at("parameters");
            const auto it = std::find_if(parameters.begin(), parameters.end(), [&](const auto& p) {
                return p.at("name") == name && p.at("in") == "path";
            });
            ASSERT_NE(it, parameters.end()) << name;
            EXPECT_EQ(it->at("required"), true);
        }

        // Signed-in routes take the bearer token or Authtoken; public ones need nothing.
        const auto& security = operation.at("security");
        if (route.access == Access::SignedIn) {
            std::set<std::string> schemes;
            for (const auto& requirement : security)
                for (const auto& [scheme, scopes] : requirement.items())
                    schemes.insert(scheme);
            EXPECT_EQ(schemes, (std::set<std::string>{"bearerAuth", "authtoken"}));
            EXPECT_TRUE(operation.at("responses").contains("401"));
        } else {
            EXPECT_TRUE(security.empty());
        }

        // The documented errors, in the shape the route answers them.
        const auto* doc = find_route_doc(route.method, route.pattern);
        ASSERT_NE(doc, nullptr);
        auto statuses = doc->errorStatuses;
        if (route.access == Access::SignedIn)
            statuses.push_back(401);
        for (const int status : statuses) {
            const auto key = std::to_string(status);
            ASSERT_TRUE(operation.at("responses").contains(key)) << key;
            const auto& content = operation.at("responses").at(key).at("content");
            if (doc->style == ApiStyle::Webservice) {
                EXPECT_TRUE(content.contains("application/xml")) << key;
                EXPECT_TRUE(content.contains("application/json")) << key;
            } else if (doc->errorSchema.empty()) {
                ASSERT_TRUE(content.contains("application/problem+json")) << key;
                EXPECT_EQ(content.at("application/problem+json").at("schema").at("$ref"),
                          "#/components/schemas/Problem");
            }
        }
        EXPECT_TRUE(operation.at("responses").contains(std::to_string(doc->successStatus)));
    }
}

TEST_F(OpenApi, SecuritySchemesAreBearerAndTheAuthtokenHeader) {
    const auto schemes = document().at("components").at("securitySchemes");
    EXPECT_EQ(schemes.at("bearerAuth").at("type"), "http");
    EXPECT_EQ(schemes.at("bearerAuth").at("scheme"), "bearer");
    EXPECT_EQ(schemes.at("authtoken").at("type"), "apiKey");
    EXPECT_EQ(schemes.at("authtoken").at("in"), "header");
    EXPECT_EQ(schemes.at("authtoken").at("name"), "Authtoken");
}

TEST_F(OpenApi, HasTheWireContractSchemasAndEveryRefResolves) {
    const auto json = document();
    const auto& schemas = json.at("components").at("schemas");
    for (const char* name : {"Customer", "CustomerPage", "Problem", "LoginRequest", "LoginResponse",
                             "Member", "AuditEntry"}) {
        EXPECT_TRUE(schemas.contains(name)) << name;
    }
    for (const char* field :
         {"id", "name", "status", "segment", "ownershipType", "owner", "billing", "primaryContact",
          "customerReference", "externalContract", "purchasedNumbers", "buyerTags", "sellerId",
          "version", "actions", "createdAt", "updatedAt"}) {
        EXPECT_TRUE(schemas.at("Customer").at("properties").contains(field)) << field;
    }
    std::set<std::string> refs;
    collect_refs(json, refs);
    EXPECT_FALSE(refs.empty());
    for (const auto& ref : refs) {
        const std::string prefix = "#/components/schemas/";
        ASSERT_EQ(ref.rfind(prefix, 0), 0u) << ref;
        EXPECT_TRUE(schemas.contains(ref.substr(prefix.size()))) << ref;
    }
}

TEST_F(OpenApi, CustomerSchemaMatchesWhatTheServerSends) {
    const auto json = document();
    const auto& properties = json.at("components").at("schemas").at("Customer").at("properties");
    const auto page = client().get("/api/v1/customers?limit=1", sign_in(kSeller)).json();
    for (const auto& [field, value] : page.at("items").at(0).items())
        EXPECT_TRUE(properties.contains(field)) << field << " is sent but not described";
}

}  // namespace
}  // namespace orgdesk::server::testing
