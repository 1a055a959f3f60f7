#include "local/local_platform.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include "app/web/transport.hpp"

namespace orgdesk::local {
namespace {

namespace http = server::http;

// Every request of the offline sandbox comes from the one person using the page.
constexpr std::string_view kClientAddress = "127.0.0.1";

// The instance the provisioning timer reaches (one platform per page).
LocalPlatform* instance = nullptr;

server::Request beast_request(const app::HttpRequest& request) {
    server::Request beast{http::string_to_verb(request.method), request.path, 11};
    beast.set(http::field::host, "localhost");
    for (const auto& [name, value] : app::web::request_headers(request))
        beast.set(name, value);
    beast.body() = request.body;
    beast.prepare_payload();
    return beast;
}

app::HttpAnswered answered(const app::HttpRequest& request, const server::StringResponse& r) {
    return {request.id, request.purpose, static_cast<int>(r.result_int()), r.body()};
}

// A long poll waiting for a change: answered by the change, or by its timeout, whichever comes
// first (the server's connection does the same with its timer).
struct LongPoll {
    server::DeferredResponse deferred;
    app::HttpRequest request;
    LocalPlatform::Answer answer;
    bool answered = false;

    void finish(const server::StringResponse& response) {
        if (answered)
            return;
        answered = true;
        answer(local::answered(request, response));
    }
};

void long_poll_timed_out(void* poll) {
    std::unique_ptr<std::shared_ptr<LongPoll>> held(static_cast<std::shared_ptr<LongPoll>*>(poll));
    auto& waiting = **held;
    if (waiting.answered)
        return;
    if (waiting.deferred.cancel)
        waiting.deferred.cancel();
    waiting.finish(waiting.deferred.onTimeout());
}

}  // namespace

server::ServerOptions LocalPlatform::options() {
    server::ServerOptions options;
    // No threads in the page: password work runs as it is asked for.
    options.maxConcurrentPasswordHashes = 0;
    // One visitor, whose sandboxes live as long as the page: no limits between visitors.
    options.sandboxes.limits.maxLive = 1000;
    options.sandboxes.limits.maxPerAddress = 1000;
    return options;
}

LocalPlatform::LocalPlatform() : store_(":memory:"), api_(store_, options(), nullptr) {
    instance = this;
    // Ended sandboxes (Reset starts a new one) are purged as the server's sweeper would, so a
    // page left open all day does not keep every earlier sandbox's rows in memory.
    emscripten_set_interval(sweep_ended_sandboxes,
                            static_cast<double>(options().sandboxes.sweepInterval.count()), this);
}

void LocalPlatform::sweep_ended_sandboxes(void* platform) {
    try {
        static_cast<LocalPlatform*>(platform)->api_.sandboxes.purge_expired();
    } catch (const std::exception& e) {
        emscripten_log(EM_LOG_ERROR, "purging ended sandboxes: %s", e.what());
    }
}

void LocalPlatform::handle(const app::HttpRequest& request, Answer answer) {
    auto result = api_.application.handle(beast_request(request), kClientAddress);
    if (auto* response = std::get_if<server::Response>(&result)) {
        // Without static files every answer is a string.
        answer(answered(request, std::get<server::StringResponse>(*response)));
    } else {
        auto poll = std::make_shared<LongPoll>(LongPoll{
            std::get<server::DeferredResponse>(std::move(result)), request, std::move(answer)});
        poll->deferred.start([poll](server::StringResponse response) { poll->finish(response); });
        if (!poll->answered) {
            emscripten_async_call(long_poll_timed_out, new std::shared_ptr<LongPoll>(poll),
                                  static_cast<int>(poll->deferred.timeout.count()));
        }
    }
    // An order approved just now starts provisioning, as on the server.
    schedule_provisioning(api_.clock());
}

void LocalPlatform::schedule_provisioning(std::int64_t atMs) {
    if (provisioningAtMs_ != 0 && provisioningAtMs_ <= atMs)
        return;  // a run comes soon enough
    provisioningAtMs_ = atMs;
    ++provisioningRun_;
    emscripten_async_call(provisioning_due, reinterpret_cast<void*>(provisioningRun_),
                          static_cast<int>(std::max<std::int64_t>(0, atMs - api_.clock())));
}

void LocalPlatform::provisioning_due(void* run) {
    if (instance == nullptr || reinterpret_cast<std::uintptr_t>(run) != instance->provisioningRun_)
        return;  // superseded by an earlier one
    instance->provisioningAtMs_ = 0;
    instance->provision();
}

void LocalPlatform::provision() {
    std::int64_t nextDueMs = 0;
    try {
        if (api_.provisioning.run_once(nextDueMs) > 0) {
            schedule_provisioning(api_.clock());  // the orders just moved have their next step
            return;
        }
    } catch (const std::exception& e) {
        emscripten_log(EM_LOG_ERROR, "provisioning: %s", e.what());
    }
    if (nextDueMs > 0)
        schedule_provisioning(nextDueMs);
}

}  // namespace orgdesk::local
