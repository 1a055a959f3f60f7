#include "server/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace orgdesk::server {
namespace {

StringResponse answer(http::status status) {
    return StringResponse{status, 11};
}

std::vector<std::string> segments(std::string_view path) {
    return *decode_path_segments(path);
}

class RouterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        router.add({http::verb::get,
                    "/api/v1/customers/{customerId}",
                    Access::SignedIn,
                    {},
                    [](const RequestContext&) { return answer(http::status::ok); }});
        router.add({http::verb::delete_, "/api/v1/customers/{customerId}", Access::SignedIn,
                    core::OrgAction::Delete,
                    [](const RequestContext&) { return answer(http::status::no_content); }});
        router.add({http::verb::put, "/api/v1/customers/{customerId}/approve", Access::SignedIn,
                    core::OrgAction::Approve,
                    [](const RequestContext&) { return answer(http::status::accepted); }});
    }
    Router router;
};

TEST_F(RouterTest, FindsTheRouteAndCapturesItsParameters) {
    auto lookup = router.find(http::verb::put, segments("/api/v1/customers/c%2D1/approve"));
    const auto* found = std::get_if<RouteFound>(&lookup);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->route->pattern, "/api/v1/customers/{customerId}/approve");
    EXPECT_EQ(found->params.at("customerId"), "c-1");
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
    auto lookup = router.find(http::verb::post, segments("/api/v1/customers/c1"));
    const auto* wrong = std::get_if<RouteWrongMethod>(&lookup);
    ASSERT_NE(wrong, nullptr);
    EXPECT_EQ(wrong->allow, "DELETE, GET");
}

TEST_F(RouterTest, UnknownPathsAndEmptyPlaceholdersAreMissing) {
    EXPECT_TRUE(std::holds_alternative<RouteMissing>(
        router.find(http::verb::get, segments("/api/v1/customers/c1/members"))));
    EXPECT_TRUE(std::holds_alternative<RouteMissing>(
        router.find(http::verb::get, segments("/api/v1/customers/"))));
    EXPECT_TRUE(std::holds_alternative<RouteMissing>(
        router.find(http::verb::put, segments("/api/v1/customers//approve"))));
}

TEST_F(RouterTest, TheSameRouteCannotBeAddedTwice) {
    EXPECT_THROW(router.add({http::verb::get,
                             "/api/v1/customers/{id}",
                             Access::SignedIn,
                             {},
                             [](const RequestContext&) { return answer(http::status::ok); }}),
                 std::invalid_argument);
    EXPECT_THROW(router.add({http::verb::get, "relative", Access::Public, {}, {}}),
                 std::invalid_argument);
}

TEST_F(RouterTest, TableListsEveryRouteInOrder) {
    ASSERT_EQ(router.routes().size(), 3u);
    EXPECT_EQ(router.routes()[2].action, core::OrgAction::Approve);
}

}  // namespace
}  // namespace orgdesk::server
