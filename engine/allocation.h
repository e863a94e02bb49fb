// The result of allocating: per intervention type, and for the grant as a whole.
//
// Fixed-size and free of heap memory, so allocate() can run millions of times a second.
// Invariants (checked by allocate): amount <= calculated_amount for every type;
// Σ amount == total; total == min(calculated_total, upper_limit); cap_applied exactly
// when calculated_total > upper_limit.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "engine/hours.h"
#include "engine/level.h"
#include "engine/money.h"
#include "engine/ruleset.h"

namespace hsg::engine {

struct InterventionResult {
  std::int64_t score = 0;
  Level level = Level::none;
  Hours hours_per_week;
  std::int64_t weeks = 0;
  Money weekly_amount;      // hours/week × rate, rounded; information only
  Money calculated_amount;  // hours/week × weeks × rate, rounded once
  Money amount;             // after the upper limit, if it applied
  // Points the score lacks to reach the next level; empty at high.
  std::optional<std::int64_t> points_to_next_level;
  // Points the score is above its level's threshold (one more lost drops a level);
  // empty at none.
  std::optional<std::int64_t> points_above_threshold;

  bool operator==(const InterventionResult&) const = default;
};

struct Allocation {
  std::size_t intervention_count = 0;
  std::array<InterventionResult, kMaxInterventions> interventions{};
  Money calculated_total;  // Σ calculated amounts: the indicative figure before the limit
  Money total;             // the indicative grant
  Money upper_limit;
  bool cap_applied = false;

  std::span<const InterventionResult> results() const {
    return {interventions.data(), intervention_count};
  }
  bool operator==(const Allocation&) const = default;
};

}  // namespace hsg::engine
