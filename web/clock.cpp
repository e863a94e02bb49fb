#include "web/clock.h"

#include <fmt/format.h>

#include <ctime>
#include <stdexcept>

namespace hsg::web {

namespace {

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() %
      1'000'000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, micros);
}

engine::Date local_today() {
  const std::time_t seconds = std::time(nullptr);
  std::tm local{};
  localtime_r(&seconds, &local);
  const auto today = engine::Date::parse(
      fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday));
  if (!today) throw std::runtime_error("the system date is outside the dates hsg handles");
  return *today;
}

}  // namespace

Clock system_clock() {
  return Clock{[] { return std::chrono::steady_clock::now(); }, utc_now, local_today};
}

}  // namespace hsg::web
