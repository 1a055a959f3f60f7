#include "platform/service_support.hpp"

#include <random>

#include "core/uuid.hpp"

namespace orgdesk::platform {

IdGenerator random_uuid_generator() {
    return [] {
        // random_device reads the operating system's random source (getrandom on Linux).
        std::random_device random;
        core::UuidBytes bytes{};
        for (std::size_t i = 0; i < bytes.size(); i += 4) {
            const auto word = random();
            for (std::size_t j = 0; j < 4; ++j)
                bytes[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
        }
        return core::format_uuid_v4(bytes);
    };
}
core::Result<CreateOutcome> replay(const IdempotencyRecord& earlier,
                                   const IdempotencyKey& idempotency) {
    if (earlier.requestHash != idempotency.requestHash) {
        return core::make_error(core::ErrorKind::Conflict, "idempotency-key-reused",
                                std::string(kIdempotencyKeyReusedMessage));
    }
    return CreateOutcome{earlier.status, earlier.body, true};
}

IdempotencyRecord idempotency_record(std::string_view userId, const IdempotencyKey& key,
                                     int httpStatus, std::int64_t nowMs) {
    IdempotencyRecord record;
    record.userId = std::string(userId);
    record.key = key.key;
    record.requestHash = key.requestHash;
    record.status = httpStatus;
    record.createdAtMs = nowMs;
    return record;
}

}  // namespace orgdesk::platform
