#pragma once
// Carries out HttpRequest effects with the browser's fetch (emscripten_fetch) and collects the
// answers, which the main loop feeds back into `update` as HttpAnswered events.
#include <emscripten/fetch.h>

#include <vector>

#include "app/effects.hpp"
#include "app/events.hpp"
#include "app/web/transport.hpp"

namespace orgdesk::app::web {

class FetchClient final : public Transport {
  public:
    void send(const HttpRequest& request) override;
    std::vector<HttpAnswered> take_answers() override;
    bool in_flight() const override { return waiting_.any(); }
    bool waiting_longer_than(double ms) const override { return waiting_.longer_than(ms); }

  private:
    struct Call;
    static void on_done(emscripten_fetch_t* fetch);

    std::vector<HttpAnswered> answers_;
    WaitingRequests waiting_;
};

}  // namespace orgdesk::app::web
