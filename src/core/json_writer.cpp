#include "core/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cassert>

namespace orgdesk::core {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence starting at text[i], or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing past U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    if (byte(i + 1) < low || byte(i + 1) > high)
        return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    }
    return length;
}

// ASCII that JSON text holds as it is: not a control character, quote or backslash. A table,
// because this test runs on every byte of every answer.
constexpr std::array<bool, 256> kPlainAscii = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

}  // namespace

void JsonTextWriter::before_value() {
    if (needsComma_)
        out_ += ',';
    needsComma_ = true;
}

void JsonTextWriter::begin_object() {
    before_value();
    out_ += '{';
    needsComma_ = false;
}

void JsonTextWriter::end_object() {
    out_ += '}';
    needsComma_ = true;
}

void JsonTextWriter::begin_array() {
    before_value();
    out_ += '[';
    needsComma_ = false;
}

void JsonTextWriter::end_array() {
    out_ += ']';
    needsComma_ = true;
}

void JsonTextWriter::key(std::string_view name) {
    // A key is a name from a codec (ASCII letters), never user data: written without a scan.
    assert(std::all_of(name.begin(), name.end(),
                       [](char c) { return kPlainAscii[static_cast<unsigned char>(c)]; }));
    before_value();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    needsComma_ = false;
}

void JsonTextWriter::string(std::string_view text) {
    static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    before_value();
    out_ += '"';
    std::size_t i = 0;
    while (true) {
        const std::size_t plain = i;  // a run copied as it is: plain ASCII and valid UTF-8
        while (i < text.size()) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (kPlainAscii[c]) {
                ++i;
            } else if (const std::size_t length = c >= 0x80 ? utf8_sequence_length(text, i) : 0;
                       length != 0) {
                i += length;
            } else {
                break;
            }
        }
        out_.append(text.substr(plain, i - plain));
        if (i == text.size())
            break;
        const auto c = static_cast<unsigned char>(text[i++]);
        switch (c) {
            case '"':
                out_ += "\\\"";
                break;
            case '\\':
                out_ += "\\\\";
                break;
            case '\b':
                out_ += "\\b";
                break;
            case '\f':
                out_ += "\\f";
                break;
            case '\n':
                out_ += "\\n";
                break;
            case '\r':
                out_ += "\\r";
                break;
            case '\t':
                out_ += "\\t";
                break;
            default:
                if (c >= 0x80) {
                    out_ += kReplacement;  // not valid UTF-8
                } else {
                    out_ += "\\u00";
                    out_ += kHex[c >> 4];
                    out_ += kHex[c & 0xF];
                }
        }
    }
    out_ += '"';
}

void JsonTextWriter::number(std::int64_t n) {
    before_value();
    out_ += std::to_string(n);
}

void JsonTextWriter::null() {
    before_value();
    out_ += "null";
}

nlohmann::json& JsonTreeWriter::slot() {
    if (open_.empty())
        return root_;
    nlohmann::json& parent = *open_.back();
    if (parent.is_array()) {
        parent.push_back(nullptr);
        return parent.back();
    }
    return parent[key_];
}

void JsonTreeWriter::open(nlohmann::json empty) {
    nlohmann::json& container = slot();
    container = std::move(empty);
    open_.push_back(&container);
}

}  // namespace orgdesk::core
