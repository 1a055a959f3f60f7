#include "server/bearer_token.hpp"

#include <boost/beast/core/string.hpp>

#include "core/text.hpp"

namespace orgdesk::server {
namespace {

// Strips a case-insensitive scheme word ("Bearer ", "QSDK ") if the value starts with it.
bool strip_scheme(std::string_view& value, std::string_view scheme) {
    if (value.size() <= scheme.size() || value[scheme.size()] != ' ' ||
        !core::equal_ignoring_case(value.substr(0, scheme.size()), scheme)) {
        return false;
    }
    value = core::trim(value.substr(scheme.size() + 1));
    return true;
}

std::optional<std::string_view> non_empty(std::string_view token) {
    if (token.empty())
        return std::nullopt;
    return token;
}

}  // namespace

std::string_view without_qsdk(std::string_view value) {
    value = core::trim(value);
    strip_scheme(value, "QSDK");
    return value;
}

std::optional<std::string_view> token_from_headers(const Request& request) {
    // Another Authorization scheme (Basic, say) carries no token of ours.
    if (const auto it = request.find(http::field::authorization); it != request.end()) {
        std::string_view value = core::trim(it->value());
        if (strip_scheme(value, "Bearer"))
            return non_empty(value);
    }
    if (const auto it = request.find("Authtoken"); it != request.end()) {
        return non_empty(without_qsdk(it->value()));
    }
    return std::nullopt;
}

}  // namespace orgdesk::server
