#include "server/url.hpp"

namespace orgdesk::server {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Calls `each` with every piece of `text` between separators, the last one included.
template <class Each>
void for_each_piece(std::string_view text, char separator, Each each) {
    while (true) {
        const auto end = text.find(separator);
        each(text.substr(0, end));
        if (end == std::string_view::npos)
            return;
        text.remove_prefix(end + 1);
    }
}

}  // namespace

Target split_target(std::string_view target) {
    const auto mark = target.find('?');
    if (mark == std::string_view::npos)
        return {target, {}};
    return {target.substr(0, mark), target.substr(mark + 1)};
}

std::optional<std::string> percent_decode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plusIsSpace) {
            out += ' ';
        } else if (c != '%') {
            out += c;
        } else {
            if (i + 2 >= text.size())
                return std::nullopt;  // needs two hex digits
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            const char decoded = static_cast<char>(high * 16 + low);
            if (decoded == '\0')
                return std::nullopt;
            out += decoded;
            i += 2;
        }
    }
    return out;
}

std::optional<std::vector<std::string>> decode_path_segments(std::string_view path) {
    if (!path.empty() && path.front() == '/')
        path.remove_prefix(1);
    std::vector<std::string> segments;
    bool valid = true;
    for_each_piece(path, '/', [&](std::string_view piece) {
        auto decoded = percent_decode(piece);
        if (!decoded)
            valid = false;
        if (valid)
            segments.push_back(std::move(*decoded));
    });
    if (!valid)
        return std::nullopt;
    return segments;
}

std::optional<QueryParams> parse_query(std::string_view query) {
    QueryParams params;
    bool valid = true;
    for_each_piece(query, '&', [&](std::string_view pair) {
        if (pair.empty() || !valid)
            return;
        const auto equals = pair.find('=');
        auto name = percent_decode(pair.substr(0, equals), true);
        auto value = percent_decode(
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
        if (!name || !value) {
            valid = false;
            return;
        }
        params.emplace(std::move(*name), std::move(*value));  // emplace keeps the first
    });
    if (!valid)
        return std::nullopt;
    return params;
}

}  // namespace orgdesk::server
