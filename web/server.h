// The web server: the routes (web/routes/routes.h) on cpp-httplib, over HTTP or, with a
// certificate and key, HTTPS, on a pool of worker threads.
//
// bind() takes the port (0: any free one) and says which; run() serves until stop(),
// which may be called from any thread: it stops accepting, lets the requests in flight
// finish, and returns from run(). Requests are bounded (a body of at most 1 MiB, read and
// write timeouts), so one slow client cannot hold a worker for long.
#pragma once

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>

#include "web/clock.h"
#include "web/route_table.h"
#include "web/serve_options.h"
#include "web/server_state.h"

namespace hsg::web {

class Server {
 public:
  // Throws std::runtime_error when the TLS certificate or key cannot be used.
  Server(ServeOptions options, Clock clock);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port now bound; throws std::runtime_error when the address cannot be bound.
  int bind();
  // Serves until stop(); false when the server failed rather than was stopped.
  bool run();
  // Safe before run() has started (run() then returns at once) and more than once.
  void stop();
  bool running() const { return http_->is_running(); }

  // "http://127.0.0.1:PORT" (https with TLS), once bound.
  std::string url() const;
  ServerState& state() { return state_; }

 private:
  ServerState state_;
  RouteTable routes_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
};

}  // namespace hsg::web
