#pragma once
// A tiny XML writer for the Commvault-style webservice answers: elements with attributes,
// children and text, written as one document. Names are the code's own (never a caller's);
// attribute values and text are escaped, so any string a caller stored is safe to write.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgdesk::server {

struct XmlElement {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<XmlElement> children;
    std::string text;  // written before the children

    explicit XmlElement(std::string elementName) : name(std::move(elementName)) {}

    XmlElement& attribute(std::string attributeName, std::string value) {
        attributes.emplace_back(std::move(attributeName), std::move(value));
        return *this;
    }
    XmlElement& child(XmlElement element) {
        children.push_back(std::move(element));
        return *this;
    }
};

// The declaration Commvault writes, seed 002's first line.
inline constexpr std::string_view kXmlDeclaration =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="no" ?>)";

// Escapes & < > " ' as entities, and tab, newline and carriage return as character references
// (an attribute value keeps them then). Characters XML 1.0 cannot carry at all (other control
// characters) and malformed UTF-8 become U+FFFD.
std::string xml_escape(std::string_view text);

// One element in the layout of seed 002's sample: each child preceded by a space, a space
// before the closing tag, "<name .../>" when the element is empty.
std::string to_xml(const XmlElement& element);

// The declaration, a newline, and the root element, whose closing tag stands on its own line as
// in seed 002's sample answer.
std::string to_xml_document(const XmlElement& root);

}  // namespace orgdesk::server
