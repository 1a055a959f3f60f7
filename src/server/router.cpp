#include "server/router.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/text.hpp"

namespace orgdesk::server {
namespace {

bool is_placeholder(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::string_view placeholder_name(std::string_view segment) {
    return segment.substr(1, segment.size() - 2);
}

// Two patterns that match the same paths, whatever their placeholders are called (and, for a
// route of any case, whatever case its literals have).
bool same_shape(const std::vector<std::string>& a, const std::vector<std::string>& b,
                bool anyCase) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [anyCase](const std::string& x, const std::string& y) {
                          if (is_placeholder(x))
                              return is_placeholder(y);
                          return anyCase ? core::equal_ignoring_case(x, y) : x == y;
                      });
}

// Captures into `params` only when the whole path matches.
bool match(const std::vector<std::string>& pattern, bool anyCase,
           const std::vector<std::string>& segments, PathParams& params) {
    if (pattern.size() != segments.size())
        return false;
    PathParams captured;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (is_placeholder(pattern[i])) {
            if (segments[i].empty())
                return false;
            captured.emplace(std::string(placeholder_name(pattern[i])), segments[i]);
        } else if (anyCase ? !core::equal_ignoring_case(pattern[i], segments[i])
                           : pattern[i] != segments[i]) {
            return false;
        }
    }
    params = std::move(captured);
    return true;
}

}  // namespace

const std::string& RequestContext::param(std::string_view name) const {
    const auto it = params.find(name);
    if (it == params.end()) {
        throw std::logic_error("route has no path parameter " + std::string(name));
    }
    return it->second;
}

void Router::add(Route route) {
    if (route.pattern.empty() || route.pattern.front() != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + route.pattern);
    }
    auto segments = decode_path_segments(route.pattern);
    if (!segments)
        throw std::invalid_argument("malformed route pattern: " + route.pattern);
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        if (routes_[i].method == route.method &&
            same_shape(patterns_[i], *segments, route.anyCase || routes_[i].anyCase)) {
            throw std::invalid_argument("route added twice: " + route.pattern);
        }
    }
    routes_.push_back(std::move(route));
    patterns_.push_back(std::move(*segments));
}

RouteLookup Router::find(http::verb method, const std::vector<std::string>& segments) const {
    std::set<std::string_view> allowed;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        PathParams params;
        if (!match(patterns_[i], routes_[i].anyCase, segments, params))
            continue;
        if (routes_[i].method == method)
            return RouteFound{&routes_[i], std::move(params)};
        allowed.insert(http::to_string(routes_[i].method));
    }
    if (allowed.empty())
        return RouteMissing{};
    std::string allow;
    for (const auto name : allowed) {
        if (!allow.empty())
            allow += ", ";
        allow += name;
    }
    return RouteWrongMethod{std::move(allow)};
}

}  // namespace orgdesk::server
