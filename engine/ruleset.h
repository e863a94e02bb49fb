// A rule set: everything the engine needs to turn answers into a grant.
//
// RulesetSpec is plain data in the shape of the rule-set file (rules/ fills it from
// TOML). Ruleset::create validates a spec completely — reporting every problem, each
// with a path in the file's own key names — and returns an immutable Ruleset whose
// derived tables (weighted points per answer, amount per level) are computed once, so
// allocate() only adds and looks up.
//
// A type is scored (the Medway model: a score from the answers gives a level, the level
// hours, hours × weeks × rate the amount) or a fixed allowance (engine/allowance.h: the
// same cash and hours every week for everyone, from [[allowances]] in the file). The
// scored types come first, then the allowances, each group in file order; everything
// that follows a type — amounts, the upper limit, agreed shares, instalments, ledger
// accounts — treats both alike.
//
// Invariants of a created Ruleset:
//   - 1..kMaxInterventions types with distinct keys, scored ones before allowances;
//   - a scored type: thresholds low < medium < high, all >= 1; hours per week 0..168.00
//     and not decreasing with level; weeks 1..520;
//   - an allowance: cash per week 0.00..10,000.00 (stated, or the equal share of a pot
//     of 0.01..100,000,000.00 over 1..520 weeks and 1..10,000 places, at least 0.01),
//     hours per week 0.00..168.00, not both zero; weeks 1..520;
//   - questions with distinct ids, weight 1..100, 1..kMaxOptions options with distinct
//     ids, points 0..1000 naming known scored types (each at most once); 1..kMaxQuestions
//     of them when there is a scored type, 0..kMaxQuestions when there is none;
//   - hourly rate 0.01..10,000.00 when there is a scored type (0.00..10,000.00 when not:
//     allowances do not use it); upper limit 0.01..100,000,000.00; instalment period
//     1..52 weeks; adjustment tolerance 0..100 percent; currency three capital letters.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/allowance.h"
#include "engine/date.h"
#include "engine/hours.h"
#include "engine/level.h"
#include "engine/money.h"
#include "engine/problem.h"
#include "engine/rounding.h"

namespace hsg::engine {

inline constexpr std::size_t kMaxInterventions = 8;
inline constexpr std::size_t kMaxQuestions = 200;
inline constexpr std::size_t kMaxOptions = 20;

enum class InterventionKind : std::uint8_t { scored, allowance };

struct InterventionSpec {
  std::string key;
  std::string label;
  InterventionKind kind = InterventionKind::scored;
  std::array<std::int64_t, 3> thresholds{};  // scored: low, medium, high: minimum score
  std::array<Hours, 3> hours_per_week{};     // scored: low, medium, high
  std::int64_t weeks = 0;
  // An allowance: its weekly cash (stated, or zero when it comes from `pot`) and hours.
  Money cash_per_week;
  Hours allowance_hours_per_week;
  std::optional<AllowancePot> pot;

  bool is_allowance() const { return kind == InterventionKind::allowance; }
};

struct OptionSpec {
  std::string id;
  std::string label;
  // (intervention key, points) in file order; types not named get no points.
  std::vector<std::pair<std::string, std::int64_t>> points;
};

struct QuestionSpec {
  std::string id;
  std::string text;
  std::int64_t weight = 0;
  std::vector<OptionSpec> options;
};

struct RulesetSpec {
  std::string name;
  std::string version;
  Date effective_from;
  std::string currency;
  RoundingMode rounding = RoundingMode::half_up;
  Money hourly_rate;
  Money upper_limit;
  std::int64_t instalment_period_weeks = 0;
  std::int64_t adjustment_tolerance_percent = 0;
  std::vector<InterventionSpec> interventions;
  std::vector<QuestionSpec> questions;
};

// Every problem in `spec`, in file order; empty when it is valid.
std::vector<Problem> validate(const RulesetSpec& spec);

class Ruleset {
 public:
  static Result<Ruleset> create(RulesetSpec spec);

  const RulesetSpec& spec() const { return spec_; }
  std::size_t intervention_count() const { return spec_.interventions.size(); }
  // The scored types, which come before the allowances.
  std::size_t scored_count() const { return scored_count_; }
  // The cash an allowance pays each week (its pot's equal share when it has one).
  Money allowance_cash_per_week(std::size_t intervention) const {
    return allowance_cash_[intervention];
  }
  std::size_t question_count() const { return spec_.questions.size(); }
  std::size_t option_count(std::size_t question) const {
    return spec_.questions[question].options.size();
  }

  // weight × points that option `option` of `question` adds to each type's score.
  const std::array<std::int64_t, kMaxInterventions>& contribution(std::size_t question,
                                                                  std::size_t option) const {
    return contributions_[question * kMaxOptions + option];
  }

  // A scored type: hours/week × weeks × rate, rounded once to the penny; zero at
  // Level::none. An allowance (always at Level::none): cash per week × weeks, exact.
  Money amount_at(std::size_t intervention, Level level) const {
    return amounts_[intervention][static_cast<std::size_t>(level)];
  }
  // A scored type: hours/week × rate, rounded the same way; information only, never
  // summed. An allowance: its cash per week.
  Money weekly_amount_at(std::size_t intervention, Level level) const {
    return weekly_amounts_[intervention][static_cast<std::size_t>(level)];
  }
  Hours hours_at(std::size_t intervention, Level level) const;

  // A number no other Ruleset created in this process has (copies keep it: they are
  // equal), so that what a caller derives from one can be kept and known to be its own.
  std::uint64_t serial() const { return serial_; }

 private:
  explicit Ruleset(RulesetSpec spec);

  RulesetSpec spec_;
  std::uint64_t serial_ = 0;
  std::size_t scored_count_ = 0;
  std::vector<Money> allowance_cash_;
  std::vector<std::array<std::int64_t, kMaxInterventions>> contributions_;
  std::vector<std::array<Money, 4>> amounts_;
  std::vector<std::array<Money, 4>> weekly_amounts_;
};

}  // namespace hsg::engine
