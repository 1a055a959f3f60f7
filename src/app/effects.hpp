#pragma once
// What `update` asks the outside world to do. The net layer turns each request into an HTTP call
// (the browser's fetch in the web build) and reports the answer back as an HttpAnswered event;
// a timer reports back as TimerFired.
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
    ListOrders,
    MoreOrders,
    LoadOrder,
    DecideOrder,
    DecideOrders,  // one decision on many orders
    LoadOrderingCustomer,
    LoadProducts,
    PlaceOrder,
    LoadSubscriptions,
    SubscriptionAction,
    WatchChanges,
    StartSandbox,
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
    // The server holds it open until something changes: waiting for it is not activity, so it
    // must not keep the frame loop drawing.
    bool longPoll = false;
};

// Reports TimerFired{id} after `delayMs` (a retry's backoff).
struct StartTimer {
    RequestId id = 0;
    int delayMs = 0;
};

// Puts `text` on the system clipboard.
struct CopyText {
    std::string text;
};

using Effect = std::variant<HttpRequest, StartTimer, CopyText>;

}  // namespace orgdesk::app
