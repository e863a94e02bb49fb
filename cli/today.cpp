#include "cli/today.h"

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <chrono>
#include <ctime>
#include <stdexcept>

#include "cli/input_error.h"

namespace hsg::cli {

engine::Date today() {
  // The local calendar day (TZ), as the person at the keyboard counts it: just after
  // midnight in London during summer time it is already tomorrow, while UTC is not.
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local) == nullptr) throw std::runtime_error("cannot read the local date");
  const auto date =
      engine::Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                             static_cast<unsigned>(local.tm_mday));
  if (!date) {
    throw InputError(fmt::format("today's date (year {}) is outside the dates hsg handles, {}",
                                 local.tm_year + 1900, engine::kDateRangeText));
  }
  return *date;
}

engine::Date date_or_today(const std::optional<std::string>& text) {
  if (!text) return today();
  auto date = engine::Date::parse(*text);
  if (!date) {
    throw InputError(fmt::format("--date '{}' {}", *text, engine::Date::refusal(*text)));
  }
  return *date;
}

std::string now_utc() {
  const auto now = std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", now);
}

}  // namespace hsg::cli
