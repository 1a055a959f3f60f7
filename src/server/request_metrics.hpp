#pragma once
// The requests this process answered, for /metrics: a count by route pattern, method and
// status, and a latency histogram by route pattern and method. A row of relaxed atomics per
// route (and per method for the web app's files and for requests no route took), fixed when
// the server starts: recording a request takes no lock and allocates nothing. Labels are route
// patterns, never a path, so no id or other tenant data reaches them. Counters start at zero
// with the process, as Prometheus expects.
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "server/http_types.hpp"
#include "server/router.hpp"

namespace orgdesk::server {

class PrometheusText;

class RequestMetrics {
  public:
    // The rows: one per route of each router (they must not change while serving).
    explicit RequestMetrics(std::vector<const Router*> routers);

    // Where a request's answer is counted: its route's row, or, with no route (null), the row
    // of the web app's files (`staticFile`) or of requests no route took, by method.
    std::size_t row_of(const Route* route, http::verb method, bool staticFile) const;
    void record(std::size_t row, unsigned status, std::chrono::steady_clock::duration elapsed);

    // orgdesk_http_requests_total and orgdesk_http_request_duration_seconds.
    void write(PrometheusText& out) const;

    // The histogram's upper bounds, in seconds (+Inf beyond the last).
    static constexpr std::array<double, 14> kBucketBounds{
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private:
    // The statuses counted one by one; any other (none Orgdesk sends) counts as "other".
    static constexpr std::array<unsigned, 40> kStatuses{
        200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403,
        404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421,
        422, 423, 426, 428, 429, 431, 500, 501, 502, 503, 504, 505};

    struct Row {
        std::string route;
        std::string method;
        std::array<std::atomic<std::uint64_t>, kStatuses.size() + 1> byStatus{};
        std::array<std::atomic<std::uint64_t>, kBucketBounds.size() + 1> byBucket{};
        std::atomic<std::uint64_t> nanoseconds{0};
    };

    static std::size_t status_index(unsigned status);

    std::vector<std::pair<const Route*, const Route*>> routeRanges_;  // [first, last) per router
    std::vector<std::size_t> firstRowOfRouter_;
    std::size_t firstStaticRow_ = 0;
    std::size_t firstUnroutedRow_ = 0;
    // unique_ptr: a row of atomics cannot move.
    std::vector<std::unique_ptr<Row>> rows_;
};

}  // namespace orgdesk::server
