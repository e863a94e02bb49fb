// What every benchmark measures with: a steady clock and this process's peak RSS.
#pragma once

#include <sys/resource.h>

#include <chrono>

namespace hsg::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The peak resident set of this process so far, in MiB (ru_maxrss is KiB on Linux).
inline double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace hsg::bench
