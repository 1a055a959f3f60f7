#pragma once
// What `update` asks the outside world to do. The net layer turns each into an HTTP call (the
// browser's fetch in the web build) and reports the answer back as an HttpAnswered event.
#include <string>
#include <variant>

#include "app/state.hpp"

namespace orgdesk::app {

// What a request was for, so its answer can be routed back.
enum class Purpose {
    SignIn,
    SignOut,
    ListCustomers,
    MoreCustomers,
    LoadCustomer,
    CustomerAction,
    CreateCustomer,
    LoadMembers,
    LoadHistory,
    LoadSellers,
};

struct HttpRequest {
    RequestId id = 0;
    Purpose purpose = Purpose::ListCustomers;
    std::string method;
    std::string path;            // e.g. "/api/v1/customers?status=New"
    std::string body;            // JSON, or empty
    std::string token;           // empty when signed out
    std::string ifMatch;         // the version the change is based on, or empty
    std::string idempotencyKey;  // for creates, or empty
};

using Effect = std::variant<HttpRequest>;

}  // namespace orgdesk::app
