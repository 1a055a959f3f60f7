// Bodies found by fuzzing (tests/fuzz) or written against the server's limits, over real HTTP:
// each is refused with a clear problem, and the server keeps serving.
#include <gtest/gtest.h>

#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

class HostileBodiesApi : public ServerFixture {};

// Half a megabyte of '[' inside an object: within the body limit, but writing it back out (for
// the Idempotency-Key's hash) recursed once per level and overflowed the thread's stack.
TEST_F(HostileBodiesApi, DeeplyNestedJsonIsRefusedAndTheServerKeepsServing) {
    const auto token = sign_in(kSeller);
    const std::size_t depth = 250'000;
    const std::string body =
        R"({"name": )" + std::string(depth, '[') + std::string(depth, ']') + "}";
    for (const char* target : {"/api/v1/customers", "/api/v1/orders"}) {
        const auto response = client().send({"POST",
                                             target,
                                             body,
                                             {{"Authorization", "Bearer " + token},
                                              {"Content-Type", "application/json"},
                                              {"Idempotency-Key", "deep-1"}}});
        EXPECT_EQ(response.status, 400) << target;
        EXPECT_EQ(response.json().at("code"), "json-too-deep") << response.body;
        EXPECT_NE(response.json().at("detail").get<std::string>().find("64 levels"),
                  std::string::npos);
    }
    EXPECT_EQ(client().get("/api/v1/customers?limit=1", token).status, 200);
}

}  // namespace
}  // namespace orgdesk::server::testing
