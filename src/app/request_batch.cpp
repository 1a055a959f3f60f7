#include "app/request_batch.hpp"

#include <algorithm>
#include <iterator>

namespace orgdesk::app {
namespace {

bool repeats(const HttpRequest& later, const HttpRequest& earlier) {
    return later.method == "GET" && earlier.method == "GET" && later.purpose == earlier.purpose &&
           later.path == earlier.path && later.token == earlier.token;
}

}  // namespace

std::vector<HttpRequest> without_repeated_reads(std::vector<HttpRequest> batch) {
    std::vector<HttpRequest> kept;
    kept.reserve(batch.size());
    for (auto it = batch.begin(); it != batch.end(); ++it) {
        const bool repeatedLater =
            std::any_of(std::next(it), batch.end(),
                        [&](const HttpRequest& later) { return repeats(later, *it); });
        if (!repeatedLater)
            kept.push_back(std::move(*it));
    }
    return kept;
}

}  // namespace orgdesk::app
