// Rounding of exact quotients to whole units, and largest-remainder splitting.
//
// Money is rounded exactly once, where domain.md says, by one of two modes:
//   half_up   — halves go away from zero (2.5 → 3, -2.5 → -3);
//   half_even — halves go to the even neighbour (2.5 → 2, 3.5 → 4).
// All quantities the engine rounds are non-negative, where "away from zero" and
// "towards +infinity" agree.
//
// split_largest_remainder(total, weights) shares `total` in proportion to `weights`:
// each part gets the floor of its exact share, then the pennies left over go one each
// to the parts with the largest remainders, ties going to the part listed first. The
// parts always sum to `total` exactly and each is within one unit of its exact share.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/checked.h"

namespace hsg::engine {

enum class RoundingMode : std::uint8_t { half_up, half_even };

std::string_view to_string(RoundingMode mode);
std::optional<RoundingMode> parse_rounding_mode(std::string_view text);

// numerator / denominator rounded to an integer; denominator must be positive.
std::int64_t divide_rounded(Int128 numerator, std::int64_t denominator, RoundingMode mode);

// One part of a largest-remainder split, with the exact arithmetic that produced it:
// exact share = floor + remainder / denominator.
struct SplitPart {
  std::int64_t floor = 0;
  std::int64_t remainder = 0;
  bool extra_unit = false;
  std::int64_t value = 0;  // floor + (extra_unit ? 1 : 0)
};

struct Split {
  std::int64_t denominator = 0;  // sum of weights
  std::vector<SplitPart> parts;
};

// total must be >= 0; weights must be >= 0 with a positive sum.
Split split_largest_remainder(std::int64_t total, std::span<const std::int64_t> weights);

// The same split written into `parts` (one per weight), allocating no memory; returns
// the denominator. For hot paths with a bounded number of parts.
std::int64_t split_largest_remainder_into(std::int64_t total, std::span<const std::int64_t> weights,
                                          std::span<SplitPart> parts);

// total split into `count` equal parts, earlier parts taking the leftover units.
std::vector<std::int64_t> split_equally(std::int64_t total, std::int64_t count);

}  // namespace hsg::engine
