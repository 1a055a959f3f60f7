#pragma once
// Carries out HttpRequest effects with the browser's fetch (emscripten_fetch) and collects the
// answers, which the main loop feeds back into `update` as HttpAnswered events.
#include <emscripten/fetch.h>

#include <vector>

#include "app/effects.hpp"
#include "app/events.hpp"

namespace orgdesk::app::web {

class FetchClient {
  public:
    void send(const HttpRequest& request);
    // The answers that arrived since the last call, in arrival order.
    std::vector<HttpAnswered> take_answers();
    // Whether a request is on its way that the person waits for (not a long-poll, which the
    // server holds open while nothing happens).
    bool in_flight() const { return inFlight_ > 0; }
    // Whether such requests have kept the person waiting for more than `ms` without a break.
    bool waiting_longer_than(double ms) const;

  private:
    struct Call;
    static void on_done(emscripten_fetch_t* fetch);

    std::vector<HttpAnswered> answers_;
    int inFlight_ = 0;
    double waitingSinceMs_ = 0;  // when inFlight_ last rose from zero
};

}  // namespace orgdesk::app::web
