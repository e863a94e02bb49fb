#include "cli/today.h"

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <chrono>

#include "cli/input_error.h"

namespace hsg::cli {

engine::Date today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd(days);
  return *engine::Date::from_ymd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                 static_cast<unsigned>(ymd.day()));
}

engine::Date date_or_today(const std::optional<std::string>& text) {
  if (!text) return today();
  auto date = engine::Date::parse(*text);
  if (!date) {
    throw InputError(fmt::format("--date '{}' is not a real date in the form YYYY-MM-DD", *text));
  }
  return *date;
}

std::string now_utc() {
  const auto now = std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", now);
}

}  // namespace hsg::cli
