#include "core/sandbox.hpp"

#include <algorithm>

#include "core/json_reader.hpp"
#include "core/sign_in_limits.hpp"
#include "core/time_format.hpp"

namespace orgdesk::core {

SandboxVerdict judge_sandbox_creation(const SandboxLimits& limits, const SandboxUsage& usage,
                                      std::int64_t nowMs) {
    std::vector<std::int64_t> live;
    for (const auto at : usage.liveExpiriesMs) {
        if (at > nowMs)
            live.push_back(at);
    }
    std::vector<std::int64_t> recent;
    for (const auto at : usage.addressCreationsMs) {
        if (at > nowMs - limits.addressWindowMs && at <= nowMs)
            recent.push_back(at);
    }
    // The address limit first: it is the one the visitor can do something about.
    if (static_cast<int>(recent.size()) >= limits.maxPerAddress) {
        std::sort(recent.begin(), recent.end());
        // The creation that must leave the window for one more to fit.
        const auto leaving = recent[recent.size() - static_cast<std::size_t>(limits.maxPerAddress)];
        return {SandboxRefusal::TooManyFromAddress, leaving + limits.addressWindowMs};
    }
    if (static_cast<int>(live.size()) >= limits.maxLive) {
        std::sort(live.begin(), live.end());
        const auto freed = live[live.size() - static_cast<std::size_t>(limits.maxLive)];
        return {SandboxRefusal::TooManyLive, freed};
    }
    return {};
}

Error sandbox_refused(const SandboxVerdict& verdict, const SandboxLimits& limits,
                      std::int64_t nowMs) {
    const auto seconds = std::max<std::int64_t>(1, (verdict.retryAtMs - nowMs + 999) / 1000);
    const auto wait = "Try again in " + wait_in_words(seconds) + ".";
    Error error = verdict.refusal == SandboxRefusal::TooManyFromAddress
                      ? make_error(ErrorKind::TooManyRequests, "sandbox-address-limit",
                                   "You have started " + std::to_string(limits.maxPerAddress) +
                                       " sandboxes in the last " +
                                       wait_in_words(limits.addressWindowMs / 1000) + ". " + wait)
                      : make_error(ErrorKind::TooManyRequests, "sandbox-capacity",
                                   "All demo sandboxes are in use right now. " + wait);
    error.retryAfterSeconds = seconds;
    return error;
}

Error sandboxes_switched_off() {
    return make_error(ErrorKind::NotFound, "sandboxes-off",
                      "Demo sandboxes are switched off on this server. Sign in with your account.");
}

Json to_json(const SandboxSession& session) {
    Json signIns = Json::array();
    for (const auto& signIn : session.signIns)
        signIns.push_back(to_json(signIn));
    return {{"sandboxId", session.id},
            {"expiresAt", format_iso8601(session.expiresAtMs)},
            {"signIns", std::move(signIns)}};
}

Result<SandboxSession> sandbox_session_from_json(const Json& json) {
    std::vector<FieldError> errors;
    Reader r(json, errors);
    if (!r.valid_object())
        return not_an_object();
    SandboxSession session;
    session.id = r.text("sandboxId");
    session.expiresAtMs = r.timestamp("expiresAt");
    const Json* signIns = r.find("signIns");
    if (signIns == nullptr || !signIns->is_array() || signIns->empty())
        r.fail("signIns", "must be a list of sign-ins");
    if (!errors.empty())
        return invalid(std::move(errors));
    for (const auto& item : *signIns) {
        auto signIn = login_result_from_json(item);
        if (!signIn)
            return signIn.error();
        session.signIns.push_back(std::move(signIn).value());
    }
    return session;
}

}  // namespace orgdesk::core
