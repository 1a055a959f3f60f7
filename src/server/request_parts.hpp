#pragma once
// Parts of a request several routes read the same way: object bodies, the Idempotency-Key, and
// the answer to a create.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/json_codecs.hpp"
#include "core/result.hpp"
#include "platform/service_support.hpp"
#include "server/http_types.hpp"
#include "server/problems.hpp"

namespace orgdesk::server {

// A body that must be a JSON object; an empty one reads as {} so the decoder names the fields
// that are missing (a 400, not a 415, for "PUT .../reject" without a reason).
std::variant<core::Json, Problem> read_object_body(const Request& request);

// For requests with no fields (approve, resume, a subscription's suspend and resume): no body
// or an empty JSON object; any field is refused, so {"status": ...} is never silently ignored.
std::optional<Problem> check_body_has_no_fields(const Request& request);

// The SHA-256 of the request body in a canonical form (keys sorted, no spacing), so the same
// request sent again with other spacing or key order counts as the same.
std::string request_hash(const core::Json& body);

// The Idempotency-Key header, if any: 1 to 255 visible ASCII characters.
core::Result<std::optional<std::string>> idempotency_key_of(const Request& request);

// The key with the hash of `body`, as the services take it.
core::Result<std::optional<platform::IdempotencyKey>> idempotency_of(const Request& request,
                                                                     const core::Json& body);

// 201 (or the replayed status) with the created object's JSON, its Location under `collection`
// and its ETag; "Idempotent-Replayed: true" when an earlier answer is given again.
StringResponse created_response(const platform::CreateOutcome& outcome,
                                std::string_view collection);

}  // namespace orgdesk::server
