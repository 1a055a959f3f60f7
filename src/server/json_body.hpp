#pragma once
// Request bodies that must be JSON: the Content-Type must say so (else 415) and the text must
// parse (else 400).
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/json_codecs.hpp"
#include "server/http_types.hpp"
#include "server/problems.hpp"

namespace orgdesk::server {

std::variant<core::Json, Problem> read_json_body(const Request& request);

// The JSON body decoded by `decode` (a core codec returning core::Result<T>), or the problem
// answer that stops it.
template <class Decode>
auto decode_json_body(const Request& request, Decode decode) {
    using T = std::decay_t<decltype(decode(std::declval<const core::Json&>()).value())>;
    using Decoded = std::variant<T, StringResponse>;
    auto body = read_json_body(request);
    if (const auto* problem = std::get_if<Problem>(&body))
        return Decoded(problem_response(*problem));
    auto decoded = decode(std::get<core::Json>(body));
    if (!decoded)
        return Decoded(problem_response(decoded.error()));
    return Decoded(std::move(decoded).value());
}

}  // namespace orgdesk::server
