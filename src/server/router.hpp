#pragma once
// The route table: {method, pattern, access, handler}. Patterns are literal segments and
// "{name}" placeholders that capture one whole segment, e.g. "/api/v1/customers/{customerId}".
// The table is data, so tests can walk it (for example to build an authorization matrix).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/access_policy.hpp"
#include "server/caller.hpp"
#include "server/http_types.hpp"
#include "server/url.hpp"

namespace orgdesk::server {

enum class Access {
    Public,    // no token needed (sign-in, health)
    SignedIn,  // a valid session token, checked before the handler runs
};

using PathParams = std::map<std::string, std::string, std::less<>>;

struct RequestContext {
    const Request& request;
    const PathParams& params;
    const QueryParams& query;
    const Caller* caller;  // set on SignedIn routes, null on Public ones
    // The peer's IP address as text (the sign-in throttle counts by it); empty when unknown.
    std::string_view clientAddress = {};

    // The value captured by "{name}"; the route's own pattern guarantees it is there.
    const std::string& param(std::string_view name) const;
};

using Handler = std::function<RouteResponse(const RequestContext&)>;

struct Route {
    http::verb method = http::verb::get;
    std::string pattern;
    Access access = Access::SignedIn;
    // The organization action the route takes, if any: lets a test derive the expected answer
    // for every role from core::decide.
    std::optional<core::OrgAction> action;
    Handler handler;
    // A background poll (live updates): its requests do not count as the user's activity, so a
    // session left open in an idle tab still expires.
    bool backgroundPoll = false;
    // Its literal segments match whatever their case, as Commvault's Web Server matches the
    // webservice's paths ("Organization/1/action/activate"); placeholders keep theirs.
    bool anyCase = false;
};

struct RouteFound {
    const Route* route = nullptr;
    PathParams params;
};
struct RouteWrongMethod {
    std::string allow;  // the methods the path does accept, for the Allow header
};
struct RouteMissing {};
using RouteLookup = std::variant<RouteFound, RouteWrongMethod, RouteMissing>;

class Router {
  public:
    // Throws std::invalid_argument for a malformed pattern or a method and pattern added twice.
    void add(Route route);

    const std::vector<Route>& routes() const { return routes_; }

    // `segments` are the decoded path segments (see decode_path_segments).
    RouteLookup find(http::verb method, const std::vector<std::string>& segments) const;

  private:
    std::vector<Route> routes_;
    std::vector<std::vector<std::string>> patterns_;  // routes_[i]'s pattern, split in segments
};

}  // namespace orgdesk::server
