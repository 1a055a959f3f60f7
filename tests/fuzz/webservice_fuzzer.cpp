// The Commvault-style webservice's own codec: the Accept header it negotiates XML or JSON by, the
// base64 password of its Login, and the XML it writes around strings callers stored. Whatever
// the strings, the document must parse as XML and give each string back (or, for characters XML
// cannot carry, U+FFFD in their place), with nothing a reader could take for markup.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>
#include <sodium.h>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "server/webservice_routes.hpp"
#include "server/xml_writer.hpp"

namespace {

using namespace orgdesk;
using fuzz::check;

bool is_utf8(std::string_view text) {
    try {
        (void)nlohmann::json(std::string(text)).dump();  // strict: throws on malformed UTF-8
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

// Text XML 1.0 carries as it is: well-formed UTF-8 without the control characters, DEL, U+FFFE
// and U+FFFF that the writer replaces.
bool is_plain_xml_text(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F)
            return false;
    }
    return is_utf8(text) && text.find("\xEF\xBF\xBE") == std::string_view::npos &&
           text.find("\xEF\xBF\xBF") == std::string_view::npos;
}

// Escaped text holds no markup character and no raw control character; every '&' starts one of
// the references the writer makes.
void check_escaped(std::string_view escaped) {
    check(is_utf8(escaped), "escaped text is well-formed UTF-8");
    static constexpr std::string_view kReferences[] = {"&amp;",  "&lt;", "&gt;",  "&quot;",
                                                       "&apos;", "&#9;", "&#10;", "&#13;"};
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        const auto byte = static_cast<unsigned char>(escaped[i]);
        check(byte >= 0x20 && byte != 0x7F, "escaped text holds no control character");
        check(escaped[i] != '<' && escaped[i] != '>' && escaped[i] != '"' && escaped[i] != '\'',
              "escaped text holds no markup character", escaped);
        if (escaped[i] != '&')
            continue;
        bool known = false;
        for (const auto reference : kReferences)
            known = known || escaped.substr(i, reference.size()) == reference;
        check(known, "every & in escaped text starts a reference", escaped.substr(i, 8));
    }
}

void negotiate(std::string_view accept) {
    (void)server::negotiate_format(accept, server::WireFormat::Xml);
    (void)server::negotiate_format(accept, server::WireFormat::Json);
}

// Accepted base64 is exactly what encoding the bytes again gives, up to its padding.
void decode_password(std::string_view text) {
    const auto bytes = server::decode_base64(text);
    if (!bytes)
        return;
    const auto* raw = reinterpret_cast<const unsigned char*>(bytes->data());
    const int variant = text.size() % 4 == 0 ? sodium_base64_VARIANT_ORIGINAL
                                             : sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
    std::string encoded(sodium_base64_ENCODED_LEN(bytes->size(), variant), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), raw, bytes->size(), variant);
    encoded.resize(encoded.size() - 1);  // the terminating NUL
    check(encoded == text, "accepted base64 encodes back to the same text", text);
}

// A document of Login's and GET Organization's shapes around the strings, parsed back.
void write_document(const std::vector<std::string>& strings) {
    server::XmlElement root("Api_GetOrganizationsResponse");
    for (const auto& text : strings) {
        server::XmlElement provider("providers");
        provider.attribute("connectName", text).attribute("status", "Active");
        server::XmlElement note("note");
        note.text = text;
        provider.child(server::XmlElement("shortName").attribute("domainName", text));
        provider.child(std::move(note));
        root.child(std::move(provider));
    }
    const auto document = server::to_xml_document(root);

    boost::property_tree::ptree tree;
    std::istringstream in(document);
    try {
        boost::property_tree::read_xml(in, tree);
    } catch (const boost::property_tree::xml_parser_error& e) {
        fuzz::fail("the document is well-formed XML", e.what());
    }
    const auto& providers = tree.get_child("Api_GetOrganizationsResponse");
    std::size_t index = 0;
    for (const auto& [name, provider] : providers) {
        if (name != "providers")
            continue;
        check(index < strings.size(), "the document has one providers element per organization");
        const auto& text = strings[index++];
        const auto connectName = provider.get<std::string>("<xmlattr>.connectName");
        const auto domainName = provider.get<std::string>("shortName.<xmlattr>.domainName");
        const auto note = provider.get<std::string>("note");
        check(connectName == domainName, "a string reads back the same from two attributes");
        // (A reader drops text that is nothing but spaces; the writer escapes tabs and breaks.)
        if (text.find_first_not_of(' ') != std::string::npos)
            check(note == connectName, "a string reads back the same from text and attribute");
        if (is_plain_xml_text(text))
            check(connectName == text, "a string XML can carry reads back unchanged", text);
    }
    check(index == strings.size(), "the document has one providers element per organization");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (sodium_init() < 0)
        fuzz::fail("libsodium initializes");
    const std::string_view whole(reinterpret_cast<const char*>(data), size);
    negotiate(whole);
    decode_password(whole);
    check_escaped(server::xml_escape(whole));

    FuzzedDataProvider provider(data, size);
    std::vector<std::string> strings;
    while (provider.remaining_bytes() > 0 && strings.size() < 8)
        strings.push_back(provider.ConsumeRandomLengthString(256));
    write_document(strings);
    return 0;
}
