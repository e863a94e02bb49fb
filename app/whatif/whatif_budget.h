// The candidate's total at other hourly rates, and the highest rate that fits a budget.
//
// A grant depends on the answers only through the level of each intervention type
// (domain.md: level → hours × weeks × rate, then the upper limit), and the levels do
// not depend on the rate. So the caseload is kept as a count per combination of levels
// (at most 4^8 of them, however many clients) with one client's answers standing for
// it, and the total at a rate is Σ count × allocate(candidate at that rate, answers).
// The candidate at another rate is its RulesetSpec with hourly_rate changed, validated
// again like any rule set. The total never falls as the rate rises, so the highest rate
// that fits is found by bisection over whole pence within the rates a rule set allows.
#pragma once

#include <cstdint>
#include <map>

#include "app/whatif/whatif_report.h"
#include "engine/allocation.h"
#include "engine/answers.h"
#include "engine/money.h"
#include "engine/ruleset.h"

namespace hsg::app {

// engine::validate allows hourly rates 0.01..10,000.00.
inline constexpr std::int64_t kLowestRatePence = 1;
inline constexpr std::int64_t kHighestRatePence = 1'000'000;

class RateTotals {
 public:
  explicit RateTotals(const engine::Ruleset& candidate) : candidate_(candidate) {}

  // One client: its answers and its allocation under the candidate.
  void add(const engine::Answers& answers, const engine::Allocation& allocation);
  // The caseload's total with the candidate's hourly rate set to `rate`.
  engine::Money total_at(engine::Money rate) const;
  WhatifBudget search(engine::Money budget) const;

 private:
  struct Combination {
    std::int64_t clients = 0;
    engine::Answers answers;
  };

  const engine::Ruleset& candidate_;
  std::map<std::uint32_t, Combination> combinations_;  // keyed by the levels, 2 bits each
};

}  // namespace hsg::app
