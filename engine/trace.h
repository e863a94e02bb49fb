// Why every number of an Allocation is what it is.
//
// A Trace is what a decision statement and an auditor read: each answer and the points
// it added to which score; each score against its thresholds; the cliff edges; the
// exact hours × weeks × rate product before its single rounding (cash × weeks for an
// allowance, which has no score); and, when the upper
// limit applied, the largest-remainder split with each part's floor and remainder.
// Names are not copied: indices refer to the Ruleset the trace was made with.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/hours.h"
#include "engine/level.h"
#include "engine/money.h"
#include "engine/rounding.h"

namespace hsg::engine {

struct Contribution {
  std::size_t intervention = 0;
  std::int64_t weight = 0;
  std::int64_t points = 0;
  std::int64_t weighted_points = 0;  // weight × points
  bool operator==(const Contribution&) const = default;
};

struct AnswerTrace {
  std::size_t question = 0;
  std::size_t option = 0;
  std::vector<Contribution> contributions;  // only types the option gives points to
  bool operator==(const AnswerTrace&) const = default;
};

struct ScoreTrace {
  std::size_t intervention = 0;
  std::int64_t score = 0;
  std::array<std::int64_t, 3> thresholds{};
  std::array<bool, 3> met{};  // score >= threshold, per rated level
  Level level = Level::none;
  std::optional<std::int64_t> points_to_next_level;
  std::optional<std::int64_t> points_above_threshold;
  bool operator==(const ScoreTrace&) const = default;
};

// A scored type's amount is hours × weeks × rate; an allowance's is cash per week × weeks
// (its hours are given in kind, not paid), so its hourly_rate is zero.
struct AmountTrace {
  std::size_t intervention = 0;
  Hours hours_per_week;
  std::int64_t weeks = 0;
  Money hourly_rate;
  // hours (hundredths) × weeks × rate (pence), or cash per week (pence) × weeks × 100:
  // the exact amount in hundredths of a penny.
  std::int64_t exact_hundredths_of_penny = 0;
  RoundingMode rounding = RoundingMode::half_up;
  Money amount;                        // exact / 100, rounded once
  std::optional<Money> cash_per_week;  // an allowance's, which its amount comes from
  bool operator==(const AmountTrace&) const = default;
};

struct LimitPartTrace {
  std::size_t intervention = 0;
  Money calculated_amount;
  std::int64_t floor_pence = 0;
  std::int64_t remainder = 0;  // of limit × calculated_amount, over calculated_total
  bool extra_penny = false;
  Money amount;
  bool operator==(const LimitPartTrace&) const = default;
};

struct LimitTrace {
  Money calculated_total;
  Money upper_limit;
  std::vector<LimitPartTrace> parts;
  bool operator==(const LimitTrace&) const = default;
};

struct Trace {
  std::vector<AnswerTrace> answers;
  std::vector<ScoreTrace> scores;  // the scored types only, which come first
  // Every type, allowances included.
  std::vector<AmountTrace> amounts;
  std::optional<LimitTrace> limit;  // present only when the limit applied
  bool operator==(const Trace&) const = default;
};

}  // namespace hsg::engine
