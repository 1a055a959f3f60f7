#include "core/password_change.hpp"

#include <algorithm>

#include "core/json_reader.hpp"
#include "core/request_codecs.hpp"
#include "core/text.hpp"

namespace orgdesk::core {
namespace {

// Characters, not bytes: UTF-8 continuation bytes do not start a character.
std::size_t character_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace

Result<PasswordChange> password_change_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    errors = unknown_fields(json, {"currentPassword", "newPassword"});
    PasswordChange change{r.text("currentPassword"), r.text("newPassword")};
    if (!errors.empty())
        return invalid(std::move(errors), "Enter your current password and a new one.");
    return change;
}

std::optional<FieldError> new_password_problem(std::string_view username,
                                               const PasswordChange& change) {
    const std::string_view proposed = change.newPassword;
    const auto length = character_count(proposed);
    if (length < static_cast<std::size_t>(kMinPasswordCharacters)) {
        return FieldError{
            "newPassword",
            "must have at least " + std::to_string(kMinPasswordCharacters) + " characters"};
    }
    if (length > static_cast<std::size_t>(kMaxPasswordCharacters)) {
        return FieldError{
            "newPassword",
            "must have at most " + std::to_string(kMaxPasswordCharacters) + " characters"};
    }
    if (equal_ignoring_case(proposed, username))
        return FieldError{"newPassword", "must not be your username"};
    if (proposed == change.currentPassword)
        return FieldError{"newPassword", "must differ from your current password"};
    return std::nullopt;
}

Error new_password_refused(const FieldError& problem) {
    return make_error(ErrorKind::InvalidInput, "new-password-invalid",
                      "The new password " + problem.message + ".", {problem});
}

}  // namespace orgdesk::core
