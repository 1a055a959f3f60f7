// Demo sandboxes: starting one from the sign-in screen, switching between its demo roles without
// signing in again, starting over, and counting its time down.
#include <algorithm>
#include <utility>

#include "app/sandbox_banner.hpp"
#include "app/updater.hpp"
#include "core/sign_in_limits.hpp"

namespace orgdesk::app {
namespace {

// How often the app wakes to count a sandbox's time down (the banner shows minutes).
constexpr int kSandboxTickMs = 15'000;

}  // namespace

void Updater::operator()(const SandboxStartClicked&) {
    if (state_.session || state_.signIn.pending)
        return;
    state_.signIn.error.clear();
    start_sandbox();
}

void Updater::operator()(const SandboxResetClicked&) {
    if (!state_.sandbox)
        return;
    start_sandbox();
}

void Updater::start_sandbox() {
    if (state_.pendingSandbox)
        return;
    // Sent without a token: a new sandbox is nobody's yet.
    const RequestId id = state_.nextRequestId++;
    effects_.emplace_back(HttpRequest{
        id, Purpose::StartSandbox, "POST", "/api/v1/sandbox/sessions", {}, {}, {}, {}, false});
    state_.pendingSandbox = id;
}

void Updater::sandbox_started(const HttpAnswered& a) {
    if (state_.pendingSandbox != a.id)
        return;
    state_.pendingSandbox.reset();
    const auto show_error = [this](const Notice& notice) {
        if (state_.session)
            state_.toast = Toast{notice.text, true, notice.reference};
        else
            state_.signIn.error = notice;
    };
    if (!succeeded(a))
        return show_error(notice_of(error_of(a)));
    auto sandbox =
        decode_body(a, [](const core::Json& j) { return core::sandbox_session_from_json(j); });
    if (!sandbox)
        return show_error("The server's answer could not be read. Try again.");
    const bool reset = state_.sandbox.has_value();
    // A new sandbox is a new start: nothing of the earlier session or sandbox carries over.
    sign_out({}, false);
    state_.toast.reset();
    state_.sandbox = Sandbox{sandbox->id, sandbox->expiresAtMs, std::move(sandbox->signIns), 0};
    use_sandbox_sign_in(0);
    state_.toast = Toast{reset ? "Your sandbox starts over with fresh demo data."
                               : "Welcome to your demo sandbox. Switch roles in the banner above.",
                         false};
    arm_sandbox_timer();
}

void Updater::operator()(const SandboxRoleChosen& e) {
    if (!state_.sandbox || state_.pendingSandbox)
        return;
    const auto& signIns = state_.sandbox->signIns;
    const auto found = std::find_if(signIns.begin(), signIns.end(),
                                    [&](const auto& s) { return s.user.role == e.role; });
    if (found == signIns.end() ||
        static_cast<std::size_t>(found - signIns.begin()) == state_.sandbox->current)
        return;
    const auto index = static_cast<std::size_t>(found - signIns.begin());
    // The other role sees other things: start its screens afresh, keeping the sandbox.
    auto sandbox = std::move(*state_.sandbox);
    const auto timer = state_.sandboxTimer;
    sign_out({}, false);
    state_.toast.reset();
    state_.sandbox = std::move(sandbox);
    state_.sandboxTimer = timer;
    use_sandbox_sign_in(index);
    state_.toast = Toast{"You are now " + state_.session->user.displayName + ", " +
                             std::string(core::display_name(state_.session->user.role)) + ".",
                         false};
}

void Updater::use_sandbox_sign_in(std::size_t index) {
    state_.sandbox->current = index;
    state_.signIn.username.clear();
    begin_session(state_.sandbox->signIns.at(index));
}

void Updater::arm_sandbox_timer() {
    const RequestId id = state_.nextRequestId++;
    state_.sandboxTimer = id;
    effects_.emplace_back(StartTimer{id, kSandboxTickMs});
}

void Updater::operator()(const ClockTicked& e) {
    state_.nowMs = e.nowMs;
    if (state_.sandbox && state_.session && e.nowMs >= state_.sandbox->expiresAtMs)
        sign_out(kSandboxEnded, /*isError=*/true);
}

bool Updater::sandbox_timer_fired(const TimerFired& e) {
    if (!state_.sandbox || state_.sandboxTimer != e.id)
        return false;
    arm_sandbox_timer();  // the browser reports the time with the wake-up (ClockTicked)
    return true;
}

std::string sandbox_time_left(const State& state) {
    if (!state.sandbox)
        return {};
    const std::int64_t ms = state.sandbox->expiresAtMs - state.nowMs;
    if (state.nowMs == 0)
        return {};  // not told the time yet
    if (ms < 60'000)
        return "less than a minute left";
    return core::wait_in_words(ms / 1000) + " left";
}

std::string sandbox_banner_text(const State& state) {
    const auto left = sandbox_time_left(state);
    return left.empty() ? "Demo sandbox" : "Demo sandbox  ·  " + left;
}

}  // namespace orgdesk::app
