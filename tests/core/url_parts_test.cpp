// URL parts as the server and the app both read and write them: percent-encoding round trips
// (reserved characters, UTF-8, empty), and the pieces of a path or query.
#include <gtest/gtest.h>

#include "core/url_parts.hpp"

namespace orgdesk::core {
namespace {

TEST(PercentEncode, LeavesUnreservedCharactersAsTheyAre) {
    EXPECT_EQ(percent_encode("Az09-._~"), "Az09-._~");
    EXPECT_EQ(percent_encode(""), "");
}

TEST(PercentEncode, EncodesReservedCharactersAndSpaces) {
    EXPECT_EQ(percent_encode("a b&c=d/e?f#g+h%i"), "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25i");
}

TEST(PercentEncode, EncodesEveryByteOfUtf8) {
    EXPECT_EQ(percent_encode("Bäckerei Ω"), "B%C3%A4ckerei%20%CE%A9");
}

TEST(PercentEncoding, RoundTripsWhateverItEncodes) {
    for (const std::string text :
         {"", "plain", "a b+c", "100% & more", "?q=Ångström&status=New", "#/customers/x y",
          "Ωmega Logistics ООО", "emoji 🚀", "%41 already", "a/b\\c"}) {
        EXPECT_EQ(percent_decode(percent_encode(text)), text) << text;
        // In a query, '+' means a space; an encoded '+' stays a '+'.
        EXPECT_EQ(percent_decode(percent_encode(text), true), text) << text;
    }
}

TEST(PercentDecode, RefusesMalformedEscapesAndNul) {
    EXPECT_EQ(percent_decode("%zz"), std::nullopt);
    EXPECT_EQ(percent_decode("abc%"), std::nullopt);
    EXPECT_EQ(percent_decode("abc%4"), std::nullopt);
    EXPECT_EQ(percent_decode("a%00b"), std::nullopt);
    EXPECT_EQ(percent_decode("a+b"), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
}

TEST(SplitPieces, KeepsEmptyPiecesAndTheLastOne) {
    EXPECT_EQ(split_pieces("a/b/c", '/'), (std::vector<std::string_view>{"a", "b", "c"}));
    EXPECT_EQ(split_pieces("a//b/", '/'), (std::vector<std::string_view>{"a", "", "b", ""}));
    EXPECT_EQ(split_pieces("", '&'), (std::vector<std::string_view>{""}));
    EXPECT_EQ(split_pieces("q=a%26b&status=New", '&'),
              (std::vector<std::string_view>{"q=a%26b", "status=New"}));
}

}  // namespace
}  // namespace orgdesk::core
