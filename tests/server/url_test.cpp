#include "server/url.hpp"

#include "server/public_url.hpp"

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

TEST(PublicUrl, KeepsTheOriginOfAnHttpOrHttpsUrl) {
    const std::pair<const char*, const char*> accepted[] = {
        {"https://portal.example.com", "https://portal.example.com"},
        {"https://portal.example.com/", "https://portal.example.com"},
        {"HTTPS://Portal.Example.COM:8443/", "https://portal.example.com:8443"},
        {"http://10.0.0.5:8080", "http://10.0.0.5:8080"},
        {"http://[::1]:8080/", "http://[::1]:8080"},
        {"http://[2001:db8::1]", "http://[2001:db8::1]"},
    };
    for (const auto& [text, origin] : accepted) {
        const auto url = parse_public_url(text);
        ASSERT_TRUE(url) << text << ": " << url.error().message;
        EXPECT_EQ(url->origin, origin) << text;
    }
    EXPECT_TRUE(parse_public_url("https://portal.example.com")->is_https());
    EXPECT_FALSE(parse_public_url("http://portal.example.com")->is_https());
}

TEST(PublicUrl, RefusesAnythingButSchemeHostAndPort) {
    for (const char* text : {"",
                             "portal.example.com",
                             "ftp://portal.example.com",
                             "https:/portal.example.com",
                             "https://",
                             "https:///",
                             "https://:8080",
                             "https://portal.example.com//",
                             "https://portal.example.com/app",
                             "https://portal.example.com/app/",
                             "https://portal.example.com?x=1",
                             "https://portal.example.com/#top",
                             "https://user:secret@portal.example.com",
                             "https://portal.example.com:0",
                             "https://portal.example.com:65536",
                             "https://portal.example.com:80a",
                             "https://portal example.com",
                             "https://portal.example.com.",
                             "https://[::1",
                             "https://-portal.example.com",
                             "https://portal_example.com"}) {
        const auto url = parse_public_url(text);
        EXPECT_FALSE(url) << text;
        if (!url) {  // says how a good one looks
            EXPECT_NE(url.error().message.find("https://portal.example.com"), std::string::npos);
        }
    }
}

// Commvault's CommServ names the host people reach: the public URL's, else the Host header's.
TEST(PublicUrl, TheOriginIsThePublicUrlsElseTheHostHeaders) {
    Request request{http::verb::get, "/", 11};
    request.set(http::field::host, "10.0.0.5:8080");
    EXPECT_EQ(origin_of(std::nullopt, request), "http://10.0.0.5:8080");
    EXPECT_EQ(origin_of(parse_public_url("https://portal.example.com:8443").value(), request),
              "https://portal.example.com:8443");
    request.set(http::field::host, "evil.example/<script>");
    EXPECT_EQ(origin_of(std::nullopt, request), "");
    EXPECT_EQ(host_of_origin("https://portal.example.com:8443"), "portal.example.com");
    EXPECT_EQ(host_of_origin("http://[::1]:8080"), "[::1]");
    EXPECT_EQ(host_of_origin("http://10.0.0.5"), "10.0.0.5");
    EXPECT_EQ(host_of_origin(""), "");
}

}  // namespace
}  // namespace orgdesk::server
