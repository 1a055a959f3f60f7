#include "server/prometheus_text.hpp"

#include <cmath>

#include <fmt/format.h>

namespace orgdesk::server {
namespace {

// A label value: backslash, double quote and line feed escaped.
void append_label_value(std::string& out, std::string_view value) {
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
}

// A help text: backslash and line feed escaped (a double quote stays as it is).
void append_help(std::string& out, std::string_view help) {
    for (const char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
}

}  // namespace

void PrometheusText::family(std::string_view name, std::string_view type, std::string_view help) {
    text_ += "# HELP ";
    text_ += name;
    text_ += ' ';
    append_help(text_, help);
    text_ += "\n# TYPE ";
    text_ += name;
    text_ += ' ';
    text_ += type;
    text_ += '\n';
}

void PrometheusText::begin_sample(std::string_view name, PrometheusLabels labels) {
    text_ += name;
    bool first = true;
    for (const auto& [label, value] : labels) {
        text_ += first ? '{' : ',';
        first = false;
        text_ += label;
        text_ += "=\"";
        append_label_value(text_, value);
        text_ += '"';
    }
    end_labels(!first);
}

void PrometheusText::end_labels(bool any) {
    if (any)
        text_ += '}';
    text_ += ' ';
}

void PrometheusText::sample(std::string_view name, PrometheusLabels labels, std::uint64_t value) {
    begin_sample(name, labels);
    fmt::format_to(std::back_inserter(text_), "{}\n", value);
}

void PrometheusText::sample(std::string_view name, PrometheusLabels labels, double value) {
    begin_sample(name, labels);
    if (std::isnan(value))
        text_ += "NaN\n";
    else if (std::isinf(value))
        text_ += value > 0 ? "+Inf\n" : "-Inf\n";
    else
        fmt::format_to(std::back_inserter(text_), "{}\n", value);
}

void PrometheusText::bucket(std::string_view name, PrometheusLabels labels, std::string_view le,
                            std::uint64_t count) {
    text_ += name;
    text_ += '{';
    for (const auto& [label, value] : labels) {
        text_ += label;
        text_ += "=\"";
        append_label_value(text_, value);
        text_ += "\",";
    }
    text_ += "le=\"";
    text_ += le;
    text_ += "\"} ";
    fmt::format_to(std::back_inserter(text_), "{}\n", count);
}

}  // namespace orgdesk::server
