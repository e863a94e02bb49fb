// The retention period's arithmetic (app/clients/personal_data.h): a client is due from
// the same day that many years after their last record, 1 March for a 29 February.
#include <catch2/catch.hpp>

#include "app/clients/personal_data.h"

using hsg::app::years_after;
using hsg::engine::Date;

namespace {

Date day(int year, unsigned month, unsigned date) { return *Date::from_ymd(year, month, date); }

}  // namespace

TEST_CASE("retention: six years after a day is the same day six years on") {
  CHECK(years_after(day(2025, 3, 31), 6) == day(2031, 3, 31));
  CHECK(years_after(day(2025, 1, 1), 1) == day(2026, 1, 1));
}

TEST_CASE("retention: after 29 February comes 1 March in a year without one") {
  CHECK(years_after(day(2024, 2, 29), 6) == day(2030, 3, 1));
  CHECK(years_after(day(2024, 2, 29), 4) == day(2028, 2, 29));
}

TEST_CASE("retention: nothing past the last day hsg knows") {
  CHECK_FALSE(years_after(day(2190, 1, 1), 10).has_value());
  CHECK(years_after(day(2189, 12, 31), 10) == day(2199, 12, 31));
}
