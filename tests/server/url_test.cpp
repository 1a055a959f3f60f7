#include "server/url.hpp"

#include <gtest/gtest.h>

namespace orgdesk::server {
namespace {

TEST(Url, SplitsPathFromQuery) {
    const auto target = split_target("/api/v1/customers?q=a&limit=2");
    EXPECT_EQ(target.path, "/api/v1/customers");
    EXPECT_EQ(target.query, "q=a&limit=2");
    EXPECT_EQ(split_target("/healthz").query, "");
}

TEST(Url, PercentDecodes) {
    EXPECT_EQ(percent_decode("a%20b%2Fc"), "a b/c");
    EXPECT_EQ(percent_decode("a+b"), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
    EXPECT_FALSE(percent_decode("%zz"));
    EXPECT_FALSE(percent_decode("abc%"));
    EXPECT_FALSE(percent_decode("abc%4"));
    EXPECT_FALSE(percent_decode("nul%00byte"));
}

TEST(Url, DecodesEachPathSegmentOnItsOwn) {
    const auto segments = decode_path_segments("/a/b%2Fc//d");
    ASSERT_TRUE(segments);
    EXPECT_EQ(*segments, (std::vector<std::string>{"a", "b/c", "", "d"}));
    EXPECT_EQ(*decode_path_segments("/"), (std::vector<std::string>{""}));
    EXPECT_FALSE(decode_path_segments("/a/%zz"));
}

TEST(Url, ParsesQueryParametersKeepingTheFirstOfEachName) {
    const auto query = parse_query("q=Northwind+Traders&status=New&status=Active&empty=&flag");
    ASSERT_TRUE(query);
    EXPECT_EQ(query->at("q"), "Northwind Traders");
    EXPECT_EQ(query->at("status"), "New");
    EXPECT_EQ(query->at("empty"), "");
    EXPECT_EQ(query->at("flag"), "");
    EXPECT_TRUE(parse_query("")->empty());
    EXPECT_FALSE(parse_query("q=%"));
}

}  // namespace
}  // namespace orgdesk::server
