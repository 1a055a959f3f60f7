#include "server/request_id.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "server/responses.hpp"
#include "server/sodium_runtime.hpp"

namespace orgdesk::server {
namespace {

constexpr std::size_t kIdBytes = 16;

bool is_id_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
}

// A ChaCha20 key stream per thread, keyed once from the system's randomness: ids drawn from it
// are unpredictable, and drawing one is arithmetic, not a getrandom(2) call.
class IdStream {
  public:
    IdStream() {
        ensure_sodium_initialized();
        crypto_stream_chacha20_ietf_keygen(key_.data());
    }
    IdStream(const IdStream&) = delete;
    IdStream& operator=(const IdStream&) = delete;
    ~IdStream() { sodium_memzero(key_.data(), key_.size()); }

    std::array<unsigned char, kIdBytes> next() {
        std::array<unsigned char, crypto_stream_chacha20_ietf_NONCEBYTES> nonce{};
        for (std::size_t i = 0; i < sizeof counter_; ++i)
            nonce[i] = static_cast<unsigned char>(counter_ >> (8 * i));
        ++counter_;
        std::array<unsigned char, kIdBytes> bytes{};
        crypto_stream_chacha20_ietf(bytes.data(), bytes.size(), nonce.data(), key_.data());
        return bytes;
    }

  private:
    std::array<unsigned char, crypto_stream_chacha20_ietf_KEYBYTES> key_{};
    std::uint64_t counter_ = 0;
};

}  // namespace

std::string new_request_id() {
    thread_local IdStream stream;
    const auto bytes = stream.next();
    std::string id(2 * bytes.size() + 1, '\0');
    sodium_bin2hex(id.data(), id.size(), bytes.data(), bytes.size());
    id.pop_back();  // the terminating NUL
    return id;
}

std::string request_id_for(std::string_view given) {
    if (!given.empty() && given.size() <= kMaxRequestIdLength &&
        std::all_of(given.begin(), given.end(), is_id_character))
        return std::string(given);
    return new_request_id();
}

void tag_with_request_id(Response& response, std::string_view requestId) {
    auto& header = header_of(response);
    header.set("X-Request-Id", requestId);
    auto* text = std::get_if<StringResponse>(&response);
    if (text == nullptr || header[http::field::content_type] != kProblemJsonType)
        return;
    // A problem body is one JSON object; the id's alphabet needs no escaping.
    auto& body = text->body();
    const auto end = body.find_last_of('}');
    if (end == std::string::npos)
        return;
    const bool empty = body.find_first_not_of(" \t\r\n", body.find('{') + 1) == end;
    body.insert(end,
                std::string(empty ? "" : ",") + "\"requestId\":\"" + std::string(requestId) + "\"");
    text->prepare_payload();
}

}  // namespace orgdesk::server
