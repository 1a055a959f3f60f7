#pragma once
// Session tokens: "<id>.<secret>". The id (16 random bytes, hex) finds the session; the secret
// (32 random bytes, base64url) proves the bearer holds it. The server keeps only a hash of the
// secret, so a leaked database holds no usable token.
#include <optional>
#include <string>
#include <string_view>

namespace orgdesk::server {

struct SessionToken {
    std::string id;
    std::string secret;

    std::string text() const { return id + "." + secret; }
};

SessionToken generate_session_token();

// nullopt for anything not shaped like a token this server made.
std::optional<SessionToken> parse_session_token(std::string_view text);

// Hex of a keyless BLAKE2b hash of the secret. The secret has 256 random bits, so it needs no
// slow hash: nobody can guess it from its hash.
std::string hash_token_secret(std::string_view secret);

// Compares in constant time.
bool token_secret_matches(std::string_view secret, std::string_view storedHashHex);

}  // namespace orgdesk::server
