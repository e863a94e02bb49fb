// A fixed weekly allowance: cash and/or flexible support hours every week, the same for
// every person the rule set is applied to, not driven by any score (Look Ahead's "core
// and flexi" model, seed 002: £40 a week in cash and 3.5 hours a week of one-to-one
// support per customer).
//
// The weekly cash is either stated, or derived from a pot shared equally among a number
// of places: every place gets the same whole pennies a week, the largest share that
// fits, and the pennies that cannot be shared equally (fewer than weeks × places) stay
// in the pot, unallocated. An equal share is the policy the seed describes ("total sum
// divided equally by 20 customers"), so no place gets a penny more than another.
#pragma once

#include <cstdint>

#include "engine/money.h"

namespace hsg::engine {

struct AllowancePot {
  Money amount;             // the whole pot
  std::int64_t weeks = 1;   // the weeks it pays for
  std::int64_t places = 1;  // the places it is shared by
  bool operator==(const AllowancePot&) const = default;
};

struct PotShare {
  Money per_place_per_week;  // ⌊amount / (weeks × places)⌋, in pence
  Money unallocated;         // amount − per_place_per_week × weeks × places
  bool operator==(const PotShare&) const = default;
};

// `pot` must have weeks and places >= 1 and a non-negative amount.
PotShare share_of(const AllowancePot& pot);

}  // namespace hsg::engine
