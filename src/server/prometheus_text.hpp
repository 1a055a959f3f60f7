#pragma once
// Writes the Prometheus text exposition format (version 0.0.4): "# HELP" and "# TYPE" lines, then
// the family's samples, `name{label="value",...} number`, one a line. Label values and help
// texts are escaped as the format says, so no value can break a line.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace orgdesk::server {

inline constexpr std::string_view kPrometheusContentType =
    "text/plain; version=0.0.4; charset=utf-8";

using PrometheusLabels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class PrometheusText {
  public:
    // Starts a family: `type` is "counter", "gauge" or "histogram". Each family once.
    void family(std::string_view name, std::string_view type, std::string_view help);
    void sample(std::string_view name, PrometheusLabels labels, std::uint64_t value);
    void sample(std::string_view name, PrometheusLabels labels, double value);
    // One sample whose last label is `le` (a histogram bucket): its bound, "+Inf" for the last.
    void bucket(std::string_view name, PrometheusLabels labels, std::string_view le,
                std::uint64_t count);

    const std::string& text() const { return text_; }
    std::string take() { return std::move(text_); }

  private:
    void begin_sample(std::string_view name, PrometheusLabels labels);
    void end_labels(bool any);

    std::string text_;
};

}  // namespace orgdesk::server
