// The offline sandbox build: requests go to the platform running in this page. Each is handled
// on a later turn of the browser's event loop, so the app sees answers arrive as it does over
// the network (never inside the update that asked).
#include <emscripten/emscripten.h>

#include <memory>
#include <utility>

#include "app/web/browser.hpp"
#include "app/web/transport.hpp"
#include "local/local_platform.hpp"

namespace orgdesk::local {
namespace {

class LocalTransport final : public app::web::Transport {
  public:
    void send(const app::HttpRequest& request) override {
        waiting_.started(request);
        emscripten_async_call(handle_later, new Call{this, request}, 0);
    }

    std::vector<app::HttpAnswered> take_answers() override {
        std::vector<app::HttpAnswered> answers;
        answers.swap(answers_);
        return answers;
    }

    bool in_flight() const override { return waiting_.any(); }
    bool waiting_longer_than(double ms) const override { return waiting_.longer_than(ms); }

  private:
    struct Call {
        LocalTransport* transport;
        app::HttpRequest request;
    };

    static void handle_later(void* arg) {
        std::unique_ptr<Call> call(static_cast<Call*>(arg));
        LocalTransport* self = call->transport;
        const bool longPoll = call->request.longPoll;
        // Created on the first request, so the page draws its first frame without waiting.
        if (!self->platform_)
            self->platform_ = std::make_unique<LocalPlatform>();
        self->platform_->handle(call->request, [self, longPoll](app::HttpAnswered answer) {
            self->answers_.push_back(std::move(answer));
            self->waiting_.finished(longPoll);
            app::web::wake();
        });
    }

    std::unique_ptr<LocalPlatform> platform_;
    std::vector<app::HttpAnswered> answers_;
    app::web::WaitingRequests waiting_;
};

}  // namespace
}  // namespace orgdesk::local

namespace orgdesk::app::web {

Transport& transport() {
    static local::LocalTransport local;
    return local;
}

}  // namespace orgdesk::app::web
