#pragma once
// A strict reader of the Prometheus text exposition format 0.0.4, written from its
// specification (prometheus.io/docs/instrumenting/exposition_formats), to check what GET
// /metrics writes: any line a Prometheus server would refuse, or a rule of the format broken
// (a TYPE after its samples, a family split in two, a sample twice, a histogram whose buckets
// are not cumulative or lack +Inf), throws std::invalid_argument naming the line.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgdesk::server::testing {

using PrometheusLabelSet = std::map<std::string, std::string>;

struct PrometheusSample {
    std::string name;  // as written: a histogram's have _bucket, _sum or _count
    PrometheusLabelSet labels;
    double value = 0;
};

struct PrometheusFamily {
    std::string name;
    std::string type = "untyped";
    std::string help;
    std::vector<PrometheusSample> samples;
};

struct PrometheusExposition {
    std::vector<PrometheusFamily> families;

    const PrometheusFamily* family(std::string_view name) const;
    // The value of the sample `name` with exactly `labels`; nullopt when there is none.
    std::optional<double> value(std::string_view name, const PrometheusLabelSet& labels = {}) const;
};

PrometheusExposition parse_prometheus_text(std::string_view text);

}  // namespace orgdesk::server::testing
