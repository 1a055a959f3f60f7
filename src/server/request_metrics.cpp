#include "server/request_metrics.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

#include <fmt/format.h>

#include "server/prometheus_text.hpp"

namespace orgdesk::server {
namespace {

// The methods the rows without a route are kept by; any other counts as "other".
constexpr std::array<http::verb, 7> kMethods{
    http::verb::get,   http::verb::head,    http::verb::post,   http::verb::put,
    http::verb::patch, http::verb::delete_, http::verb::options};

std::size_t method_index(http::verb method) {
    const auto* found = std::find(kMethods.begin(), kMethods.end(), method);
    return static_cast<std::size_t>(found - kMethods.begin());  // kMethods.size(): other
}

std::string method_name(std::size_t index) {
    return index < kMethods.size() ? std::string(http::to_string(kMethods[index])) : "other";
}

}  // namespace

RequestMetrics::RequestMetrics(std::vector<const Router*> routers) {
    const auto add_row = [this](std::string route, std::string method) {
        auto row = std::make_unique<Row>();
        row->route = std::move(route);
        row->method = std::move(method);
        rows_.push_back(std::move(row));
    };
    for (const Router* router : routers) {
        const auto& routes = router->routes();
        routeRanges_.emplace_back(routes.data(), routes.data() + routes.size());
        firstRowOfRouter_.push_back(rows_.size());
        for (const auto& route : routes)
            add_row(route.pattern, std::string(http::to_string(route.method)));
    }
    firstStaticRow_ = rows_.size();
    for (std::size_t m = 0; m <= kMethods.size(); ++m)
        add_row("static", method_name(m));
    firstUnroutedRow_ = rows_.size();
    for (std::size_t m = 0; m <= kMethods.size(); ++m)
        add_row("unmatched", method_name(m));
}

std::size_t RequestMetrics::row_of(const Route* route, http::verb method, bool staticFile) const {
    if (route != nullptr) {
        for (std::size_t r = 0; r < routeRanges_.size(); ++r) {
            const auto [first, last] = routeRanges_[r];
            // std::less: a total order even for pointers into different routers' tables.
            if (!std::less<>{}(route, first) && std::less<>{}(route, last))
                return firstRowOfRouter_[r] + static_cast<std::size_t>(route - first);
        }
    }
    return (staticFile ? firstStaticRow_ : firstUnroutedRow_) + method_index(method);
}

std::size_t RequestMetrics::status_index(unsigned status) {
    const auto* found = std::lower_bound(kStatuses.begin(), kStatuses.end(), status);
    if (found == kStatuses.end() || *found != status)
        return kStatuses.size();
    return static_cast<std::size_t>(found - kStatuses.begin());
}

void RequestMetrics::record(std::size_t row, unsigned status,
                            std::chrono::steady_clock::duration elapsed) {
    Row& r = *rows_[row];
    r.byStatus[status_index(status)].fetch_add(1, std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(elapsed).count();
    const auto* bound = std::lower_bound(kBucketBounds.begin(), kBucketBounds.end(), seconds);
    r.byBucket[static_cast<std::size_t>(bound - kBucketBounds.begin())].fetch_add(
        1, std::memory_order_relaxed);
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
    r.nanoseconds.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, ns)),
                            std::memory_order_relaxed);
}

void RequestMetrics::write(PrometheusText& out) const {
    out.family("orgdesk_http_requests_total", "counter",
               "Requests answered, by route pattern, method and status.");
    for (const auto& row : rows_) {
        for (std::size_t s = 0; s < row->byStatus.size(); ++s) {
            const auto count = row->byStatus[s].load(std::memory_order_relaxed);
            if (count == 0)
                continue;
            const std::string status =
                s < kStatuses.size() ? std::to_string(kStatuses[s]) : "other";
            out.sample("orgdesk_http_requests_total",
                       {{"route", row->route}, {"method", row->method}, {"status", status}}, count);
        }
    }
    out.family("orgdesk_http_request_duration_seconds", "histogram",
               "Time from a request's first header byte to its answer written, by route pattern "
               "and method.");
    for (const auto& row : rows_) {
        // Read once: the buckets, their sum and the count then agree with each other.
        std::array<std::uint64_t, kBucketBounds.size() + 1> buckets{};
        std::uint64_t total = 0;
        for (std::size_t b = 0; b < buckets.size(); ++b) {
            buckets[b] = row->byBucket[b].load(std::memory_order_relaxed);
            total += buckets[b];
        }
        if (total == 0)
            continue;
        const PrometheusLabels labels{{"route", row->route}, {"method", row->method}};
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < kBucketBounds.size(); ++b) {
            cumulative += buckets[b];
            out.bucket("orgdesk_http_request_duration_seconds_bucket", labels,
                       fmt::format("{}", kBucketBounds[b]), cumulative);
        }
        out.bucket("orgdesk_http_request_duration_seconds_bucket", labels, "+Inf", total);
        out.sample("orgdesk_http_request_duration_seconds_sum", labels,
                   static_cast<double>(row->nanoseconds.load(std::memory_order_relaxed)) / 1e9);
        out.sample("orgdesk_http_request_duration_seconds_count", labels, total);
    }
}

}  // namespace orgdesk::server
