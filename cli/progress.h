// A progress bar on a terminal (stderr), and nothing at all otherwise, so piped and
// logged output stays clean and deterministic. It is how the command line listens to a
// use case's progress (app/progress.h).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "app/progress.h"

namespace hsg::cli {

class Progress : public app::ProgressListener {
 public:
  Progress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  bool wants_total() const override { return enabled_; }
  void started(std::string_view label, std::int64_t total) override;
  // Redraws only when the whole percentage changes, so it costs nothing per row.
  void advanced(std::int64_t done) override;
  void finished() override;

 private:
  std::ostream& err_;
  bool enabled_;
  bool showing_ = false;
  std::string label_;
  std::int64_t total_ = 0;
  std::int64_t shown_percent_ = -1;
};

}  // namespace hsg::cli
