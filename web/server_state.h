// What every request handler shares: the options, the clocks, the sessions and the
// sign-in rate limit. One per server; the store itself is reached through this thread's
// connection (web/thread_database.h).
#pragma once

#include "web/clock.h"
#include "web/login_limiter.h"
#include "web/serve_options.h"
#include "web/sessions.h"

namespace hsg::web {

struct ServerState {
  ServerState(ServeOptions serve_options, Clock server_clock)
      : options(std::move(serve_options)),
        clock(std::move(server_clock)),
        sessions(options.sessions, clock.monotonic),
        limiter(options.login_attempts, clock.monotonic) {}

  ServeOptions options;
  Clock clock;
  SessionStore sessions;
  LoginLimiter limiter;
};

}  // namespace hsg::web
