#pragma once
// Accepts connections on one endpoint and gives each its own HttpSession on its own strand.
#include <cstdint>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

#include "server/connection_limits.hpp"
#include "server/http_application.hpp"
#include "server/session_registry.hpp"

namespace orgdesk::server {

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    // Binds and listens at once; throws std::runtime_error saying why when it cannot.
    Listener(boost::asio::io_context& context, const boost::asio::ip::tcp::endpoint& endpoint,
             const HttpApplication& application, const ConnectionLimits& limits,
             SessionRegistry& sessions);

    // The bound port (the one the system chose, when asked for port 0).
    std::uint16_t port() const;

    void start();
    // From any thread: stops accepting, then asks every connection to close when idle.
    void stop();

  private:
    void accept();
    void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& context_;
    boost::asio::ip::tcp::acceptor acceptor_;
    const HttpApplication& application_;
    ConnectionLimits limits_;
    SessionRegistry& sessions_;
};

}  // namespace orgdesk::server
