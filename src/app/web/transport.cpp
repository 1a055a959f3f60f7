#include "app/web/transport.hpp"

#include <emscripten/emscripten.h>

namespace orgdesk::app::web {

std::vector<std::pair<std::string, std::string>> request_headers(const HttpRequest& request) {
    std::vector<std::pair<std::string, std::string>> headers{{"Accept", "application/json"}};
    if (!request.body.empty())
        headers.emplace_back("Content-Type", "application/json");
    if (!request.token.empty())
        headers.emplace_back("Authorization", "Bearer " + request.token);
    if (!request.ifMatch.empty())
        headers.emplace_back("If-Match", request.ifMatch);
    if (!request.idempotencyKey.empty())
        headers.emplace_back("Idempotency-Key", request.idempotencyKey);
    return headers;
}

void WaitingRequests::started(const HttpRequest& request) {
    if (!request.longPoll && count_++ == 0)
        sinceMs_ = emscripten_get_now();
}

void WaitingRequests::finished(bool longPoll) {
    if (!longPoll)
        --count_;
}

bool WaitingRequests::longer_than(double ms) const {
    return count_ > 0 && emscripten_get_now() - sinceMs_ > ms;
}

}  // namespace orgdesk::app::web
