#pragma once
// The wire contract of DESIGN.md ("Wire contract"), written once for the server and the web app.
// Decoders never throw (exceptions are off in the Wasm build): bad input becomes an InvalidInput
// Error naming the fields at fault.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access_policy.hpp"
#include "core/error.hpp"
#include "core/organization.hpp"
#include "core/result.hpp"

namespace orgdesk::core {

using Json = nlohmann::json;

// An organization as one caller sees it: the data plus the actions that caller may take now.
struct CustomerView {
    Organization org;
    std::vector<OrgAction> actions;
};

struct CustomerPage {
    std::vector<CustomerView> items;
    std::optional<std::string> nextCursor;
    // Organizations per status in the caller's whole scope (for the "New" badge), not per page.
    std::map<OrgStatus, int> counts;
};

struct Credentials {
    std::string username;
    std::string password;
};

struct LoginResult {
    std::string token;
    std::int64_t expiresAtMs = 0;
    Principal user;
};

// Parses text as JSON without throwing.
Result<Json> parse_json(std::string_view text);

// The fields of an organization that requests may set, as create and PATCH bodies write them;
// the customer JSON is these plus what Orgdesk owns (ids, status, version, times, actions).
Json editable_json(const Organization& org);
Json to_json(const CustomerView& view);
// The same JSON as text, written without building the tree first: what the server answers.
std::string to_json_text(const CustomerView& view);
Result<CustomerView> customer_view_from_json(const Json& json);
Json to_json(const CustomerPage& page);
std::string to_json_text(const CustomerPage& page);
Result<CustomerPage> customer_page_from_json(const Json& json);

Json to_json(const Principal& principal);
Result<Principal> principal_from_json(const Json& json);
Json to_json(const Credentials& credentials);
Result<Credentials> credentials_from_json(const Json& json);
Json to_json(const LoginResult& login);
Result<LoginResult> login_result_from_json(const Json& json);

// application/problem+json.
int http_status_of(ErrorKind kind);
Json problem_to_json(const Error& error);
Error problem_from_json(int httpStatus, const Json& json);

}  // namespace orgdesk::core
