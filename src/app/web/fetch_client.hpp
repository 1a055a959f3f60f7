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

  private:
    struct Call;
    static void on_done(emscripten_fetch_t* fetch);

    std::vector<HttpAnswered> answers_;
    int inFlight_ = 0;
};

}  // namespace orgdesk::app::web
