// Any bytes as what a request's first line and headers carry: a target (path and query string),
// a list's cursor, a time filter, and the If-Match, Idempotency-Key and token headers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/list_cursor.hpp"
#include "core/time_format.hpp"
#include "fuzz_check.hpp"
#include "server/bearer_token.hpp"
#include "server/if_match.hpp"
#include "server/list_query.hpp"
#include "server/request_parts.hpp"
#include "server/url.hpp"

namespace {

using namespace orgdesk;
using fuzz::check;

bool has_nul(std::string_view text) {
    return text.find('\0') != std::string_view::npos;
}

// Percent-decoding never makes a NUL byte (a raw one never gets past Beast's parser).
void parse_target(std::string_view text) {
    const auto target = server::split_target(text);
    if (const auto segments = server::decode_path_segments(target.path); segments) {
        for (const auto& segment : *segments)
            check(!has_nul(segment) || has_nul(target.path), "decoding makes no NUL byte");
    }
    const auto query = server::parse_query(target.query);
    if (!query)
        return;
    for (const auto& [name, value] : *query)
        check(!has_nul(value) || has_nul(target.query), "decoding makes no NUL byte", name);
    const auto customers = server::list_request_from_query(*query);
    if (customers) {
        check(customers->limit >= 1 && customers->limit <= core::kMaxPageSize,
              "an accepted customer list limit is within 1..kMaxPageSize");
    }
    const auto orders = server::order_list_request_from_query(*query);
    if (orders) {
        check(orders->limit >= 1 && orders->limit <= core::kMaxPageSize,
              "an accepted order list limit is within 1..kMaxPageSize");
    }
}

void parse_cursor(std::string_view text) {
    const auto cursor = core::decode_cursor(text);
    if (!cursor)
        return;
    const auto again = core::decode_cursor(core::encode_cursor(*cursor));
    check(again && *again == *cursor, "an accepted cursor reads back the same once written");
}

void parse_time(std::string_view text) {
    const auto ms = core::parse_iso8601(text);
    if (!ms)
        return;
    const auto written = core::format_iso8601(*ms);
    check(core::parse_iso8601(written) == ms, "an accepted time reads back the same once written",
          written);
}

void parse_headers(std::string_view value) {
    // Beast's parser never hands a field value with a line break to the application.
    if (value.find_first_of("\r\n") != std::string_view::npos)
        return;
    server::Request request{server::http::verb::put, "/api/v1/customers/x/approve", 11};
    request.set(server::http::field::if_match, value);
    request.set("Idempotency-Key", value);
    request.set(server::http::field::authorization, value);
    request.set("Authtoken", value);
    (void)server::if_match_version(request);
    if (const auto key = server::idempotency_key_of(request); key && *key)
        check(!(*key)->empty() && (*key)->size() <= 255, "an accepted Idempotency-Key is 1..255");
    (void)server::token_from_headers(request);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    parse_target(text);
    parse_cursor(text);
    parse_time(text);
    parse_headers(text);
    if (const auto decoded = server::percent_decode(text, true)) {
        check(!has_nul(*decoded) || has_nul(text), "decoding makes no NUL byte");
        parse_cursor(*decoded);
        parse_time(*decoded);
    }
    return 0;
}
