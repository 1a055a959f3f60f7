#pragma once
// Changing one's own password: the request's wire form and the rules a new password must meet.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/json_codecs.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

struct PasswordChange {
    std::string currentPassword;
    std::string newPassword;
};

inline constexpr int kMinPasswordCharacters = 12;
// Long enough for any passphrase; bounded so nobody makes the server hash megabytes.
inline constexpr int kMaxPasswordCharacters = 256;

// {"currentPassword","newPassword"}, both strings.
Result<PasswordChange> password_change_from_json(const Json& json);

// What is wrong with `change` for the user `username` (nullopt: nothing): the new password has
// 12 to 256 characters, is not the username (in any case) and is not the current password.
std::optional<FieldError> new_password_problem(std::string_view username,
                                               const PasswordChange& change);

// The 400 for a new password with `problem`.
Error new_password_refused(const FieldError& problem);

}  // namespace orgdesk::core
