#include "server/change_routes.hpp"

#include <charconv>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "server/change_cursor.hpp"
#include "server/problems.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

using Sequence = platform::ChangeFeed::Sequence;

constexpr int kDefaultWaitSeconds = 25;  // under common proxies' 30 s idle limits

StringResponse changes_response(const ChangeCursors& cursors, Sequence sequence, bool changed) {
    return json_response(http::status::ok,
                         {{"cursor", cursors.seal(sequence)}, {"changed", changed}});
}

// What a waiting request and the feed's wake-up share: whichever of "the change came" and "the
// connection is ready to send" happens second sends the answer.
struct Waiting {
    std::mutex mutex;
    std::optional<Sequence> changedAt;
    DeferredResponse::Send send;
};

RouteResponse changes(platform::ChangeFeed& feed,
                      const std::shared_ptr<const ChangeCursors>& cursors,
                      const RequestContext& context) {
    const auto current = [&] { return changes_response(*cursors, feed.current(), true); };
    const auto after = context.query.find("after");
    if (after == context.query.end() || after->second.empty())
        return changes_response(*cursors, feed.current(), false);
    const auto cursor = cursors->open(after->second);
    if (cursor.kind == ChangeCursors::Opened::Kind::Malformed) {
        return problem_response(
            invalid_parameter("after", "must be a cursor from an earlier answer of this route"));
    }
    int waitSeconds = kDefaultWaitSeconds;
    if (const auto wait = context.query.find("wait"); wait != context.query.end()) {
        const auto& text = wait->second;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), waitSeconds);
        if (ec != std::errc{} || end != text.data() + text.size() || waitSeconds < 1 ||
            waitSeconds > kDefaultWaitSeconds) {
            return problem_response(
                invalid_parameter("wait", "must be a whole number of seconds from 1 to " +
                                              std::to_string(kDefaultWaitSeconds)));
        }
    }
    if (cursor.kind == ChangeCursors::Opened::Kind::Foreign)
        return current();  // from another run or instance: everything may have changed

    auto waiting = std::make_shared<Waiting>();
    const auto waitId = feed.wait(cursor.sequence, core::scope_of(context.caller->principal),
                                  [waiting, cursors](Sequence sequence) {
                                      std::lock_guard lock(waiting->mutex);
                                      if (waiting->send)
                                          waiting->send(changes_response(*cursors, sequence, true));
                                      else
                                          waiting->changedAt = sequence;
                                  });
    if (waitId == 0)
        return current();

    DeferredResponse deferred;
    deferred.timeout = std::chrono::seconds(waitSeconds);
    deferred.start = [waiting, cursors](DeferredResponse::Send send) {
        std::lock_guard lock(waiting->mutex);
        if (waiting->changedAt)
            send(changes_response(*cursors, *waiting->changedAt, true));
        else
            waiting->send = std::move(send);
    };
    // The same position, sealed afresh: whether anything happened elsewhere meanwhile, every
    // cursor a client gets looks new.
    deferred.onTimeout = [cursors, sequence = cursor.sequence] {
        return changes_response(*cursors, sequence, false);
    };
    deferred.cancel = [&feed, waitId] { feed.cancel(waitId); };
    return deferred;
}

}  // namespace

void add_change_routes(Router& router, platform::ChangeFeed& feed) {
    // Shared with the answers still waiting when the route table goes.
    auto cursors = std::make_shared<const ChangeCursors>();
    router.add({http::verb::get, "/api/v1/changes", Access::SignedIn, std::nullopt,
                [&feed, cursors](const RequestContext& c) { return changes(feed, cursors, c); },
                /*backgroundPoll=*/true});
}

}  // namespace orgdesk::server
