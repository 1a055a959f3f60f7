#include <gtest/gtest.h>

#include "core/list_cursor.hpp"

namespace orgdesk::core {
namespace {

TEST(ListCursor, RoundTrips) {
    const ListCursor cursor{1'763'000'000'000, "c0000000-0000-4000-8000-000000000001"};
    EXPECT_EQ(decode_cursor(encode_cursor(cursor)), cursor);
}

TEST(ListCursor, RefusesAnythingElse) {
    for (const char* text : {"", "c1.", "c1..id", "c1.12", "c1.-5.id", "c1.x.id", "c2.5.id",
                             "c1.5.id;drop", "c1.99999999999999999999.id", "c1.5.a b"}) {
        EXPECT_FALSE(decode_cursor(text).has_value()) << text;
    }
}

}  // namespace
}  // namespace orgdesk::core
