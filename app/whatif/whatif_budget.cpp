#include "app/whatif/whatif_budget.h"

#include <stdexcept>
#include <utility>

#include "engine/allocate.h"

namespace hsg::app {

namespace {

std::uint32_t levels_key(const engine::Allocation& allocation) {
  static_assert(engine::kMaxInterventions * 2 <= 32, "two bits per level must fit the key");
  std::uint32_t key = 0;
  for (const engine::InterventionResult& result : allocation.results()) {
    key = (key << 2U) | static_cast<std::uint32_t>(result.level);
  }
  return key;
}

}  // namespace

void RateTotals::add(const engine::Answers& answers, const engine::Allocation& allocation) {
  const std::uint32_t key = levels_key(allocation);
  auto found = combinations_.find(key);
  if (found == combinations_.end()) {
    found = combinations_.emplace(key, Combination{0, answers}).first;
  }
  ++found->second.clients;
}

engine::Money RateTotals::total_at(engine::Money rate) const {
  engine::RulesetSpec spec = candidate_.spec();
  spec.hourly_rate = rate;
  auto ruleset = engine::Ruleset::create(std::move(spec));
  if (!ruleset.ok()) {
    throw std::logic_error("the candidate at rate " + rate.to_string() +
                           " is not valid: " + ruleset.problems().front().message);
  }
  engine::Money total;
  for (const auto& [key, combination] : combinations_) {
    const engine::Allocation allocation = engine::allocate(ruleset.value(), combination.answers);
    if (levels_key(allocation) != key) {
      throw std::logic_error("a change of hourly rate changed a level");
    }
    total += allocation.total.times(combination.clients);
  }
  return total;
}

WhatifBudget RateTotals::search(engine::Money budget) const {
  using engine::Money;
  WhatifBudget result{budget, std::nullopt, Money(), std::nullopt, Money()};
  const Money highest = Money::from_pence(kHighestRatePence);
  const Money highest_total = total_at(highest);
  if (highest_total <= budget) {
    result.rate = highest;
    result.total_at_rate = highest_total;
    return result;
  }
  const Money lowest = Money::from_pence(kLowestRatePence);
  const Money lowest_total = total_at(lowest);
  if (lowest_total > budget) {
    result.rate_over = lowest;
    result.total_at_rate_over = lowest_total;
    return result;
  }
  // Invariant: total(fits) <= budget < total(over).
  std::int64_t fits = kLowestRatePence;
  std::int64_t over = kHighestRatePence;
  Money fits_total = lowest_total;
  Money over_total = highest_total;
  while (over - fits > 1) {
    const std::int64_t middle = fits + (over - fits) / 2;
    const Money middle_total = total_at(Money::from_pence(middle));
    if (middle_total <= budget) {
      fits = middle;
      fits_total = middle_total;
    } else {
      over = middle;
      over_total = middle_total;
    }
  }
  result.rate = Money::from_pence(fits);
  result.total_at_rate = fits_total;
  result.rate_over = Money::from_pence(over);
  result.total_at_rate_over = over_total;
  return result;
}

}  // namespace hsg::app
