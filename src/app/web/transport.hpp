#pragma once
// How the app's requests reach the platform: over the network with the browser's fetch, or, in
// the offline sandbox build, to the platform running inside the same page. The main loop sees
// only this; each build links exactly one definition of transport().
#include <string>
#include <utility>
#include <vector>

#include "app/effects.hpp"
#include "app/events.hpp"

namespace orgdesk::app::web {

class Transport {
  public:
    virtual ~Transport() = default;
    virtual void send(const HttpRequest& request) = 0;
    // The answers that arrived since the last call, in arrival order.
    virtual std::vector<HttpAnswered> take_answers() = 0;
    // Whether a request is on its way that the person waits for (not a long-poll, which the
    // platform holds open while nothing happens).
    virtual bool in_flight() const = 0;
    // Whether such requests have kept the person waiting for more than `ms` without a break.
    virtual bool waiting_longer_than(double ms) const = 0;
};

Transport& transport();

// The headers a request carries (name, value), the same whichever transport takes it.
std::vector<std::pair<std::string, std::string>> request_headers(const HttpRequest& request);

// The requests a person waits for, and since when: what in_flight and waiting_longer_than tell.
class WaitingRequests {
  public:
    void started(const HttpRequest& request);
    void finished(bool longPoll);
    bool any() const { return count_ > 0; }
    bool longer_than(double ms) const;

  private:
    int count_ = 0;
    double sinceMs_ = 0;  // when count_ last rose from zero
};

}  // namespace orgdesk::app::web
