#include "cli/progress.h"

#include <fmt/core.h>

namespace hsg::cli {

Progress::Progress(std::ostream& err, bool enabled, std::string label, std::int64_t total)
    : err_(err), enabled_(enabled && total > 0), label_(std::move(label)), total_(total) {}

void Progress::update(std::int64_t done) {
  if (!enabled_) return;
  const std::int64_t percent = done * 100 / total_;
  if (percent == shown_percent_) return;
  shown_percent_ = percent;
  constexpr std::int64_t kWidth = 40;
  const std::int64_t filled = percent * kWidth / 100;
  err_ << fmt::format("\r{} [{}{}] {:>3}% {}/{}", label_,
                      std::string(static_cast<std::size_t>(filled), '#'),
                      std::string(static_cast<std::size_t>(kWidth - filled), '.'), percent, done,
                      total_)
       << std::flush;
}

void Progress::finish() {
  if (enabled_ && shown_percent_ >= 0) err_ << "\n";
}

}  // namespace hsg::cli
