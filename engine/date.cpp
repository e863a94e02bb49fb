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

}  // namespace

std::optional<Date> Date::from_ymd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok() || year < 1 || year > 9999) return std::nullopt;
  return Date(std::chrono::sys_days{ymd});
}

std::optional<Date> Date::parse(std::string_view iso_text) {
  if (iso_text.size() != 10 || iso_text[4] != '-' || iso_text[7] != '-') return std::nullopt;
  const auto year = digits(iso_text.substr(0, 4));
  const auto month = digits(iso_text.substr(5, 2));
  const auto day = digits(iso_text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  return from_ymd(static_cast<int>(*year), *month, *day);
}

int Date::year() const { return static_cast<int>(std::chrono::year_month_day{days_}.year()); }

unsigned Date::month() const {
  return static_cast<unsigned>(std::chrono::year_month_day{days_}.month());
}

unsigned Date::day() const {
  return static_cast<unsigned>(std::chrono::year_month_day{days_}.day());
}

Date Date::plus_days(int days) const { return Date(days_ + std::chrono::days{days}); }

int Date::days_since(Date earlier) const {
  return static_cast<int>((days_ - earlier.days_).count());
}

std::string Date::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

}  // namespace hsg::engine
