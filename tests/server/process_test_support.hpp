#pragma once
// What the tests of the orgdesk-server binary share: signing a demo user in, and the body of a
// new customer organization.
#include <string>

#include <gtest/gtest.h>

#include "server/http_client.hpp"

namespace orgdesk::server::testing {

struct SignedIn {
    std::string token;
    std::string userId;
};

// Signs a demo user in with the demo password.
inline SignedIn sign_in_to(const HttpClient& client, const std::string& username) {
    const auto answer = client.post_json(
        "/api/v1/auth/login",
        nlohmann::json{{"username", username}, {"password", "orgdesk-demo"}}.dump());
    EXPECT_EQ(answer.status, 200) << answer.body;
    const auto body = answer.json();
    return {body.at("token").get<std::string>(), body.at("user").at("id").get<std::string>()};
}

// A valid POST /api/v1/customers body: a Customer-owned SMB organization billed in Sweden.
inline nlohmann::json new_customer_body(const std::string& name, const std::string& ownerEmail) {
    return {{"name", name},
            {"segment", "SMB"},
            {"ownershipType", "Customer"},
            {"owner", {{"name", "Kim Test"}, {"email", ownerEmail}}},
            {"billing",
             {{"company", name},
              {"address", "Sveavägen 1, Stockholm"},
              {"country", "SE"},
              {"taxId", "SE556000000001"}}}};
}

}  // namespace orgdesk::server::testing
