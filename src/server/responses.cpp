#include "server/responses.hpp"

namespace orgdesk::server {

StringResponse json_response(http::status status, const core::Json& body,
                             std::string_view contentType) {
    StringResponse response{status, 11};
    response.set(http::field::content_type, contentType);
    // Replace invalid UTF-8 rather than throw: a stored name must never take an answer down.
    response.body() = body.dump(-1, ' ', false, core::Json::error_handler_t::replace);
    response.prepare_payload();
    return response;
}

StringResponse json_response(http::status status, std::string body) {
    StringResponse response{status, 11};
    response.set(http::field::content_type, kJsonType);
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

StringResponse no_content() {
    StringResponse response{http::status::no_content, 11};
    response.prepare_payload();
    return response;
}

}  // namespace orgdesk::server
