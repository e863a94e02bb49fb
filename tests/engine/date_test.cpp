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
  CHECK(start.plus_days(28).value().to_string() == "2024-04-29");
  CHECK(start.plus_days(12 * 7).value().to_string() == "2024-06-24");
  CHECK(start.plus_days(52 * 7).value().to_string() == "2025-03-31");
  CHECK(Date::parse("2025-03-01")->days_since(*Date::parse("2024-02-28")) == 367);
  CHECK(start < *Date::parse("2024-04-02"));
}

TEST_CASE("dates run from 1900-01-01 to 2199-12-31, and nothing steps outside") {
  CHECK(Date::parse("2199-12-31")->to_string() == "2199-12-31");
  CHECK(Date::parse("1900-01-01")->to_string() == "1900-01-01");
  CHECK_FALSE(Date::parse("2200-01-01"));
  CHECK_FALSE(Date::parse("1899-12-31"));
  CHECK_FALSE(Date::parse("9999-11-01"));
  CHECK_FALSE(Date::from_ymd(2200, 1, 1));
  CHECK(Date::earliest().to_string() == "1900-01-01");
  CHECK(Date::latest().to_string() == "2199-12-31");
  CHECK(Date::refusal("2200-01-01") ==
        "is outside the dates hsg handles, 1900-01-01 to 2199-12-31");
  CHECK(Date::refusal("2025-02-30") == "is not a real date in the form YYYY-MM-DD");
  CHECK(Date::refusal("10000-01-24") == "is not a real date in the form YYYY-MM-DD");
  CHECK(Date::is_out_of_range("1899-12-31"));
  CHECK_FALSE(Date::is_out_of_range("2199-12-31"));
  CHECK(Date::parse("2199-12-30")->plus_days(1)->to_string() == "2199-12-31");
  CHECK_FALSE(Date::latest().plus_days(1));
  CHECK_FALSE(Date::earliest().plus_days(-1));
  CHECK_FALSE(Date::earliest().plus_days(std::int64_t{1} << 40));
  CHECK(Date::earliest().plus_days(Date::latest().days_since(Date::earliest())) == Date::latest());
}
