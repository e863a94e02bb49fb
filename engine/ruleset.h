// A rule set: everything the engine needs to turn answers into a grant.
//
// RulesetSpec is plain data in the shape of the rule-set file (rules/ fills it from
// TOML). Ruleset::create validates a spec completely — reporting every problem, each
// with a path in the file's own key names — and returns an immutable Ruleset whose
// derived tables (weighted points per answer, amount per level) are computed once, so
// allocate() only adds and looks up.
//
// Invariants of a created Ruleset:
//   - 1..kMaxInterventions intervention types with distinct keys; thresholds
//     low < medium < high, all >= 1; hours per week 0..168.00 and not decreasing with
//     level; weeks 1..520;
//   - 1..kMaxQuestions questions with distinct ids, weight 1..100, 1..kMaxOptions options
//     with distinct ids, points 0..1000 naming known types (each at most once);
//   - hourly rate 0.01..10,000.00; upper limit 0.01..100,000,000.00; instalment period
//     1..52 weeks; adjustment tolerance 0..100 percent; currency three capital letters.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

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

struct InterventionSpec {
  std::string key;
  std::string label;
  std::array<std::int64_t, 3> thresholds{};  // low, medium, high: minimum score
  std::array<Hours, 3> hours_per_week{};     // low, medium, high
  std::int64_t weeks = 0;
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
  std::size_t question_count() const { return spec_.questions.size(); }
  std::size_t option_count(std::size_t question) const {
    return spec_.questions[question].options.size();
  }

  // weight × points that option `option` of `question` adds to each type's score.
  const std::array<std::int64_t, kMaxInterventions>& contribution(std::size_t question,
                                                                  std::size_t option) const {
    return contributions_[question * kMaxOptions + option];
  }

  // hours/week × weeks × rate, rounded once to the penny; zero at Level::none.
  Money amount_at(std::size_t intervention, Level level) const {
    return amounts_[intervention][static_cast<std::size_t>(level)];
  }
  // hours/week × rate, rounded the same way; information only, never summed.
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
  std::vector<std::array<std::int64_t, kMaxInterventions>> contributions_;
  std::vector<std::array<Money, 4>> amounts_;
  std::vector<std::array<Money, 4>> weekly_amounts_;
};

}  // namespace hsg::engine
