#include "server/xml_writer.hpp"

#include <cstdint>

namespace orgdesk::server {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// The length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is malformed
// (stray continuation byte, truncated, overlong, a surrogate, beyond U+10FFFF) or a code point
// XML 1.0 does not allow (U+FFFE, U+FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto lead = static_cast<std::uint8_t>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, code = lead & 0x1Fu, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, code = lead & 0x0Fu, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, code = lead & 0x07u, minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<std::uint8_t>(text[i + k]);
        if ((next & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (next & 0x3Fu);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE ||
        code == 0xFFFF) {
        return 0;
    }
    return length;
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
