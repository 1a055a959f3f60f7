#include "server/request_parts.hpp"

#include <sodium.h>

#include "core/request_codecs.hpp"
#include "server/if_match.hpp"
#include "server/json_body.hpp"
#include "server/responses.hpp"
#include "server/sodium_runtime.hpp"

namespace orgdesk::server {
namespace {

using core::Json;

constexpr std::size_t kMaxIdempotencyKeyLength = 255;

}  // namespace

std::variant<Json, Problem> read_object_body(const Request& request) {
    if (request.body().empty())
        return Json::object();
    return read_json_body(request);
}

std::optional<Problem> check_body_has_no_fields(const Request& request) {
    auto body = read_object_body(request);
    if (auto* problem = std::get_if<Problem>(&body))
        return std::move(*problem);
    if (auto none = core::no_fields_from_json(std::get<Json>(body)); !none)
        return problem_of(none.error());
    return std::nullopt;
}

std::string request_hash(const Json& body) {
    ensure_sodium_initialized();
    const auto canonical = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()),
                       canonical.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

core::Result<std::optional<std::string>> idempotency_key_of(const Request& request) {
    const auto it = request.find("Idempotency-Key");
    if (it == request.end())
        return std::optional<std::string>{};
    const std::string_view key = it->value();
    bool printable = !key.empty() && key.size() <= kMaxIdempotencyKeyLength;
    for (const char c : key)
        printable = printable && c > ' ' && c < 0x7F;
    if (!printable) {
        return invalid_parameter("Idempotency-Key",
                                 "must be 1 to 255 visible ASCII characters, such as a UUID");
    }
    return std::optional<std::string>{std::string(key)};
}

core::Result<std::optional<platform::IdempotencyKey>> idempotency_of(const Request& request,
                                                                     const Json& body) {
    const auto key = idempotency_key_of(request);
    if (!key)
        return key.error();
    if (!*key)
        return std::optional<platform::IdempotencyKey>{};
    return std::optional<platform::IdempotencyKey>{
        platform::IdempotencyKey{**key, request_hash(body)}};
}

StringResponse created_response(const platform::CreateOutcome& outcome,
                                std::string_view collection) {
    StringResponse response{static_cast<http::status>(outcome.httpStatus), 11};
    response.set(http::field::content_type, kJsonType);
    const auto created = Json::parse(outcome.body, nullptr, false);
    if (created.is_object() && created.contains("id") && created["id"].is_string() &&
        created.contains("version") && created["version"].is_number_integer()) {
        response.set(http::field::location,
                     std::string(collection) + "/" + created["id"].get<std::string>());
        response.set(http::field::etag, etag_of(created["version"].get<std::int64_t>()));
    }
    if (outcome.replayed)
        response.set("Idempotent-Replayed", "true");
    response.body() = outcome.body;
    response.prepare_payload();
    return response;
}

}  // namespace orgdesk::server
