#include "server/termination_signals.hpp"

#include <csignal>

namespace orgdesk::server {

TerminationSignals::TerminationSignals() : signals_(context_, SIGINT, SIGTERM) {}

int TerminationSignals::wait() {
    int received = 0;
    signals_.async_wait(
        [&received](const boost::system::error_code&, int number) { received = number; });
    context_.run();
    return received;
}

}  // namespace orgdesk::server
