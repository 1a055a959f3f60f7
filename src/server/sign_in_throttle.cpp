#include "server/sign_in_throttle.hpp"

#include <algorithm>
#include <cctype>

namespace orgdesk::server {
namespace {

using core::kAccountSignInLimit;
using core::kAddressSignInLimit;

// Usernames differ only in case for the store too, so "Ann" and "ann" share one count.
std::string account_key(std::string_view username) {
    std::string key(username);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key;
}

core::SignInVerdict judge_key(const core::SignInLimit& limit, const SignInThrottle::Failures& map,
                              const std::string& key, std::int64_t nowMs) {
    const auto it = map.find(key);
    if (it == map.end())
        return {};
    return core::judge_sign_in(limit, it->second, nowMs);
}

void add_failure(const core::SignInLimit& limit, std::vector<std::int64_t>& failures,
                 std::int64_t nowMs) {
    failures.push_back(nowMs);
    // Only the last failuresToLock failures can matter to a verdict.
    if (failures.size() > static_cast<std::size_t>(limit.failuresToLock))
        failures.erase(failures.begin());
}

// How often the maps are swept of keys whose failures can no longer matter.
constexpr std::int64_t kSweepIntervalMs = 60'000;

}  // namespace

core::SignInVerdict SignInThrottle::judge(std::string_view username, std::string_view address,
                                          std::int64_t nowMs) {
    std::lock_guard lock(mutex_);
    return core::stricter(judge_key(kAccountSignInLimit, accounts_, account_key(username), nowMs),
                          judge_key(kAddressSignInLimit, addresses_, std::string(address), nowMs));
}

void SignInThrottle::record_failure(std::string_view username, std::string_view address,
                                    std::int64_t nowMs) {
    std::lock_guard lock(mutex_);
    forget_old(nowMs);
    add_failure(kAccountSignInLimit, accounts_[account_key(username)], nowMs);
    add_failure(kAddressSignInLimit, addresses_[std::string(address)], nowMs);
}

void SignInThrottle::record_success(std::string_view username) {
    std::lock_guard lock(mutex_);
    accounts_.erase(account_key(username));
}

void SignInThrottle::forget_old(std::int64_t nowMs) {
    // Keeps memory proportional to the failures of the last half hour, not of all time.
    if (nowMs - lastSweepMs_ < kSweepIntervalMs)
        return;
    lastSweepMs_ = nowMs;
    const auto sweep = [nowMs](const core::SignInLimit& limit, Failures& map) {
        std::erase_if(map, [&](const auto& entry) {
            return !core::failure_still_counts(limit, entry.second.back(), nowMs);
        });
    };
    sweep(kAccountSignInLimit, accounts_);
    sweep(kAddressSignInLimit, addresses_);
}

}  // namespace orgdesk::server
