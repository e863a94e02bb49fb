#include <catch2/catch.hpp>

#include "engine/date.h"

using hsg::engine::Date;

TEST_CASE("dates are ISO YYYY-MM-DD and must name a real day") {
  const auto date = Date::parse("2024-04-01");
  REQUIRE(date);
  CHECK(date->year() == 2024);
  CHECK(date->month() == 4u);
  CHECK(date->day() == 1u);
  CHECK(date->to_string() == "2024-04-01");
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2025-02-29"));
  CHECK_FALSE(Date::parse("2024-4-1"));
  CHECK_FALSE(Date::parse("2024-04-01T00:00"));
  CHECK_FALSE(Date::parse("01/04/2024"));
  CHECK_FALSE(Date::parse("2024-13-01"));
  CHECK_FALSE(Date::parse(""));
}

TEST_CASE("date arithmetic counts whole days, across months and leap years") {
  const Date start = *Date::parse("2024-04-01");
  CHECK(start.plus_days(28).to_string() == "2024-04-29");
  CHECK(start.plus_days(12 * 7).to_string() == "2024-06-24");
  CHECK(start.plus_days(52 * 7).to_string() == "2025-03-31");
  CHECK(Date::parse("2025-03-01")->days_since(*Date::parse("2024-02-28")) == 367);
  CHECK(start < *Date::parse("2024-04-02"));
}
