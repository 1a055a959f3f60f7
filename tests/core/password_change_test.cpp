#include "core/password_change.hpp"

#include <gtest/gtest.h>

namespace orgdesk::core {
namespace {

std::string problem_with(std::string_view username, const PasswordChange& change) {
    const auto problem = new_password_problem(username, change);
    return problem ? problem->field + " " + problem->message : "";
}

TEST(PasswordChange, DecodesBothPasswords) {
    const auto change = password_change_from_json(
        Json{{"currentPassword", "old one"}, {"newPassword", "a much longer one"}});
    ASSERT_TRUE(change);
    EXPECT_EQ(change->currentPassword, "old one");
    EXPECT_EQ(change->newPassword, "a much longer one");
}

TEST(PasswordChange, MissingOrMistypedFieldsAreNamed) {
    const auto change = password_change_from_json(Json{{"newPassword", 12}});
    ASSERT_FALSE(change);
    EXPECT_EQ(change.error().kind, ErrorKind::InvalidInput);
    ASSERT_EQ(change.error().fields.size(), 2u);
    EXPECT_EQ(change.error().fields[0].field, "currentPassword");
    EXPECT_EQ(change.error().fields[1].field, "newPassword");
    EXPECT_FALSE(password_change_from_json(Json::array()));
}

TEST(PasswordChange, AcceptsTwelveCharactersOrMore) {
    EXPECT_EQ(problem_with("ann@demo.test", {"old", "twelve chars"}), "");
    EXPECT_EQ(problem_with("ann@demo.test", {"old", "eleven char"}),
              "newPassword must have at least 12 characters");
}

TEST(PasswordChange, CountsCharactersNotBytes) {
    // Eleven characters, 22 bytes in UTF-8.
    EXPECT_EQ(problem_with("ann", {"old", "ééééééééééé"}),
              "newPassword must have at least 12 characters");
    EXPECT_EQ(problem_with("ann", {"old", std::string(256, 'x')}), "");
    EXPECT_EQ(problem_with("ann", {"old", std::string(257, 'x')}),
              "newPassword must have at most 256 characters");
}

TEST(PasswordChange, RefusesTheUsernameInAnyCase) {
    EXPECT_EQ(problem_with("ann@demo.test", {"old", "ANN@demo.TEST"}),
              "newPassword must not be your username");
}

TEST(PasswordChange, RefusesTheCurrentPassword) {
    EXPECT_EQ(problem_with("ann", {"same password", "same password"}),
              "newPassword must differ from your current password");
}

TEST(PasswordChange, RefusalNamesTheRuleForAPerson) {
    const auto error = new_password_refused({"newPassword", "must not be your username"});
    EXPECT_EQ(error.code, "new-password-invalid");
    EXPECT_EQ(error.message, "The new password must not be your username.");
    EXPECT_EQ(error.fields.size(), 1u);
}

}  // namespace
}  // namespace orgdesk::core
