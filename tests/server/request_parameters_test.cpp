// If-Match, the list query string and content types: the small parsers behind the routes.
#include <gtest/gtest.h>

#include "server/if_match.hpp"
#include "server/list_query.hpp"
#include "server/mime_types.hpp"

namespace orgdesk::server {
namespace {

core::Result<std::optional<std::int64_t>> if_match(std::string_view value) {
    Request request{http::verb::put, "/", 11};
    request.set(http::field::if_match, value);
    return if_match_version(request);
}

TEST(IfMatch, AcceptsVersionsQuotedOrNotAndStar) {
    EXPECT_EQ(*if_match("7").value(), 7);
    EXPECT_EQ(*if_match("\"7\"").value(), 7);
    EXPECT_FALSE(if_match("*").value());
    EXPECT_FALSE(if_match_version(Request{http::verb::put, "/", 11}).value());
    for (const char* bad : {"abc", "\"7", "7a", "-1", "W/\"7\"", ""}) {
        EXPECT_FALSE(if_match(bad).ok()) << bad;
    }
    EXPECT_EQ(etag_of(7), "\"7\"");
}

TEST(ListQuery, ReadsEveryParameter) {
    const auto request = list_request_from_query(
        *parse_query("q=north&status=New&limit=5&cursor=c1.1700000000000.c0000000-0000"));
    ASSERT_TRUE(request.ok());
    EXPECT_EQ(request->search, "north");
    EXPECT_EQ(request->status, core::OrgStatus::New);
    EXPECT_EQ(request->limit, 5);
    ASSERT_TRUE(request->after);
    EXPECT_EQ(request->after->createdAtMs, 1700000000000);
}

TEST(ListQuery, EmptyParametersMeanDefaults) {
    const auto request = list_request_from_query(*parse_query("q=&status=&limit=&cursor="));
    ASSERT_TRUE(request.ok());
    EXPECT_FALSE(request->status);
    EXPECT_EQ(request->limit, core::kDefaultPageSize);
}

TEST(ListQuery, NamesTheParameterAtFault) {
    for (const auto& [query, field] :
         std::vector<std::pair<const char*, const char*>>{{"status=Sleeping", "status"},
                                                          {"limit=-1", "limit"},
                                                          {"limit=5x", "limit"},
                                                          {"cursor=abc", "cursor"}}) {
        const auto request = list_request_from_query(*parse_query(query));
        ASSERT_FALSE(request.ok()) << query;
        EXPECT_EQ(request.error().kind, core::ErrorKind::InvalidInput);
        EXPECT_EQ(request.error().fields.at(0).field, field);
    }
}

TEST(MimeTypes, KnowsTheWebAppsFiles) {
    EXPECT_EQ(mime_type_for("app.WASM"), "application/wasm");
    EXPECT_EQ(mime_type_for("font.ttf"), "font/ttf");
    EXPECT_EQ(mime_type_for("favicon.ico"), "image/x-icon");
    EXPECT_EQ(mime_type_for("notes"), "application/octet-stream");
}

}  // namespace
}  // namespace orgdesk::server
