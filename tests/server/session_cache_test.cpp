#include "server/session_cache.hpp"

#include <gtest/gtest.h>

#include <string>

namespace orgdesk::server {
namespace {

constexpr std::int64_t kNow = 1'000'000;

platform::SessionWithUser session_of(const std::string& sessionId, const std::string& userId,
                                     std::int64_t expiresAtMs = kNow + 60'000) {
    platform::SessionWithUser found;
    found.session.id = sessionId;
    found.session.secretHash = "hash-of-" + sessionId;
    found.session.userId = userId;
    found.session.expiresAtMs = expiresAtMs;
    found.user.principal.userId = userId;
    found.user.principal.username = userId + "@demo.test";
    found.user.passwordHash = "$argon2id$secret";
    return found;
}

TEST(SessionCache, KeepsASessionWithItsUserButNotThePasswordHash) {
    SessionCache cache;
    cache.keep(session_of("s1", "u1"), kNow, cache.generation());
    const auto kept = cache.find("s1");
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->session.secretHash, "hash-of-s1");
    EXPECT_EQ(kept->user.principal.username, "u1@demo.test");
    EXPECT_TRUE(kept->user.passwordHash.empty());
    EXPECT_FALSE(cache.find("s2"));
}

TEST(SessionCache, ASignedOutSessionIsForgotten) {
    SessionCache cache;
    cache.keep(session_of("s1", "u1"), kNow, cache.generation());
    cache.keep(session_of("s2", "u1"), kNow, cache.generation());
    cache.forget("s1");
    EXPECT_FALSE(cache.find("s1"));
    EXPECT_TRUE(cache.find("s2"));
}

TEST(SessionCache, APasswordChangeForgetsEverySessionOfThatUserOnly) {
    SessionCache cache;
    cache.keep(session_of("s1", "u1"), kNow, cache.generation());
    cache.keep(session_of("s2", "u1"), kNow, cache.generation());
    cache.keep(session_of("s3", "u2"), kNow, cache.generation());
    cache.forget_user("u1");
    EXPECT_FALSE(cache.find("s1"));
    EXPECT_FALSE(cache.find("s2"));
    EXPECT_TRUE(cache.find("s3"));
}

TEST(SessionCache, AReadThatBeganBeforeASignOutIsNotKept) {
    SessionCache cache;
    const auto generation = cache.generation();  // a request starts reading s1
    cache.forget("s1");                          // meanwhile s1 signs out
    cache.keep(session_of("s1", "u1"), kNow, generation);
    EXPECT_FALSE(cache.find("s1")) << "what that read found may predate the sign-out";
}

TEST(SessionCache, RecordedUseMovesTheKeptExpiry) {
    SessionCache cache;
    cache.keep(session_of("s1", "u1"), kNow, cache.generation());
    const auto before = cache.find("s1");
    cache.touched("s1", kNow + 5, kNow + 90'000);
    const auto after = cache.find("s1");
    EXPECT_EQ(after->session.lastUsedAtMs, kNow + 5);
    EXPECT_EQ(after->session.expiresAtMs, kNow + 90'000);
    EXPECT_EQ(before->session.expiresAtMs, kNow + 60'000) << "an entry in use does not change";
}

TEST(SessionCache, WhenFullExpiredSessionsGoFirst) {
    SessionCache cache(2);
    cache.keep(session_of("old", "u1", kNow - 1), kNow - 100, cache.generation());
    cache.keep(session_of("live", "u2"), kNow, cache.generation());
    cache.keep(session_of("new", "u3"), kNow, cache.generation());
    EXPECT_FALSE(cache.find("old"));
    EXPECT_TRUE(cache.find("live"));
    EXPECT_TRUE(cache.find("new"));

    cache.keep(session_of("newer", "u4"), kNow, cache.generation());  // full of live sessions
    EXPECT_TRUE(cache.find("newer"));
    EXPECT_FALSE(cache.find("live"));
}

}  // namespace
}  // namespace orgdesk::server
