// The XML writer of the webservice answers, and the webservice's Accept and base64 parsing.
#include <gtest/gtest.h>

#include "server/webservice_routes.hpp"
#include "server/xml_writer.hpp"

namespace orgdesk::server {
namespace {

TEST(XmlEscape, EscapesTheFiveSpecialCharacters) {
    EXPECT_EQ(xml_escape(R"(a&b<c>d"e'f)"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
    EXPECT_EQ(xml_escape("&amp;"), "&amp;amp;");  // an entity in the input is text, not markup
    EXPECT_EQ(xml_escape("plain text 123"), "plain text 123");
    EXPECT_EQ(xml_escape(""), "");
}

TEST(XmlEscape, KeepsWhitespaceAsCharacterReferences) {
    EXPECT_EQ(xml_escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
}

TEST(XmlEscape, ReplacesWhatXmlCannotCarry) {
    EXPECT_EQ(xml_escape(std::string("a\0b", 3)),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(xml_escape("a\x01\x1f"
                         "b"),
              "a\xEF\xBF\xBD\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(xml_escape("a\xff"
                         "b"),
              "a\xEF\xBF\xBD"
              "b");                                                                 // not UTF-8
    EXPECT_EQ(xml_escape("a\xc3"), "a\xEF\xBF\xBD");                                // truncated
    EXPECT_EQ(xml_escape("a\xc0\xaf"), "a\xEF\xBF\xBD\xEF\xBF\xBD");                // overlong '/'
    EXPECT_EQ(xml_escape("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    EXPECT_EQ(xml_escape("\xef\xbf\xbe"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFE
}

TEST(XmlEscape, KeepsWellFormedUtf8) {
    EXPECT_EQ(xml_escape("Bäckerei Ωmega 株式会社 😀"), "Bäckerei Ωmega 株式会社 😀");
}

TEST(XmlWriter, EscapesAttributeValuesAndText) {
    XmlElement element("e");
    element.attribute("name", R"(Adler & Söhne "KG" <x>)");
    element.text = "1 < 2 & 'y'";
    EXPECT_EQ(
        to_xml(element),
        R"(<e name="Adler &amp; Söhne &quot;KG&quot; &lt;x&gt;">1 &lt; 2 &amp; &apos;y&apos;</e>)");
}

TEST(XmlWriter, WritesAnEmptyElementSelfClosed) {
    EXPECT_EQ(to_xml(XmlElement("entity").attribute("GUID", "")), R"(<entity GUID=""/>)");
    EXPECT_EQ(to_xml(XmlElement("e")), "<e/>");
}

TEST(XmlWriter, WritesSeedTwosSampleAnswerByteForByte) {
    XmlElement root("Api_ActivateOrganizationResponse");
    root.child(
        XmlElement("processinginstructioninfo")
            .child(XmlElement("attributes").attribute("name", "exitval").attribute("value", "0")));
    root.child(XmlElement("response")
                   .attribute("errorCode", "0")
                   .child(XmlElement("entity")
                              .attribute("GUID", "")
                              .attribute("_type_", "61")
                              .attribute("providerDomainName", "mycompany")
                              .attribute("providerId", "1")));
    // Seed 002's "Sample Response", as the article prints it.
    constexpr const char* kSeedSample =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<Api_ActivateOrganizationResponse> <processinginstructioninfo> <attributes name="exitval" value="0"/> </processinginstructioninfo> <response errorCode="0"> <entity GUID="" _type_="61" providerDomainName="mycompany" providerId="1"/> </response>
</Api_ActivateOrganizationResponse>)";
    EXPECT_EQ(to_xml_document(root), kSeedSample);
}

TEST(NegotiateFormat, FallsBackWhenNeitherIsNamed) {
    EXPECT_EQ(negotiate_format("", WireFormat::Xml), WireFormat::Xml);
    EXPECT_EQ(negotiate_format("*/*", WireFormat::Xml), WireFormat::Xml);
    EXPECT_EQ(negotiate_format("*/*", WireFormat::Json), WireFormat::Json);
    EXPECT_EQ(negotiate_format("text/html, application/*", WireFormat::Xml), WireFormat::Xml);
}

TEST(NegotiateFormat, ReadsJsonAndXmlTypes) {
    EXPECT_EQ(negotiate_format("application/json", WireFormat::Xml), WireFormat::Json);
    EXPECT_EQ(negotiate_format("Application/JSON; charset=utf-8", WireFormat::Xml),
              WireFormat::Json);
    EXPECT_EQ(negotiate_format("application/xml", WireFormat::Json), WireFormat::Xml);
    EXPECT_EQ(negotiate_format("text/xml", WireFormat::Json), WireFormat::Xml);
    EXPECT_EQ(negotiate_format("application/problem+json", WireFormat::Xml), WireFormat::Json);
}

TEST(NegotiateFormat, HonoursQualityAndOrder) {
    EXPECT_EQ(negotiate_format("application/xml, application/json", WireFormat::Json),
              WireFormat::Xml);
    EXPECT_EQ(negotiate_format("application/xml;q=0.5, application/json", WireFormat::Xml),
              WireFormat::Json);
    EXPECT_EQ(negotiate_format("application/json;q=0, */*", WireFormat::Json), WireFormat::Json);
    EXPECT_EQ(negotiate_format("application/json;q=0, application/xml", WireFormat::Json),
              WireFormat::Xml);
    EXPECT_EQ(negotiate_format("application/json;q=bogus", WireFormat::Xml), WireFormat::Xml);
    EXPECT_EQ(
        negotiate_format("application/json ; level=1 ; q=0.9, text/xml;q=0.8", WireFormat::Xml),
        WireFormat::Json);
}

TEST(NegotiateFormat, ReadsQualityValuesAsTheHttpStandardWritesThem) {
    // Three decimals tell 0.125 from 0.12; a malformed or too precise one counts as 0.
    EXPECT_EQ(
        negotiate_format("application/xml;q=0.125, application/json;q=0.12", WireFormat::Json),
        WireFormat::Xml);
    EXPECT_EQ(
        negotiate_format("application/xml;q=1.000, application/json;q=0.999", WireFormat::Json),
        WireFormat::Xml);
    EXPECT_EQ(
        negotiate_format("application/xml;q=0.1234, application/json;q=0.001", WireFormat::Xml),
        WireFormat::Json);
    EXPECT_EQ(negotiate_format("application/xml;q=1.001, application/json;q=0.5", WireFormat::Xml),
              WireFormat::Json);
    EXPECT_EQ(negotiate_format("application/xml;q=+0.9, application/json;q=0.5", WireFormat::Xml),
              WireFormat::Json);
}

TEST(DecodeBase64, DecodesPaddedAndUnpadded) {
    EXPECT_EQ(decode_base64("b3JnZGVzay1kZW1v"), "orgdesk-demo");
    EXPECT_EQ(decode_base64("YWI="), "ab");
    EXPECT_EQ(decode_base64("YWI"), "ab");
    EXPECT_EQ(decode_base64("YQ=="), "a");
    EXPECT_EQ(decode_base64("YQ"), "a");
    EXPECT_EQ(decode_base64(""), "");
    EXPECT_EQ(decode_base64("w6TDtsO8"), "äöü");
}

TEST(DecodeBase64, RefusesWhatIsNotBase64) {
    EXPECT_EQ(decode_base64("orgdesk-demo"), std::nullopt);  // '-' is not in the alphabet
    EXPECT_EQ(decode_base64("YWI=extra"), std::nullopt);
    // Bytes above 0x7F are not base64 either (libsodium 1.0.18 decoded some of them; found by
    // tests/fuzz).
    EXPECT_EQ(decode_base64("b3JnZGVzay1kZ\xA4\xCEv"), std::nullopt);
    EXPECT_EQ(decode_base64("YW\xC3\xA9="), std::nullopt);
    EXPECT_EQ(decode_base64("Y"), std::nullopt);
    EXPECT_EQ(decode_base64("YW I="), std::nullopt);
    EXPECT_EQ(decode_base64("YWJj\n"), std::nullopt);
}

}  // namespace
}  // namespace orgdesk::server
