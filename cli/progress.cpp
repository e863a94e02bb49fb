#include "cli/progress.h"

#include <fmt/core.h>

namespace hsg::cli {

void Progress::started(std::string_view label, std::int64_t total) {
  showing_ = enabled_ && total > 0;
  label_ = std::string(label);
  total_ = total;
  shown_percent_ = -1;
}

void Progress::advanced(std::int64_t done) {
  if (!showing_) return;
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

void Progress::finished() {
  if (showing_ && shown_percent_ >= 0) err_ << "\n";
}

}  // namespace hsg::cli
