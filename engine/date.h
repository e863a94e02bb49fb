// A calendar date (proleptic Gregorian), with no time of day and no time zone.
//
// Dates are always inputs: the engine never reads a clock. Text is ISO 8601
// "YYYY-MM-DD" only, and must name a real day (2025-02-29 is refused).
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace hsg::engine {

class Date {
 public:
  constexpr Date() = default;
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  static std::optional<Date> parse(std::string_view iso_text);

  int year() const;
  unsigned month() const;
  unsigned day() const;

  Date plus_days(int days) const;
  // Whole days from `earlier` to this date.
  int days_since(Date earlier) const;

  constexpr auto operator<=>(const Date&) const = default;

  // "2024-04-01"
  std::string to_string() const;

 private:
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
  std::chrono::sys_days days_{};
};

}  // namespace hsg::engine
