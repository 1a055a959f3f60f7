// Amounts in minor units: their decimal text on the wire, and tax rounding.
#include <gtest/gtest.h>

#include <limits>

#include "core/money.hpp"

namespace orgdesk::core {
namespace {

TEST(Money, FormatsWithTheCurrencysDigits) {
    EXPECT_EQ(format_amount(125000, "EUR"), "1250.00");
    EXPECT_EQ(format_amount(5, "EUR"), "0.05");
    EXPECT_EQ(format_amount(0, "EUR"), "0.00");
    EXPECT_EQ(format_amount(-50, "EUR"), "-0.50");
    EXPECT_EQ(format_amount(-123456, "SEK"), "-1234.56");
    EXPECT_EQ(format_amount(980, "JPY"), "980");
    EXPECT_EQ(format_amount(-980, "JPY"), "-980");
    EXPECT_EQ(format_amount(0, "KRW"), "0");
    EXPECT_EQ(format_amount(std::numeric_limits<MinorUnits>::min(), "EUR"),
              "-92233720368547758.08");
}

TEST(Money, ParsesExactlyTheCurrencysDigits) {
    EXPECT_EQ(parse_amount("1250.00", "EUR"), 125000);
    EXPECT_EQ(parse_amount("0.05", "EUR"), 5);
    EXPECT_EQ(parse_amount("-0.50", "EUR"), -50);
    EXPECT_EQ(parse_amount("980", "JPY"), 980);
    EXPECT_EQ(parse_amount("-980", "JPY"), -980);
    EXPECT_EQ(parse_amount("999999999999999.99", "EUR"), 99'999'999'999'999'999);
    EXPECT_EQ(parse_amount("999999999999999", "JPY"), 999'999'999'999'999);
}

TEST(Money, FormatAndParseRoundTrip) {
    // Up to 15 whole digits in every currency: the most parse_amount reads.
    constexpr MinorUnits kAmounts[] = {
        0, 1, -1, 99, 100, 125000, -125050, 999'999'999'999'999, -999'999'999'999'999};
    for (const MinorUnits amount : kAmounts) {
        for (const char* currency : {"EUR", "JPY", "SEK", "ISK"}) {
            SCOPED_TRACE(std::to_string(amount) + " " + currency);
            const std::string text = format_amount(amount, currency);
            EXPECT_EQ(parse_amount(text, currency), amount) << text;
        }
    }
}

TEST(Money, RefusesEverythingElse) {
    for (const char* text : {"12.5",
                             "12.500",
                             "1250",
                             "1e3",
                             "",
                             "-",
                             "abc",
                             "12.",
                             ".50",
                             ".",
                             "+1.00",
                             " 1.00",
                             "1.00 ",
                             "1,00",
                             "--1.00",
                             "1.-5",
                             "1.0a",
                             "0x10",
                             "1234567890123456.00",
                             "-1234567890123456.00"}) {
        SCOPED_TRACE(text);
        EXPECT_FALSE(parse_amount(text, "EUR").has_value());
    }
    for (const char* text : {"980.00", "9.8", "980.", "", "-", "1e3", "1234567890123456"}) {
        SCOPED_TRACE(text);
        EXPECT_FALSE(parse_amount(text, "JPY").has_value());
    }
}

TEST(Money, CurrencyDigitsFollowIso4217) {
    EXPECT_EQ(currency_digits("EUR"), 2);
    EXPECT_EQ(currency_digits("USD"), 2);
    EXPECT_EQ(currency_digits("JPY"), 0);
    EXPECT_EQ(currency_digits("KRW"), 0);
    EXPECT_EQ(currency_digits("ISK"), 0);
}

TEST(Money, CurrencyCodesAreThreeUpperCaseLetters) {
    EXPECT_TRUE(is_currency_code("EUR"));
    EXPECT_TRUE(is_currency_code("JPY"));
    for (const char* text : {"", "EU", "EURO", "eur", "Eur", "E1R", "EU ", "€"}) {
        SCOPED_TRACE(text);
        EXPECT_FALSE(is_currency_code(text));
    }
}

TEST(Money, ApplyRateRoundsHalvesAwayFromZero) {
    EXPECT_EQ(apply_rate(1, 2500), 0);     // 0.25
    EXPECT_EQ(apply_rate(2, 2500), 1);     // 0.5
    EXPECT_EQ(apply_rate(3, 2500), 1);     // 0.75
    EXPECT_EQ(apply_rate(6, 2500), 2);     // 1.5
    EXPECT_EQ(apply_rate(199, 2500), 50);  // 49.75
    EXPECT_EQ(apply_rate(-1, 2500), 0);
    EXPECT_EQ(apply_rate(-2, 2500), -1);
    EXPECT_EQ(apply_rate(-6, 2500), -2);
    EXPECT_EQ(apply_rate(-199, 2500), -50);
    EXPECT_EQ(apply_rate(10743, 1900), 2041);  // 2041.17
    EXPECT_EQ(apply_rate(7, 810), 1);          // 0.567
    EXPECT_EQ(apply_rate(125000, 0), 0);
    EXPECT_EQ(apply_rate(0, 2500), 0);
    EXPECT_EQ(apply_rate(10000, 10000), 10000);
}

}  // namespace
}  // namespace orgdesk::core
