#include <gtest/gtest.h>

#include "core/time_format.hpp"

namespace orgdesk::core {
namespace {

TEST(TimeFormat, FormatsUtcWithMilliseconds) {
    EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(format_iso8601(1'795'369'342'007), "2026-11-22T17:42:22.007Z");
    EXPECT_EQ(format_date(1'795'369'342'007), "2026-11-22");
    EXPECT_EQ(format_iso8601(951'782'400'000), "2000-02-29T00:00:00.000Z");
}

TEST(TimeFormat, ParsesWhatItFormats) {
    for (const std::int64_t ms :
         {0LL, 1'795'369'342'007LL, 951'782'400'000LL, 4'102'444'799'999LL}) {
        EXPECT_EQ(parse_iso8601(format_iso8601(ms)), ms);
    }
    EXPECT_EQ(parse_iso8601("2026-11-22T17:42:22Z"), 1'795'369'342'000);
}

TEST(TimeFormat, RefusesOtherText) {
    for (const char* text : {"", "2026-11-22", "2026-13-01T00:00:00Z", "2026-11-22T17:42:22",
                             "2026-11-22T17:42:22.1Z", "2026-11-22T17:42:22+01:00", "yesterday"}) {
        EXPECT_FALSE(parse_iso8601(text).has_value()) << text;
    }
}

}  // namespace
}  // namespace orgdesk::core
