#include "engine/allocate.h"

#include <stdexcept>

#include "engine/checked.h"

namespace hsg::engine {

namespace {

// Thresholds strictly increase, so the level is the number of thresholds met.
Level level_for(std::int64_t score, const std::array<std::int64_t, 3>& thresholds) {
  int met = 0;
  for (const std::int64_t threshold : thresholds) met += score >= threshold ? 1 : 0;
  return static_cast<Level>(met);
}

void set_cliff_edges(InterventionResult& result, const std::array<std::int64_t, 3>& thresholds) {
  const auto level = static_cast<std::size_t>(result.level);
  result.points_to_next_level.reset();
  result.points_above_threshold.reset();
  if (level < 3) result.points_to_next_level = thresholds[level] - result.score;
  if (level > 0) result.points_above_threshold = result.score - thresholds[level - 1];
}

void apply_upper_limit(Allocation& allocation) {
  std::array<std::int64_t, kMaxInterventions> weights{};
  std::array<SplitPart, kMaxInterventions> parts{};
  const std::size_t count = allocation.intervention_count;
  for (std::size_t t = 0; t < count; ++t) {
    weights[t] = allocation.interventions[t].calculated_amount.pence();
  }
  split_largest_remainder_into(allocation.upper_limit.pence(), {weights.data(), count},
                               {parts.data(), count});
  for (std::size_t t = 0; t < count; ++t) {
    allocation.interventions[t].amount = Money::from_pence(parts[t].value);
  }
  allocation.total = allocation.upper_limit;
  allocation.cap_applied = true;
}

void check_invariants(const Allocation& allocation) {
  Money sum;
  for (const InterventionResult& result : allocation.results()) {
    if (result.amount > result.calculated_amount || result.amount < Money{}) {
      throw std::logic_error("allocate: a type's amount is outside 0..calculated amount");
    }
    sum += result.amount;
  }
  if (sum != allocation.total || allocation.total > allocation.upper_limit) {
    throw std::logic_error("allocate: amounts do not sum to the total within the limit");
  }
}

AnswerTrace explain_answer(const Ruleset& ruleset, std::size_t question, std::size_t option) {
  const QuestionSpec& asked = ruleset.spec().questions[question];
  AnswerTrace trace{question, option, {}};
  const auto& weighted = ruleset.contribution(question, option);
  for (std::size_t t = 0; t < ruleset.intervention_count(); ++t) {
    if (weighted[t] == 0) continue;
    trace.contributions.push_back({t, asked.weight, weighted[t] / asked.weight, weighted[t]});
  }
  return trace;
}

ScoreTrace explain_score(const Ruleset& ruleset, std::size_t t, const InterventionResult& result) {
  const auto& thresholds = ruleset.spec().interventions[t].thresholds;
  ScoreTrace trace{t,
                   result.score,
                   thresholds,
                   {},
                   result.level,
                   result.points_to_next_level,
                   result.points_above_threshold};
  for (std::size_t level = 0; level < 3; ++level)
    trace.met[level] = result.score >= thresholds[level];
  return trace;
}

AmountTrace explain_allowance(const Ruleset& ruleset, std::size_t t,
                              const InterventionResult& result) {
  const Money cash = ruleset.allowance_cash_per_week(t);
  AmountTrace trace{t,
                    result.hours_per_week,
                    result.weeks,
                    Money{},
                    checked_mul(checked_mul(cash.pence(), result.weeks), 100),
                    ruleset.spec().rounding,
                    result.calculated_amount,
                    cash};
  if (trace.exact_hundredths_of_penny != result.calculated_amount.pence() * 100) {
    throw std::logic_error("allocate: traced allowance differs from the allocated amount");
  }
  return trace;
}

AmountTrace explain_amount(const Ruleset& ruleset, std::size_t t,
                           const InterventionResult& result) {
  if (ruleset.spec().interventions[t].is_allowance()) return explain_allowance(ruleset, t, result);
  const RulesetSpec& spec = ruleset.spec();
  AmountTrace trace{t,
                    result.hours_per_week,
                    result.weeks,
                    spec.hourly_rate,
                    0,
                    spec.rounding,
                    result.calculated_amount,
                    std::nullopt};
  trace.exact_hundredths_of_penny = checked_mul(
      checked_mul(result.hours_per_week.hundredths(), result.weeks), spec.hourly_rate.pence());
  // The trace recomputes the product on its own, so an explained amount is a checked one.
  if (divide_rounded(trace.exact_hundredths_of_penny, 100, spec.rounding) !=
      result.calculated_amount.pence()) {
    throw std::logic_error("allocate: traced amount differs from the allocated amount");
  }
  return trace;
}

LimitTrace explain_limit(const Allocation& allocation) {
  LimitTrace trace{allocation.calculated_total, allocation.upper_limit, {}};
  std::vector<std::int64_t> weights;
  for (const InterventionResult& result : allocation.results()) {
    weights.push_back(result.calculated_amount.pence());
  }
  const Split split = split_largest_remainder(allocation.upper_limit.pence(), weights);
  for (std::size_t t = 0; t < split.parts.size(); ++t) {
    const SplitPart& part = split.parts[t];
    const InterventionResult& result = allocation.interventions[t];
    if (part.value != result.amount.pence()) {
      throw std::logic_error("allocate: traced limit split differs from the allocated amount");
    }
    trace.parts.push_back(
        {t, result.calculated_amount, part.floor, part.remainder, part.extra_unit, result.amount});
  }
  return trace;
}

}  // namespace

Allocation allocate(const Ruleset& ruleset, const Answers& answers) {
  if (answers.size() != ruleset.question_count()) {
    throw std::invalid_argument("allocate: answers were made for a different rule set");
  }
  std::array<std::int64_t, kMaxInterventions> scores{};
  for (std::size_t q = 0; q < answers.size(); ++q) {
    const auto& weighted = ruleset.contribution(q, answers.option(q));
    for (std::size_t t = 0; t < kMaxInterventions; ++t) scores[t] += weighted[t];
  }

  Allocation allocation;
  allocation.intervention_count = ruleset.intervention_count();
  allocation.upper_limit = ruleset.spec().upper_limit;
  for (std::size_t t = 0; t < allocation.intervention_count; ++t) {
    const InterventionSpec& type = ruleset.spec().interventions[t];
    InterventionResult& result = allocation.interventions[t];
    result.score = scores[t];
    // An allowance has no score (no option may give it points) and no level.
    if (!type.is_allowance()) {
      result.level = level_for(result.score, type.thresholds);
      set_cliff_edges(result, type.thresholds);
    }
    result.hours_per_week = ruleset.hours_at(t, result.level);
    result.weeks = type.weeks;
    result.weekly_amount = ruleset.weekly_amount_at(t, result.level);
    result.calculated_amount = ruleset.amount_at(t, result.level);
    result.amount = result.calculated_amount;
    allocation.calculated_total += result.calculated_amount;
  }
  allocation.total = allocation.calculated_total;
  if (allocation.calculated_total > allocation.upper_limit) apply_upper_limit(allocation);
  check_invariants(allocation);
  return allocation;
}

TracedAllocation allocate_traced(const Ruleset& ruleset, const Answers& answers) {
  TracedAllocation traced{allocate(ruleset, answers), {}};
  const Allocation& allocation = traced.allocation;
  Trace& trace = traced.trace;
  std::array<std::int64_t, kMaxInterventions> rescored{};
  for (std::size_t q = 0; q < answers.size(); ++q) {
    trace.answers.push_back(explain_answer(ruleset, q, answers.option(q)));
    for (const Contribution& c : trace.answers.back().contributions) {
      rescored[c.intervention] += c.weighted_points;
    }
  }
  for (std::size_t t = 0; t < allocation.intervention_count; ++t) {
    const InterventionResult& result = allocation.interventions[t];
    if (rescored[t] != result.score) {
      throw std::logic_error("allocate: traced contributions do not sum to the score");
    }
    if (t < ruleset.scored_count()) trace.scores.push_back(explain_score(ruleset, t, result));
    trace.amounts.push_back(explain_amount(ruleset, t, result));
  }
  if (allocation.cap_applied) trace.limit = explain_limit(allocation);
  return traced;
}

}  // namespace hsg::engine
