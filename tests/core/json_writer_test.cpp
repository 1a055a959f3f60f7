// The JSON text the server answers with is written straight into a string; it must be the same
// JSON as the tree the codecs build (which the app and the tests read), for any stored text:
// quotes, control characters, every script, and bytes that are not UTF-8 at all.
#include <gtest/gtest.h>

#include "core/json_codecs.hpp"
#include "core/json_writer.hpp"

namespace orgdesk::core {
namespace {

CustomerView tricky_customer() {
    CustomerView view;
    Organization& o = view.org;
    o.id = "8c1d3e36-0000-4000-8000-000000000001";
    o.name = "Müller \"GmbH\" \\ Ωmega ООО 株式会社 🚀";
    o.segment = "line\nbreak\ttab\x01\x1f";
    o.status = OrgStatus::Active;
    o.owner = Person{"Zoë", "zoe@example.test"};
    o.billing = {"Company", "Street 1\r\nCity", "DE", "DE123", "billing@example.test"};
    o.primaryContact = {"Ana", "CFO", "+49 1"};
    o.customerReference = "REF-1";
    o.purchasedNumbers = {"N-1", "N-2"};
    o.buyerTags = {};
    o.providerId = 4'000'000'001;
    o.subscriptionCount = 3;
    o.userCount = 7;
    o.version = 12;
    o.createdAtMs = 1'795'369'342'000;
    o.updatedAtMs = 1'795'369'343'000;
    view.actions = {OrgAction::Suspend, OrgAction::Delete};
    return view;
}

TEST(JsonTextWriter, ACustomerAsTextIsTheSameJsonAsTheTree) {
    const auto view = tricky_customer();
    const auto parsed = parse_json(to_json_text(view));
    ASSERT_TRUE(parsed) << to_json_text(view);
    EXPECT_EQ(parsed.value(), to_json(view));
}

TEST(JsonTextWriter, ACustomerWithoutOwnerHasANullOwner) {
    auto view = tricky_customer();
    view.org.owner.reset();
    const auto parsed = parse_json(to_json_text(view));
    ASSERT_TRUE(parsed);
    EXPECT_TRUE(parsed.value().at("owner").is_null());
    EXPECT_EQ(parsed.value(), to_json(view));
}

TEST(JsonTextWriter, APageAsTextDecodesToTheSamePage) {
    CustomerPage page;
    page.items = {tricky_customer(), tricky_customer()};
    page.items[1].org.id = "second";
    page.nextCursor = "cursor/+=";
    page.counts = {{OrgStatus::New, 0}, {OrgStatus::Active, 41}};
    const auto parsed = parse_json(to_json_text(page));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed.value(), to_json(page));
    const auto decoded = customer_page_from_json(parsed.value());
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded.value().items.size(), 2U);
    EXPECT_EQ(decoded.value().items[0].org.name, page.items[0].org.name);
    EXPECT_EQ(decoded.value().nextCursor, page.nextCursor);
    EXPECT_EQ(decoded.value().counts, page.counts);

    page.nextCursor.reset();
    page.items.clear();
    EXPECT_EQ(to_json_text(page),
              R"({"items":[],"nextCursor":null,"counts":{"New":0,"Active":41}})");
}

TEST(JsonTextWriter, TextThatIsNotUtf8IsReplacedNotPassedOn) {
    // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate, past U+10FFFF.
    for (const std::string bad :
         {"a\x80z", "a\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
        JsonTextWriter out;
        out.string(bad);
        const std::string text = std::move(out).take();
        const auto parsed = parse_json(text);
        ASSERT_TRUE(parsed) << "not valid JSON: " << text;
        EXPECT_NE(parsed.value().get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
    }
}

TEST(JsonTextWriter, TextAroundEscapesAndReplacementsIsKeptAsItIs) {
    JsonTextWriter out;
    out.string("Ω \"ü\"\x80 株\n");
    EXPECT_EQ(std::move(out).take(), "\"Ω \\\"ü\\\"\xEF\xBF\xBD 株\\n\"");
}

TEST(JsonTextWriter, ControlCharactersAreEscaped) {
    JsonTextWriter out;
    out.string(std::string("\"\\\b\f\n\r\t\x01\x7f", 9));
    EXPECT_EQ(std::move(out).take(), "\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\x7f\"");
}

}  // namespace
}  // namespace orgdesk::core
