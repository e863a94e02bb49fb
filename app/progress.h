// How a long use case (replay, import, generation) reports how far it has got, so that a
// terminal bar and a web page can both show it.
//
// The use case calls started() once, advanced() as it goes (cheaply: a listener redraws
// only when it has something new to show) and finished() once, on the calling thread.
// Counting the total can itself cost a pass over a table, so a use case counts only when
// the listener wants_total(); otherwise the total it passes is 0 (unknown).
#pragma once

#include <cstdint>
#include <string_view>

namespace hsg::app {

class ProgressListener {
 public:
  virtual ~ProgressListener() = default;
  virtual bool wants_total() const { return false; }
  virtual void started(std::string_view /*label*/, std::int64_t /*total*/) {}
  virtual void advanced(std::int64_t /*done*/) {}
  virtual void finished() {}
};

// A listener that shows nothing: for tests, benchmarks and callers that do not watch.
inline ProgressListener& no_progress() {
  static ProgressListener silent;
  return silent;
}

}  // namespace hsg::app
