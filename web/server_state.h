// What every request handler shares: the options, the clocks, the sessions, the
// sign-in rate limit and the write queue. One per server. Reads use this thread's
// connection (web/thread_database.h); every write goes through the queue
// (web/write_queue.h), which opens its own connection when the server starts.
#pragma once

#include <stdexcept>
#include <utility>

#include "web/clock.h"
#include "web/login_limiter.h"
#include "web/serve_options.h"
#include "web/sessions.h"
#include "web/write_queue.h"

namespace hsg::web {

struct ServerState {
  ServerState(ServeOptions serve_options, Clock server_clock)
      : options(std::move(serve_options)),
        clock(std::move(server_clock)),
        sessions(options.sessions, clock.monotonic),
        limiter(options.login_attempts, clock.monotonic),
        writes(open_writer(options.database)) {}

  ServeOptions options;
  Clock clock;
  SessionStore sessions;
  LoginLimiter limiter;
  WriteQueue writes;

 private:
  static db::Database open_writer(const std::filesystem::path& path) {
    auto opened = db::Database::open(path);
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    return std::move(opened).value();
  }
};

}  // namespace hsg::web
