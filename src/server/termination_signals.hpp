#pragma once
// SIGINT and SIGTERM, caught from construction on, so a signal that arrives while the server is
// starting still leads to an orderly stop instead of the default abrupt exit.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

namespace orgdesk::server {

class TerminationSignals {
  public:
    TerminationSignals();
    // Blocks until one of the signals arrives; returns its number.
    int wait();

  private:
    boost::asio::io_context context_;
    boost::asio::signal_set signals_;
};

}  // namespace orgdesk::server
