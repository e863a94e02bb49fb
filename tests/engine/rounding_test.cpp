#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/rounding.h"

using hsg::engine::divide_rounded;
using hsg::engine::RoundingMode;
using hsg::engine::split_equally;
using hsg::engine::split_largest_remainder;

TEST_CASE("half_up rounds halves away from zero, half_even to the even neighbour") {
  CHECK(divide_rounded(25, 10, RoundingMode::half_up) == 3);
  CHECK(divide_rounded(25, 10, RoundingMode::half_even) == 2);
  CHECK(divide_rounded(35, 10, RoundingMode::half_up) == 4);
  CHECK(divide_rounded(35, 10, RoundingMode::half_even) == 4);
  CHECK(divide_rounded(-25, 10, RoundingMode::half_up) == -3);
  CHECK(divide_rounded(-25, 10, RoundingMode::half_even) == -2);
  CHECK(divide_rounded(24, 10, RoundingMode::half_up) == 2);
  CHECK(divide_rounded(26, 10, RoundingMode::half_even) == 3);
  CHECK(divide_rounded(177600'00, 100, RoundingMode::half_up) == 177600);
}

TEST_CASE("largest remainder: floors, then leftover pennies to the largest remainders") {
  // The upper-limit case of allocate_test: 2500.00 shared over 1776.00, 296.00, 481.00.
  const std::vector<std::int64_t> weights{177600, 29600, 48100};
  const auto split = split_largest_remainder(250000, weights);
  CHECK(split.denominator == 255300);
  REQUIRE(split.parts.size() == 3);
  CHECK(split.parts[0].floor == 173913);
  CHECK(split.parts[0].remainder == 11100);
  CHECK(split.parts[1].floor == 28985);
  CHECK(split.parts[1].remainder == 129500);
  CHECK(split.parts[2].floor == 47101);
  CHECK(split.parts[2].remainder == 114700);
  CHECK(split.parts[0].value == 173913);
  CHECK(split.parts[1].value == 28986);
  CHECK(split.parts[1].extra_unit);
  CHECK(split.parts[2].value == 47101);
}

TEST_CASE("largest remainder ties go to the part listed first") {
  const std::vector<std::int64_t> weights{1, 1, 1};
  const auto split = split_largest_remainder(100, weights);
  CHECK(split.parts[0].value == 34);
  CHECK(split.parts[1].value == 33);
  CHECK(split.parts[2].value == 33);
  CHECK(split_equally(5900, 3) == std::vector<std::int64_t>{1967, 1967, 1966});
  CHECK(split_equally(48100, 13) == std::vector<std::int64_t>(13, 3700));
  CHECK(split_equally(177600, 3) == std::vector<std::int64_t>{59200, 59200, 59200});
}

TEST_CASE("largest remainder refuses what it cannot share") {
  const std::vector<std::int64_t> zero{0, 0};
  const std::vector<std::int64_t> negative{5, -1};
  CHECK_THROWS_AS(split_largest_remainder(100, zero), std::invalid_argument);
  CHECK_THROWS_AS(split_largest_remainder(100, negative), std::invalid_argument);
  CHECK_THROWS_AS(split_largest_remainder(-1, std::vector<std::int64_t>{1}), std::invalid_argument);
  CHECK_THROWS_AS(split_equally(100, 0), std::invalid_argument);
}

TEST_CASE("property: splits sum exactly and each part is within one unit of its share") {
  const auto seed = Catch::rngSeed() == 0 ? 20261125u : Catch::rngSeed();
  INFO("seed " << seed);
  std::mt19937_64 random(seed);
  for (int round = 0; round < 20000; ++round) {
    const std::size_t count = 1 + random() % 8;
    std::vector<std::int64_t> weights(count);
    std::int64_t weight_sum = 0;
    for (auto& weight : weights)
      weight_sum += weight = static_cast<std::int64_t>(random() % 400000);
    if (weight_sum == 0) weights[0] = weight_sum = 1;
    const auto total = static_cast<std::int64_t>(random() % 1000000);
    const auto split = split_largest_remainder(total, weights);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const auto& part = split.parts[i];
      sum += part.value;
      // |value × W − total × w| < W, i.e. within one unit of the exact share.
      const auto exact = static_cast<hsg::engine::Int128>(total) * weights[i];
      const auto scaled = static_cast<hsg::engine::Int128>(part.value) * weight_sum;
      const auto distance = scaled > exact ? scaled - exact : exact - scaled;
      REQUIRE(distance < weight_sum);
    }
    REQUIRE(sum == total);
  }
}
