// An annualised total: Σ amount × 52 / weeks over many intervention amounts, exactly.
//
// An intervention type's amount pays for its weeks of support; over a year of 52 weeks
// the same support costs amount × 52 / weeks, which is a fraction of a penny in general.
// The sum is kept exact — amounts are added up per distinct number of weeks (a handful:
// the rule sets' types), and the fractions are added over their common denominator
// only when the total is read — then rounded once, to the penny, halves up, whatever the
// rule sets' own rounding. Overflow throws std::overflow_error, never wraps.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "engine/checked.h"
#include "engine/money.h"

namespace hsg::app {

inline constexpr std::int64_t kWeeksPerYear = 52;

class AnnualisedSum {
 public:
  // `amount` must not be negative; `weeks` must be positive.
  void add(engine::Money amount, std::int64_t weeks);
  engine::Money rounded() const;

 private:
  // (weeks, Σ pence over that many weeks), in first-added order; a few entries at most.
  std::vector<std::pair<std::int64_t, engine::Int128>> pence_by_weeks_;
};

}  // namespace hsg::app
