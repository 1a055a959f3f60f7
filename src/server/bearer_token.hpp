#pragma once
// Where a request carries its session token: "Authorization: Bearer <token>", or, for
// integrations written against the seed's webservice, "Authtoken: <token>" with an optional
// "QSDK " prefix.
#include <optional>
#include <string_view>

#include "server/http_types.hpp"

namespace orgdesk::server {

// nullopt when the request names no token at all.
std::optional<std::string_view> token_from_headers(const Request& request);

// A token as Commvault clients write it ("QSDK <token>"), without that prefix.
std::string_view without_qsdk(std::string_view value);

}  // namespace orgdesk::server
