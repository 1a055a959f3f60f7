#include "server/prometheus_text_parser.hpp"

#include <cmath>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <utility>

namespace orgdesk::server::testing {
namespace {

[[noreturn]] void fail(std::size_t lineNumber, const std::string& why, std::string_view line) {
    throw std::invalid_argument("line " + std::to_string(lineNumber) + ": " + why + ": " +
                                std::string(line));
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool is_name_start(char c, bool colonAllowed) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (colonAllowed && c == ':');
}

bool is_name_char(char c, bool colonAllowed) {
    return is_name_start(c, colonAllowed) || (c >= '0' && c <= '9');
}

class LineReader {
  public:
    LineReader(std::string_view line, std::size_t number) : line_(line), number_(number) {}

    void skip_blanks() {
        while (at_ < line_.size() && is_blank(line_[at_]))
            ++at_;
    }
    bool done() const { return at_ >= line_.size(); }
    char peek() const { return done() ? '\0' : line_[at_]; }
    void expect(char c) {
        if (peek() != c)
            fail(std::string("expected '") + c + "'");
        ++at_;
    }

    // [a-zA-Z_:][a-zA-Z0-9_:]* for a metric, the same without ':' for a label.
    std::string name(bool metric) {
        const std::size_t start = at_;
        if (!is_name_start(peek(), metric))
            fail(metric ? "a metric name must start with a letter, '_' or ':'"
                        : "a label name must start with a letter or '_'");
        while (!done() && is_name_char(line_[at_], metric))
            ++at_;
        return std::string(line_.substr(start, at_ - start));
    }

    // The rest of the line up to the next blank (a value or a timestamp).
    std::string token() {
        const std::size_t start = at_;
        while (!done() && !is_blank(line_[at_]))
            ++at_;
        return std::string(line_.substr(start, at_ - start));
    }

    // A quoted label value, with \\, \" and \n its only escapes.
    std::string label_value() {
        expect('"');
        std::string value;
        while (true) {
            if (done())
                fail("a label value is not closed");
            const char c = line_[at_++];
            if (c == '"')
                return value;
            if (c != '\\') {
                value += c;
                continue;
            }
            const char escaped = peek();
            ++at_;
            if (escaped == '\\')
                value += '\\';
            else if (escaped == '"')
                value += '"';
            else if (escaped == 'n')
                value += '\n';
            else
                fail("an unknown escape in a label value");
        }
    }

    std::string rest() {
        std::string text(line_.substr(std::min(at_, line_.size())));
        at_ = line_.size();
        return text;
    }

    [[noreturn]] void fail(const std::string& why) const { testing::fail(number_, why, line_); }

  private:
    std::string_view line_;
    std::size_t number_;
    std::size_t at_ = 0;
};

// A value: a Go float (what strconv.ParseFloat reads), NaN, +Inf or -Inf.
double parse_value(const std::string& text, const LineReader& reader) {
    if (text == "NaN")
        return std::nan("");
    if (text == "+Inf" || text == "Inf")
        return HUGE_VAL;
    if (text == "-Inf")
        return -HUGE_VAL;
    if (text.empty())
        reader.fail("a sample has no value");
    for (const char c : text) {
        const bool allowed =
            (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
        if (!allowed)
            reader.fail("the value " + text + " is not a number");
    }
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
        reader.fail("the value " + text + " is not a number");
    return value;
}

std::string unescape_help(const std::string& text, const LineReader& reader) {
    std::string help;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            help += text[i];
            continue;
        }
        if (i + 1 == text.size())
            reader.fail("a help text ends in a lone backslash");
        const char escaped = text[++i];
        if (escaped == '\\')
            help += '\\';
        else if (escaped == 'n')
            help += '\n';
        else
            reader.fail("an unknown escape in a help text");
    }
    return help;
}

// The family a sample belongs to: a histogram's _bucket, _sum and _count belong to it.
std::string family_of(const std::string& sample, const std::map<std::string, std::string>& types) {
    for (const std::string_view suffix : {"_bucket", "_sum", "_count"}) {
        if (sample.size() > suffix.size() &&
            sample.compare(sample.size() - suffix.size(), suffix.size(), suffix) == 0) {
            const std::string base = sample.substr(0, sample.size() - suffix.size());
            const auto type = types.find(base);
            if (type != types.end() && (type->second == "histogram" || type->second == "summary"))
                return base;
        }
    }
    return sample;
}

void check_histogram(const PrometheusFamily& family) {
    // Per label set (without le): the buckets in order, the count.
    std::map<PrometheusLabelSet, std::vector<std::pair<double, double>>> buckets;
    std::map<PrometheusLabelSet, double> counts;
    std::set<PrometheusLabelSet> sums;
    for (const auto& sample : family.samples) {
        PrometheusLabelSet labels = sample.labels;
        if (sample.name == family.name + "_bucket") {
            const auto le = labels.find("le");
            if (le == labels.end())
                throw std::invalid_argument(family.name + ": a bucket without le");
            const double bound = le->second == "+Inf" ? HUGE_VAL : std::stod(le->second);
            labels.erase(le);
            auto& list = buckets[labels];
            if (!list.empty() && list.back().first >= bound)
                throw std::invalid_argument(family.name + ": buckets not in increasing le order");
            if (!list.empty() && list.back().second > sample.value)
                throw std::invalid_argument(family.name + ": buckets are not cumulative");
            list.emplace_back(bound, sample.value);
        } else if (sample.name == family.name + "_count") {
            counts[labels] = sample.value;
        } else if (sample.name == family.name + "_sum") {
            sums.insert(labels);
        } else {
            throw std::invalid_argument(family.name + ": a histogram holds " + sample.name);
        }
    }
    for (const auto& [labels, list] : buckets) {
        if (list.empty() || !std::isinf(list.back().first))
            throw std::invalid_argument(family.name + ": no le=\"+Inf\" bucket");
        const auto count = counts.find(labels);
        if (count == counts.end() || count->second != list.back().second)
            throw std::invalid_argument(family.name + ": _count differs from the +Inf bucket");
        if (sums.count(labels) == 0)
            throw std::invalid_argument(family.name + ": no _sum");
    }
}

}  // namespace

const PrometheusFamily* PrometheusExposition::family(std::string_view name) const {
    for (const auto& f : families) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

std::optional<double> PrometheusExposition::value(std::string_view name,
                                                  const PrometheusLabelSet& labels) const {
    for (const auto& f : families) {
        for (const auto& sample : f.samples) {
            if (sample.name == name && sample.labels == labels)
                return sample.value;
        }
    }
    return std::nullopt;
}

PrometheusExposition parse_prometheus_text(std::string_view text) {
    PrometheusExposition exposition;
    std::map<std::string, std::string> types;  // by family name, from TYPE lines
    std::set<std::string> helped;
    std::set<std::string> closed;  // families whose samples have ended
    std::set<std::pair<std::string, PrometheusLabelSet>> seen;
    if (!text.empty() && text.back() != '\n')
        throw std::invalid_argument("the text does not end with a line feed");

    const auto family_named = [&](const std::string& name) -> PrometheusFamily& {
        if (exposition.families.empty() || exposition.families.back().name != name) {
            if (!exposition.families.empty())
                closed.insert(exposition.families.back().name);
            if (closed.count(name) != 0)
                throw std::invalid_argument("the family " + name + " is written in two places");
            exposition.families.push_back({name, "untyped", "", {}});
        }
        return exposition.families.back();
    };

    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        LineReader reader(line, number);
        reader.skip_blanks();
        if (reader.done())
            continue;
        if (reader.peek() == '#') {
            reader.expect('#');
            reader.skip_blanks();
            const std::string keyword = reader.token();
            if (keyword != "HELP" && keyword != "TYPE")
                continue;  // a comment
            reader.skip_blanks();
            const std::string name = reader.name(true);
            auto& family = family_named(name);
            if (keyword == "TYPE") {
                reader.skip_blanks();
                const std::string type = reader.token();
                static const std::set<std::string> kTypes{"counter", "gauge", "histogram",
                                                          "summary", "untyped"};
                if (kTypes.count(type) == 0)
                    reader.fail("an unknown type");
                if (types.count(name) != 0)
                    reader.fail("a second TYPE line for " + name);
                if (!family.samples.empty())
                    reader.fail("the TYPE line comes after the family's samples");
                reader.skip_blanks();
                if (!reader.done())
                    reader.fail("text after the type");
                types[name] = type;
                family.type = type;
            } else {
                if (helped.count(name) != 0)
                    reader.fail("a second HELP line for " + name);
                helped.insert(name);
                if (reader.peek() == ' ' || reader.peek() == '\t')
                    reader.expect(reader.peek());  // the one blank before the text
                family.help = unescape_help(reader.rest(), reader);
            }
            continue;
        }

        PrometheusSample sample;
        sample.name = reader.name(true);
        reader.skip_blanks();
        if (reader.peek() == '{') {
            reader.expect('{');
            reader.skip_blanks();
            while (reader.peek() != '}') {
                const std::string label = reader.name(false);
                if (label.rfind("__", 0) == 0)
                    reader.fail("label names starting with __ are reserved");
                reader.skip_blanks();
                reader.expect('=');
                reader.skip_blanks();
                const std::string value = reader.label_value();
                if (!sample.labels.emplace(label, value).second)
                    reader.fail("the label " + label + " twice");
                reader.skip_blanks();
                if (reader.peek() == ',') {
                    reader.expect(',');
                    reader.skip_blanks();
                } else if (reader.peek() != '}') {
                    reader.fail("expected ',' or '}'");
                }
            }
            reader.expect('}');
        }
        reader.skip_blanks();
        sample.value = parse_value(reader.token(), reader);
        reader.skip_blanks();
        if (!reader.done()) {
            const std::string timestamp = reader.token();
            char* endOfNumber = nullptr;
            static_cast<void>(std::strtoll(timestamp.c_str(), &endOfNumber, 10));
            if (timestamp.empty() || endOfNumber != timestamp.c_str() + timestamp.size())
                reader.fail("the timestamp is not an integer");
            reader.skip_blanks();
            if (!reader.done())
                reader.fail("text after the timestamp");
        }
        if (!seen.emplace(sample.name, sample.labels).second)
            reader.fail("the same sample twice");
        const std::string familyName = family_of(sample.name, types);
        auto& family = family_named(familyName);
        if ((family.type == "counter" && sample.value < 0) || std::isnan(sample.value)) {
            if (family.type == "counter")
                reader.fail("a counter below zero or NaN");
        }
        if (family.type == "histogram" && sample.name == familyName)
            reader.fail("a histogram's samples are _bucket, _sum and _count");
        family.samples.push_back(std::move(sample));
    }
    for (const auto& family : exposition.families) {
        if (family.type == "histogram")
            check_histogram(family);
    }
    return exposition;
}

}  // namespace orgdesk::server::testing
