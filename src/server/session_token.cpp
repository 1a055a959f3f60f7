#include "server/session_token.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "server/sodium_runtime.hpp"

namespace orgdesk::server {
namespace {

constexpr std::size_t kIdBytes = 16;
constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kIdLength = kIdBytes * 2;  // hex
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kHashBytes = crypto_generichash_BYTES;

template <std::size_t N>
std::array<unsigned char, N> random_bytes() {
    ensure_sodium_initialized();
    std::array<unsigned char, N> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return bytes;
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();  // the terminating NUL
    return hex;
}

std::string to_base64url(const unsigned char* bytes, std::size_t size) {
    std::string text(sodium_base64_ENCODED_LEN(size, kBase64Variant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, kBase64Variant);
    text.resize(text.find('\0'));
    return text;
}

bool is_lower_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_base64url(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-' || c == '_';
    });
}

std::array<unsigned char, kHashBytes> hash_secret(std::string_view secret) {
    ensure_sodium_initialized();
    std::array<unsigned char, kHashBytes> hash{};
    crypto_generichash(hash.data(), hash.size(),
                       reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       nullptr, 0);
    return hash;
}

}  // namespace

SessionToken generate_session_token() {
    const auto id = random_bytes<kIdBytes>();
    const auto secret = random_bytes<kSecretBytes>();
    return {to_hex(id.data(), id.size()), to_base64url(secret.data(), secret.size())};
}

std::optional<SessionToken> parse_session_token(std::string_view text) {
    const auto dot = text.find('.');
    if (dot != kIdLength)
        return std::nullopt;
    const auto id = text.substr(0, dot);
    const auto secret = text.substr(dot + 1);
    const auto secretLength = sodium_base64_ENCODED_LEN(kSecretBytes, kBase64Variant) - 1;
    if (!is_lower_hex(id) || secret.size() != secretLength || !is_base64url(secret)) {
        return std::nullopt;
    }
    return SessionToken{std::string(id), std::string(secret)};
}

std::string hash_token_secret(std::string_view secret) {
    const auto hash = hash_secret(secret);
    return to_hex(hash.data(), hash.size());
}

bool token_secret_matches(std::string_view secret, std::string_view storedHashHex) {
    const auto hash = hash_secret(secret);
    std::array<unsigned char, kHashBytes> stored{};
    std::size_t storedSize = 0;
    if (sodium_hex2bin(stored.data(), stored.size(), storedHashHex.data(), storedHashHex.size(),
                       nullptr, &storedSize, nullptr) != 0 ||
        storedSize != stored.size()) {
        return false;
    }
    return sodium_memcmp(hash.data(), stored.data(), hash.size()) == 0;
}

}  // namespace orgdesk::server
