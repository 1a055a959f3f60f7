#pragma once
// Accepts connections on one endpoint and gives each its own HttpSession, on the server's I/O
// threads in turn.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

#include "server/connection_limits.hpp"
#include "server/http_application.hpp"
#include "server/request_metrics.hpp"
#include "server/session_registry.hpp"

namespace orgdesk::server {

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    // Binds and listens at once; throws std::runtime_error saying why when it cannot. Accepts on
    // the first of `contexts`; each context is run by one thread.
    Listener(const std::vector<boost::asio::io_context*>& contexts,
             const boost::asio::ip::tcp::endpoint& endpoint, const HttpApplication& application,
             const ConnectionLimits& limits, SessionRegistry& sessions, RequestMetrics& metrics);

    // The bound port (the one the system chose, when asked for port 0).
    std::uint16_t port() const;

    void start();
    // From any thread: stops accepting, then asks every connection to close when idle.
    void stop();

  private:
    void accept();
    void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

    std::vector<boost::asio::io_context*> contexts_;
    std::size_t nextContext_ = 0;  // used on the acceptor's thread only
    boost::asio::ip::tcp::acceptor acceptor_;
    const HttpApplication& application_;
    ConnectionLimits limits_;
    SessionRegistry& sessions_;
    RequestMetrics& metrics_;
};

}  // namespace orgdesk::server
