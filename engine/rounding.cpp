#include "engine/rounding.h"

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
  const bool round_away =
      twice_remainder > denominator ||
      (twice_remainder == denominator && (mode == RoundingMode::half_up || quotient % 2 == 1));
  if (round_away) ++quotient;
  return narrow_checked(numerator < 0 ? -quotient : quotient);
}

std::int64_t split_largest_remainder_into(std::int64_t total, std::span<const std::int64_t> weights,
                                          std::span<SplitPart> parts) {
  if (total < 0) throw std::invalid_argument("split: total must not be negative");
  if (parts.size() != weights.size()) throw std::invalid_argument("split: one part per weight");
  std::int64_t denominator = 0;
  for (const std::int64_t weight : weights) {
    if (weight < 0) throw std::invalid_argument("split: weights must not be negative");
    denominator = checked_add(denominator, weight);
  }
  if (denominator == 0) throw std::invalid_argument("split: weights must not all be zero");

  std::int64_t allotted = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Int128 exact = static_cast<Int128>(total) * weights[i];
    SplitPart& part = parts[i];
    part.floor = narrow_checked(exact / denominator);
    part.remainder = narrow_checked(exact % denominator);
    part.extra_unit = false;
    part.value = part.floor;
    allotted += part.floor;
  }
  // Fewer units are left over than there are parts. Each goes to the largest remainder
  // not yet served; the strict '>' keeps ties with the part listed first.
  for (std::int64_t leftover = total - allotted; leftover > 0; --leftover) {
    SplitPart* best = nullptr;
    for (SplitPart& part : parts) {
      if (!part.extra_unit && (best == nullptr || part.remainder > best->remainder)) best = &part;
    }
    best->extra_unit = true;
    best->value = best->floor + 1;
  }
  return denominator;
}

Split split_largest_remainder(std::int64_t total, std::span<const std::int64_t> weights) {
  Split split;
  split.parts.resize(weights.size());
  split.denominator = split_largest_remainder_into(total, weights, split.parts);
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
