// A calendar date (proleptic Gregorian), with no time of day and no time zone.
//
// Dates are always inputs: the engine never reads a clock. Text is ISO 8601
// "YYYY-MM-DD" only, and must name a real day (2025-02-29 is refused).
//
// Every Date lies from 1900-01-01 to 2199-12-31 (kEarliest, kLatest): parse() and
// from_ymd() refuse a day outside, and plus_days() gives nothing rather than step out.
// So every date's text has exactly ten characters, and the database's text order of
// dates is their order as days (a year 10000 would sort before 2025).
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hsg::engine {

// The range as a message states it.
inline constexpr std::string_view kDateRangeText = "1900-01-01 to 2199-12-31";

class Date {
 public:
  constexpr Date() = default;
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  static std::optional<Date> parse(std::string_view iso_text);
  // Why parse() refused `iso_text`, to follow the quoted text in a message: "is not a
  // real date in the form YYYY-MM-DD", or that it is outside the range.
  static std::string refusal(std::string_view iso_text);
  // A real day in the form YYYY-MM-DD, but outside the range.
  static bool is_out_of_range(std::string_view iso_text);
  static Date earliest();  // 1900-01-01
  static Date latest();    // 2199-12-31

  int year() const;
  unsigned month() const;
  unsigned day() const;

  // Nothing when the day would fall outside the range.
  std::optional<Date> plus_days(std::int64_t days) const;
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
