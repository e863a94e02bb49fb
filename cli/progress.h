// A progress bar on a terminal (stderr), and nothing at all otherwise, so piped and
// logged output stays clean and deterministic.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace hsg::cli {

class Progress {
 public:
  Progress(std::ostream& err, bool enabled, std::string label, std::int64_t total);
  // Redraws only when the whole percentage changes, so it costs nothing per row.
  void update(std::int64_t done);
  void finish();

 private:
  std::ostream& err_;
  bool enabled_;
  std::string label_;
  std::int64_t total_;
  std::int64_t shown_percent_ = -1;
};

}  // namespace hsg::cli
