#include "server/change_routes.hpp"

#include <charconv>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "server/problems.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

using Sequence = platform::ChangeFeed::Sequence;

constexpr int kDefaultWaitSeconds = 25;  // under common proxies' 30 s idle limits

std::string cursor_of(std::int64_t epoch, Sequence sequence) {
    return std::to_string(epoch) + "." + std::to_string(sequence);
}

struct Cursor {
    std::int64_t epoch = 0;
    Sequence sequence = 0;
};

std::optional<Cursor> parse_cursor(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    Cursor cursor;
    const auto a = std::from_chars(text.data(), text.data() + dot, cursor.epoch);
    const auto b =
        std::from_chars(text.data() + dot + 1, text.data() + text.size(), cursor.sequence);
    if (a.ec != std::errc{} || a.ptr != text.data() + dot || b.ec != std::errc{} ||
        b.ptr != text.data() + text.size())
        return std::nullopt;
    return cursor;
}

StringResponse changes_response(std::int64_t epoch, Sequence sequence, bool changed) {
    return json_response(http::status::ok,
                         {{"cursor", cursor_of(epoch, sequence)}, {"changed", changed}});
}

// What a waiting request and the feed's wake-up share: whichever of "the change came" and "the
// connection is ready to send" happens second sends the answer.
struct Waiting {
    std::mutex mutex;
    std::optional<Sequence> changedAt;
    DeferredResponse::Send send;
};

RouteResponse changes(platform::ChangeFeed& feed, std::int64_t epoch,
                      const RequestContext& context) {
    const auto current = [&] { return changes_response(epoch, feed.current(), true); };
    const auto after = context.query.find("after");
    if (after == context.query.end() || after->second.empty())
        return changes_response(epoch, feed.current(), false);
    const auto cursor = parse_cursor(after->second);
    if (!cursor) {
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
    if (cursor->epoch != epoch)
        return current();  // from before a restart: everything may have changed

    auto waiting = std::make_shared<Waiting>();
    const auto waitId = feed.wait(cursor->sequence, core::scope_of(context.caller->principal),
                                  [waiting, epoch](Sequence sequence) {
                                      std::lock_guard lock(waiting->mutex);
                                      if (waiting->send)
                                          waiting->send(changes_response(epoch, sequence, true));
                                      else
                                          waiting->changedAt = sequence;
                                  });
    if (waitId == 0)
        return current();

    DeferredResponse deferred;
    deferred.timeout = std::chrono::seconds(waitSeconds);
    deferred.start = [waiting, epoch](DeferredResponse::Send send) {
        std::lock_guard lock(waiting->mutex);
        if (waiting->changedAt)
            send(changes_response(epoch, *waiting->changedAt, true));
        else
            waiting->send = std::move(send);
    };
    deferred.onTimeout = [epoch, sequence = cursor->sequence] {
        return changes_response(epoch, sequence, false);
    };
    deferred.cancel = [&feed, waitId] { feed.cancel(waitId); };
    return deferred;
}

}  // namespace

void add_change_routes(Router& router, platform::ChangeFeed& feed, std::int64_t epoch) {
    router.add({http::verb::get, "/api/v1/changes", Access::SignedIn, std::nullopt,
                [&feed, epoch](const RequestContext& c) { return changes(feed, epoch, c); },
                /*backgroundPoll=*/true});
}

}  // namespace orgdesk::server
