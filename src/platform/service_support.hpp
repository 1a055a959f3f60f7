#pragma once
// What the platform's services share: the clock, id generation, Idempotency-Key handling and the
// shape of a create's answer.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "platform/store.hpp"

namespace orgdesk::platform {

using Clock = std::function<std::int64_t()>;  // milliseconds since the Unix epoch
// Makes the id of a new organization or member: a random UUID in production, a predictable one
// in tests.
using IdGenerator = std::function<std::string()>;

// Random version 4 UUIDs from the operating system's random source.
IdGenerator random_uuid_generator();

// How long an Idempotency-Key is remembered.
inline constexpr std::int64_t kIdempotencyKeyLifetimeMs = 24LL * 3600 * 1000;
inline constexpr std::string_view kIdempotencyKeyReusedMessage =
    "This Idempotency-Key was already used for a different request.";

// An Idempotency-Key header and a hash of the request it came with.
struct IdempotencyKey {
    std::string key;
    std::string requestHash;
};

// The answer to a create: the new customer's JSON (as the caller saw it when it was created), or
// the answer an earlier request with the same Idempotency-Key got.
struct CreateOutcome {
    int httpStatus = 201;
    std::string body;
    bool replayed = false;
};

// The answer an earlier request with the same key got, if its body was the same; else a conflict
// ("This Idempotency-Key was already used for a different request.").
core::Result<CreateOutcome> replay(const IdempotencyRecord& earlier,
                                   const IdempotencyKey& idempotency);

// The record a create writes with its insert (the answer's body is made by the store's caller).
IdempotencyRecord idempotency_record(std::string_view userId, const IdempotencyKey& key,
                                     int httpStatus, std::int64_t nowMs);

}  // namespace orgdesk::platform
