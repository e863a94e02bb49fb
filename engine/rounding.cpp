#include "engine/rounding.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace hsg::engine {

std::string_view to_string(RoundingMode mode) {
  return mode == RoundingMode::half_up ? "half_up" : "half_even";
}

std::optional<RoundingMode> parse_rounding_mode(std::string_view text) {
  if (text == "half_up") return RoundingMode::half_up;
  if (text == "half_even") return RoundingMode::half_even;
  return std::nullopt;
}

std::int64_t divide_rounded(Int128 numerator, std::int64_t denominator, RoundingMode mode) {
  if (denominator <= 0) throw std::invalid_argument("divide_rounded: denominator must be positive");
  const Int128 magnitude = numerator < 0 ? -numerator : numerator;
  Int128 quotient = magnitude / denominator;
  const Int128 twice_remainder = (magnitude % denominator) * 2;
  const bool round_away = twice_remainder > denominator ||
                          (twice_remainder == denominator &&
                           (mode == RoundingMode::half_up || quotient % 2 == 1));
  if (round_away) ++quotient;
  return narrow_checked(numerator < 0 ? -quotient : quotient);
}

Split split_largest_remainder(std::int64_t total, std::span<const std::int64_t> weights) {
  if (total < 0) throw std::invalid_argument("split: total must not be negative");
  Split split;
  for (const std::int64_t weight : weights) {
    if (weight < 0) throw std::invalid_argument("split: weights must not be negative");
    split.denominator = checked_add(split.denominator, weight);
  }
  if (split.denominator == 0) throw std::invalid_argument("split: weights must not all be zero");

  std::int64_t allotted = 0;
  for (const std::int64_t weight : weights) {
    const Int128 exact = static_cast<Int128>(total) * weight;
    SplitPart part;
    part.floor = narrow_checked(exact / split.denominator);
    part.remainder = narrow_checked(exact % split.denominator);
    part.value = part.floor;
    allotted += part.floor;
    split.parts.push_back(part);
  }

  // Order by remainder, largest first; a stable sort keeps ties in listed order.
  std::vector<std::size_t> order(split.parts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return split.parts[a].remainder > split.parts[b].remainder;
  });
  const std::int64_t leftover = total - allotted;  // < number of parts, by construction
  for (std::int64_t i = 0; i < leftover; ++i) {
    SplitPart& part = split.parts[order[static_cast<std::size_t>(i)]];
    part.extra_unit = true;
    part.value = part.floor + 1;
  }
  return split;
}

std::vector<std::int64_t> split_equally(std::int64_t total, std::int64_t count) {
  if (count <= 0) throw std::invalid_argument("split_equally: count must be positive");
  const std::vector<std::int64_t> weights(static_cast<std::size_t>(count), 1);
  std::vector<std::int64_t> values;
  for (const SplitPart& part : split_largest_remainder(total, weights).parts) {
    values.push_back(part.value);
  }
  return values;
}

}  // namespace hsg::engine
