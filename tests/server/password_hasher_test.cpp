// The password hasher: the decoy an unknown username is checked against costs a full Argon2id
// hash, made when it is first needed or when the server asks for it at start.
#include <gtest/gtest.h>

#include "server/password_hasher.hpp"

namespace orgdesk::server {
namespace {

TEST(PasswordHasher, MakesNoHashUntilOneIsNeeded) {
    // The offline sandbox creates one and never signs anyone in with a password.
    PasswordHasher hasher;
    EXPECT_EQ(hasher.peak_running(), 0);
}

TEST(PasswordHasher, AnUnknownUsernameIsCheckedAgainstTheDecoyOnFirstUse) {
    PasswordHasher hasher;
    hasher.verify_nothing("guess");
    EXPECT_EQ(hasher.peak_running(), 1);  // one at a time: the decoy's hash, then its check
    hasher.verify_nothing("guess");
    EXPECT_EQ(hasher.running(), 0);
}

TEST(PasswordHasher, TheDecoyIsMadeOnceWhenPrepared) {
    PasswordHasher hasher;
    hasher.prepare_decoy();
    hasher.prepare_decoy();
    EXPECT_EQ(hasher.peak_running(), 1);
    const std::string real = hasher.hash("correct horse");
    EXPECT_TRUE(hasher.verify(real, "correct horse"));
    EXPECT_FALSE(hasher.verify(real, "wrong horse"));
}

}  // namespace
}  // namespace orgdesk::server
