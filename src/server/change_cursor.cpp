#include "server/change_cursor.hpp"

#include <sodium.h>

#include <algorithm>

#include "server/sodium_runtime.hpp"

namespace orgdesk::server {
namespace {

static_assert(crypto_secretbox_KEYBYTES == 32);

constexpr std::size_t kSequenceBytes = sizeof(ChangeCursors::Sequence);
constexpr std::size_t kSealedBytes =
    crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + kSequenceBytes;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
// Without the terminating NUL that sodium_base64_ENCODED_LEN counts.
constexpr std::size_t kCursorLength = sodium_base64_ENCODED_LEN(kSealedBytes, kBase64Variant) - 1;

bool is_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<epoch>.<sequence>", the cursors this route answered before they were sealed: a browser tab
// open across the upgrade still holds one, and must start over rather than be refused forever.
bool is_unsealed_cursor(std::string_view text) {
    const auto dot = text.find('.');
    return dot != std::string_view::npos && is_digits(text.substr(0, dot)) &&
           is_digits(text.substr(dot + 1));
}

}  // namespace

ChangeCursors::ChangeCursors() {
    ensure_sodium_initialized();
    crypto_secretbox_keygen(key_.data());
}

ChangeCursors::~ChangeCursors() {
    sodium_memzero(key_.data(), key_.size());
}

std::string ChangeCursors::seal(Sequence sequence) const {
    std::array<unsigned char, kSequenceBytes> plain{};
    for (std::size_t i = 0; i < plain.size(); ++i)
        plain[i] = static_cast<unsigned char>(sequence >> (8 * i));

    std::array<unsigned char, kSealedBytes> sealed{};
    unsigned char* nonce = sealed.data();
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);  // 192 bits: random nonces never repeat
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, plain.data(), plain.size(), nonce,
                          key_.data());

    std::string text(kCursorLength + 1, '\0');
    sodium_bin2base64(text.data(), text.size(), sealed.data(), sealed.size(), kBase64Variant);
    text.pop_back();  // the terminating NUL
    return text;
}

ChangeCursors::Opened ChangeCursors::open(std::string_view text) const {
    using Kind = Opened::Kind;
    if (is_unsealed_cursor(text))
        return {Kind::Foreign, 0};
    std::array<unsigned char, kSealedBytes> sealed{};
    std::size_t decoded = 0;
    const char* end = nullptr;
    if (text.size() != kCursorLength ||
        sodium_base642bin(sealed.data(), sealed.size(), text.data(), text.size(), nullptr, &decoded,
                          &end, kBase64Variant) != 0 ||
        decoded != sealed.size() || end != text.data() + text.size()) {
        return {Kind::Malformed, 0};
    }
    const unsigned char* nonce = sealed.data();
    std::array<unsigned char, kSequenceBytes> plain{};
    if (crypto_secretbox_open_easy(plain.data(), nonce + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES, nonce,
                                   key_.data()) != 0) {
        return {Kind::Foreign, 0};
    }
    Sequence sequence = 0;
    for (std::size_t i = 0; i < plain.size(); ++i)
        sequence |= static_cast<Sequence>(plain[i]) << (8 * i);
    return {Kind::Position, sequence};
}

}  // namespace orgdesk::server
