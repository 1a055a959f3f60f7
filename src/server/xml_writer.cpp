#include "server/xml_writer.hpp"

#include <cstdint>

#include "core/utf8.hpp"

namespace orgdesk::server {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// The length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is malformed
// or a code point XML 1.0 does not allow (U+FFFE, U+FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto decoded = core::decode_utf8(text, i);
    return decoded.code == 0xFFFE || decoded.code == 0xFFFF ? 0 : decoded.length;
}

void write_element(std::string& out, const XmlElement& element, bool root) {
    out += '<';
    out += element.name;
    for (const auto& [name, value] : element.attributes) {
        out += ' ';
        out += name;
        out += "=\"";
        out += xml_escape(value);
        out += '"';
    }
    if (element.children.empty() && element.text.empty()) {
        out += "/>";
        return;
    }
    out += '>';
    out += xml_escape(element.text);
    for (const auto& child : element.children) {
        out += ' ';
        write_element(out, child, false);
    }
    if (!element.children.empty())
        out += root ? '\n' : ' ';
    out += "</";
    out += element.name;
    out += '>';
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const auto byte = static_cast<std::uint8_t>(c);
        if (byte >= 0x80) {
            const auto length = utf8_sequence_length(text, i);
            if (length == 0) {
                out += kReplacement;
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        ++i;
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                if (byte < 0x20 || byte == 0x7F) {
                    // XML 1.0 cannot carry the other C0 controls, not even as references; DEL it
                    // can, but no reader wants it.
                    out += kReplacement;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string to_xml(const XmlElement& element) {
    std::string out;
    write_element(out, element, false);
    return out;
}

std::string to_xml_document(const XmlElement& root) {
    std::string out(kXmlDeclaration);
    out += '\n';
    write_element(out, root, true);
    return out;
}

}  // namespace orgdesk::server
