#include "server/password_hasher.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "server/sodium_runtime.hpp"

namespace orgdesk::server {

// Holds one of the hasher's slots for its lifetime, and counts the hashes running.
class HashSlot {
  public:
    explicit HashSlot(PasswordHasher& hasher) : hasher_(hasher) {
        hasher_.slots_.acquire();
        const int now = ++hasher_.running_;
        int peak = hasher_.peak_.load();
        while (now > peak && !hasher_.peak_.compare_exchange_weak(peak, now)) {
        }
    }
    ~HashSlot() {
        --hasher_.running_;
        hasher_.slots_.release();
    }
    HashSlot(const HashSlot&) = delete;
    HashSlot& operator=(const HashSlot&) = delete;

  private:
    PasswordHasher& hasher_;
};

namespace {

std::string random_password() {
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, bytes.size() * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return hex.data();
}

}  // namespace

PasswordHasher::PasswordHasher(int maxConcurrent) : slots_(std::max(1, maxConcurrent)) {
    ensure_sodium_initialized();
}

std::string PasswordHasher::hash(std::string_view password) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    HashSlot slot(*this);
    if (crypto_pwhash_str_alg(
            out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out.data();
}

bool PasswordHasher::verify(const std::string& passwordHash, std::string_view password) {
    HashSlot slot(*this);
    return crypto_pwhash_str_verify(passwordHash.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::prepare_decoy() {
    std::call_once(decoyMade_, [this] { decoyHash_ = hash(random_password()); });
}

void PasswordHasher::verify_nothing(std::string_view password) {
    prepare_decoy();
    static_cast<void>(verify(decoyHash_, password));
}

}  // namespace orgdesk::server
