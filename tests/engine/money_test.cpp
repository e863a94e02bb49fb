#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <variant>

#include "engine/hours.h"
#include "engine/money.h"

using hsg::engine::Hours;
using hsg::engine::Money;
using hsg::engine::parse_hundredths;

namespace {

std::int64_t parsed(const char* text) {
  const auto result = parse_hundredths(text);
  REQUIRE(std::holds_alternative<std::int64_t>(result));
  return std::get<std::int64_t>(result);
}

std::string refusal(const char* text) {
  const auto result = parse_hundredths(text);
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}

}  // namespace

TEST_CASE("money text is parsed exactly to pence, with at most two decimals") {
  CHECK(parsed("18.50") == 1850);
  CHECK(parsed("18.5") == 1850);
  CHECK(parsed("2500") == 250000);
  CHECK(parsed("0.01") == 1);
  CHECK(parsed("-3.07") == -307);
  CHECK(parsed("0") == 0);
}

TEST_CASE("money text finer than a penny or not a plain decimal is refused with a reason") {
  CHECK(refusal("18.505") == "has more than two decimal places");
  CHECK(refusal("") == "is empty");
  CHECK(refusal(".5") == "needs at least one digit before any decimal point");
  CHECK(refusal("5.") == "needs digits after the decimal point");
  CHECK(refusal("1e3") ==
        "is not a decimal number (digits, optionally '.' and up to two decimals)");
  CHECK(refusal("2,500.00") ==
        "is not a decimal number (digits, optionally '.' and up to two decimals)");
  CHECK(refusal(" 1") == "is not a decimal number (digits, optionally '.' and up to two decimals)");
  CHECK(refusal("1234567890123456") == "is too large");
}

TEST_CASE("money and hours are written with exactly two decimals") {
  CHECK(Money::from_pence(240500).to_string() == "2405.00");
  CHECK(Money::from_pence(5).to_string() == "0.05");
  CHECK(Money::from_pence(-125).to_string() == "-1.25");
  CHECK(Money::from_pence(240500).to_grouped_string() == "2,405.00");
  CHECK(Money::from_pence(123456789).to_grouped_string() == "1,234,567.89");
  CHECK(Money::from_pence(-100000).to_grouped_string() == "-1,000.00");
  CHECK(Money::from_pence(99999).to_grouped_string() == "999.99");
  CHECK(Hours::from_hundredths(50).to_string() == "0.50");
  CHECK(Money::from_pence(std::numeric_limits<std::int64_t>::min()).to_string() ==
        "-92233720368547758.08");
}

TEST_CASE("money arithmetic is exact and refuses to overflow") {
  const Money max = Money::from_pence(std::numeric_limits<std::int64_t>::max());
  CHECK((Money::from_pence(177600) + Money::from_pence(14800)).pence() == 192400);
  CHECK((Money::from_pence(100) - Money::from_pence(250)).pence() == -150);
  CHECK(Money::from_pence(1850).times(96).pence() == 177600);
  CHECK_THROWS_AS(max + Money::from_pence(1), std::overflow_error);
  CHECK_THROWS_AS(max.times(2), std::overflow_error);
  Money sum = Money::from_pence(1);
  CHECK_THROWS_AS(sum += max, std::overflow_error);
  CHECK(sum.pence() == 1);
}
