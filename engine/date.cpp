#include "engine/date.h"

#include <cstdio>

namespace hsg::engine {

namespace {

std::optional<unsigned> digits(std::string_view text) {
  unsigned value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

// "YYYY-MM-DD" naming a real day of any four-digit year.
std::optional<std::chrono::year_month_day> real_day(std::string_view iso_text) {
  if (iso_text.size() != 10 || iso_text[4] != '-' || iso_text[7] != '-') return std::nullopt;
  const auto year = digits(iso_text.substr(0, 4));
  const auto month = digits(iso_text.substr(5, 2));
  const auto day = digits(iso_text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(*year)},
                                        std::chrono::month{*month}, std::chrono::day{*day}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2199;

}  // namespace

std::optional<Date> Date::from_ymd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok() || year < kEarliestYear || year > kLatestYear) return std::nullopt;
  return Date(std::chrono::sys_days{ymd});
}

std::optional<Date> Date::parse(std::string_view iso_text) {
  const auto ymd = real_day(iso_text);
  if (!ymd) return std::nullopt;
  return from_ymd(static_cast<int>(ymd->year()), static_cast<unsigned>(ymd->month()),
                  static_cast<unsigned>(ymd->day()));
}

bool Date::is_out_of_range(std::string_view iso_text) {
  return real_day(iso_text) && !parse(iso_text);
}

std::string Date::refusal(std::string_view iso_text) {
  if (is_out_of_range(iso_text)) {
    return std::string("is outside the dates hsg handles, ") + std::string(kDateRangeText);
  }
  return "is not a real date in the form YYYY-MM-DD";
}

Date Date::earliest() { return *from_ymd(kEarliestYear, 1, 1); }

Date Date::latest() { return *from_ymd(kLatestYear, 12, 31); }

int Date::year() const { return static_cast<int>(std::chrono::year_month_day{days_}.year()); }

unsigned Date::month() const {
  return static_cast<unsigned>(std::chrono::year_month_day{days_}.month());
}

unsigned Date::day() const {
  return static_cast<unsigned>(std::chrono::year_month_day{days_}.day());
}

std::optional<Date> Date::plus_days(std::int64_t days) const {
  // Days between the range's ends fit easily; anything larger cannot land inside it.
  const std::int64_t span = (latest().days_ - earliest().days_).count();
  if (days > span || days < -span) return std::nullopt;
  const Date moved(days_ + std::chrono::days{days});
  if (moved < earliest() || latest() < moved) return std::nullopt;
  return moved;
}

int Date::days_since(Date earlier) const {
  return static_cast<int>((days_ - earlier.days_).count());
}

std::string Date::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

}  // namespace hsg::engine
