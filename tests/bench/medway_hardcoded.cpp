#include "tests/bench/medway_hardcoded.h"

namespace hsg::bench {

namespace {

constexpr std::array<std::int64_t, 10> kWeights{2, 1, 1, 1, 1, 2, 1, 2, 1, 1};
// Amounts per level (none, low, medium, high) in pence: hours x weeks x 18.50.
constexpr std::array<std::array<std::int64_t, 4>, 3> kAmounts{{
    {0, 66600, 111000, 177600},
    {0, 14800, 22200, 29600},
    {0, 48100, 96200, 144300},
}};
constexpr std::array<std::array<std::int64_t, 3>, 3> kThresholds{
    {{3, 9, 15}, {2, 6, 10}, {2, 6, 10}}};
constexpr std::int64_t kLimit = 250000;

int level(std::int64_t score, const std::array<std::int64_t, 3>& thresholds) {
  return (score >= thresholds[0]) + (score >= thresholds[1]) + (score >= thresholds[2]);
}

}  // namespace

HardcodedResult medway_hardcoded(std::span<const std::uint8_t> options) {
  std::array<std::int64_t, 3> scores{};
  for (std::size_t q = 0; q < 10; ++q) {
    switch (options[q]) {
      case 1:
        scores[1] += 2 * kWeights[q];
        break;
      case 2:
        scores[0] += 3 * kWeights[q];
        break;
      case 3:
        scores[2] += 2 * kWeights[q];
        break;
      default:
        break;
    }
  }
  HardcodedResult result;
  for (std::size_t t = 0; t < 3; ++t) {
    result.amount_pence[t] =
        kAmounts[t][static_cast<std::size_t>(level(scores[t], kThresholds[t]))];
    result.total_pence += result.amount_pence[t];
  }
  if (result.total_pence <= kLimit) return result;
  // Largest remainder over three parts, ties to the first listed.
  std::array<std::int64_t, 3> remainders{};
  std::int64_t allotted = 0;
  for (std::size_t t = 0; t < 3; ++t) {
    const std::int64_t exact = kLimit * result.amount_pence[t];
    remainders[t] = exact % result.total_pence;
    result.amount_pence[t] = exact / result.total_pence;
    allotted += result.amount_pence[t];
  }
  for (std::int64_t left = kLimit - allotted; left > 0; --left) {
    std::size_t best = 0;
    for (std::size_t t = 1; t < 3; ++t) best = remainders[t] > remainders[best] ? t : best;
    ++result.amount_pence[best];
    remainders[best] = -1;
  }
  result.total_pence = kLimit;
  return result;
}

}  // namespace hsg::bench
