#pragma once
// Request ids (X-Request-Id): one per request, so that a person's screenshot of an error (which
// shows the problem's `requestId`) leads to the server's log line of that very request. A proxy
// or client in front may bring its own id, kept when it is sane; otherwise the server makes one.
#include <string>
#include <string_view>

#include "server/http_types.hpp"

namespace orgdesk::server {

inline constexpr std::size_t kMaxRequestIdLength = 64;

// `given` (the request's X-Request-Id, empty when there is none) if it is 1 to 64 letters,
// digits and "-_.:", else a new id: anything else could forge log lines or carry a secret.
std::string request_id_for(std::string_view given);

// 32 random hex digits. Random, not counted: a counter would tell every client how busy the
// server is (as the change feed's cursors once did). No system call per id.
std::string new_request_id();

// Puts the id on an answer: the X-Request-Id header, and `requestId` in a problem+json body.
void tag_with_request_id(Response& response, std::string_view requestId);

}  // namespace orgdesk::server
