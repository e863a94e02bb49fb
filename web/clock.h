// The server's clocks, passed in so tests can move time: a monotonic one for session
// expiry and rate limits, the UTC wall clock for the stamp of every write, and today's
// date for the assessment form and the future-date rule.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "engine/date.h"

namespace hsg::web {

using Instant = std::chrono::steady_clock::time_point;

struct Clock {
  std::function<Instant()> monotonic;
  std::function<std::string()> utc_now;  // RFC 3339 with microseconds and 'Z'
  std::function<engine::Date()> today;   // the local date, as the command line's
};

// The machine's clocks.
Clock system_clock();

}  // namespace hsg::web
