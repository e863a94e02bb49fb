// Fixed weekly allowances (Look Ahead's core and flexi, seed 002): cash and hours the same
// every week for everyone, a pot shared equally, and how they sit beside scored types.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/allocate.h"
#include "engine/allowance.h"

using hsg::engine::allocate;
using hsg::engine::allocate_traced;
using hsg::engine::AllowancePot;
using hsg::engine::Answers;
using hsg::engine::Hours;
using hsg::engine::InterventionKind;
using hsg::engine::InterventionSpec;
using hsg::engine::Level;
using hsg::engine::Money;
using hsg::engine::PotShare;
using hsg::engine::Problem;
using hsg::engine::QuestionSpec;
using hsg::engine::Ruleset;
using hsg::engine::RulesetSpec;
using hsg::engine::share_of;

namespace {

InterventionSpec cash_allowance(std::string key, Money per_week, std::int64_t weeks) {
  InterventionSpec type;
  type.key = std::move(key);
  type.label = "Cash";
  type.kind = InterventionKind::allowance;
  type.cash_per_week = per_week;
  type.weeks = weeks;
  return type;
}

InterventionSpec hours_allowance(Hours per_week, std::int64_t weeks) {
  InterventionSpec type;
  type.key = "flexi_hours";
  type.label = "Flexible support hours";
  type.kind = InterventionKind::allowance;
  type.allowance_hours_per_week = per_week;
  type.weeks = weeks;
  return type;
}

InterventionSpec scored_type() {
  InterventionSpec type;
  type.key = "intensive";
  type.label = "Intensive";
  type.thresholds = {2, 4, 6};
  type.hours_per_week = {Hours::from_hundredths(100), Hours::from_hundredths(200),
                         Hours::from_hundredths(300)};
  type.weeks = 10;
  return type;
}

QuestionSpec question() {
  QuestionSpec asked{"home", "Home", 2, {}};
  asked.options.push_back({"none", "None", {}});
  asked.options.push_back({"some", "Some", {{"intensive", 3}}});
  return asked;
}

RulesetSpec header() {
  RulesetSpec spec;
  spec.name = "core-flexi";
  spec.version = "1.0";
  spec.currency = "GBP";
  spec.upper_limit = Money::from_pence(208'000);
  spec.instalment_period_weeks = 4;
  spec.adjustment_tolerance_percent = 10;
  return spec;
}

// Seed 002: a weekly pot of £800.00 shared by 20 customers, and 3.5 hours a week.
RulesetSpec core_flexi() {
  RulesetSpec spec = header();
  InterventionSpec cash = cash_allowance("flexi_cash", Money{}, 52);
  cash.pot = AllowancePot{Money::from_pence(80'000), 1, 20};
  spec.interventions = {cash, hours_allowance(Hours::from_hundredths(350), 52)};
  return spec;
}

std::vector<std::string> problems_of(const RulesetSpec& spec) {
  std::vector<std::string> lines;
  for (const Problem& problem : hsg::engine::validate(spec)) {
    lines.push_back(problem.path + ": " + problem.message);
  }
  return lines;
}

Answers no_answers(const Ruleset& ruleset) {
  return std::move(Answers::from_indices(ruleset, {})).value();
}

}  // namespace

TEST_CASE("core and flexi: 40.00 a week in cash and 3.50 hours a week for 52 weeks") {
  const auto created = Ruleset::create(core_flexi());
  REQUIRE(created.ok());
  const Ruleset& ruleset = created.value();
  CHECK(ruleset.scored_count() == 0);
  CHECK(ruleset.allowance_cash_per_week(0) == Money::from_pence(4'000));
  const auto traced = allocate_traced(ruleset, no_answers(ruleset));
  const auto& cash = traced.allocation.interventions[0];
  const auto& hours = traced.allocation.interventions[1];
  CHECK(cash.level == Level::none);
  CHECK(cash.score == 0);
  CHECK(cash.weekly_amount == Money::from_pence(4'000));
  CHECK(cash.calculated_amount == Money::from_pence(208'000));  // 52 × £40.00
  CHECK(cash.amount == Money::from_pence(208'000));
  CHECK(cash.hours_per_week == Hours{});
  CHECK_FALSE(cash.points_to_next_level.has_value());
  CHECK_FALSE(cash.points_above_threshold.has_value());
  CHECK(hours.hours_per_week == Hours::from_hundredths(350));
  CHECK(hours.weeks == 52);
  CHECK(hours.calculated_amount == Money{});  // given as time, not cash
  CHECK(traced.allocation.total == Money::from_pence(208'000));
  CHECK_FALSE(traced.allocation.cap_applied);
  CHECK(traced.trace.scores.empty());
  REQUIRE(traced.trace.amounts.size() == 2);
  CHECK(traced.trace.amounts[0].cash_per_week == Money::from_pence(4'000));
  CHECK(traced.trace.amounts[0].exact_hundredths_of_penny == 20'800'000);
  CHECK(traced.trace.amounts[0].hourly_rate == Money{});
  CHECK(traced.trace.amounts[1].cash_per_week == Money{});
}

TEST_CASE("a pot is shared equally and the pennies that cannot be shared stay unallocated") {
  CHECK(share_of({Money::from_pence(80'000), 1, 20}) ==
        PotShare{Money::from_pence(4'000), Money{}});
  CHECK(share_of({Money::from_pence(80'019), 1, 20}) ==
        PotShare{Money::from_pence(4'000), Money::from_pence(19)});
  // £41,600.13 for 52 weeks and 20 places: 1,040 equal shares of £40.00, 13p over.
  CHECK(share_of({Money::from_pence(4'160'013), 52, 20}) ==
        PotShare{Money::from_pence(4'000), Money::from_pence(13)});
  CHECK(share_of({Money::from_pence(100), 1, 3}) ==
        PotShare{Money::from_pence(33), Money::from_pence(1)});
}

TEST_CASE("an uneven pot pays every place the same whole pennies") {
  RulesetSpec spec = core_flexi();
  spec.interventions[0].pot = AllowancePot{Money::from_pence(80'019), 1, 20};
  const auto created = Ruleset::create(spec);
  REQUIRE(created.ok());
  const auto allocation = allocate(created.value(), no_answers(created.value()));
  CHECK(allocation.interventions[0].weekly_amount == Money::from_pence(4'000));
  CHECK(allocation.interventions[0].amount == Money::from_pence(208'000));
}

TEST_CASE("beside a scored type the upper limit scales the allowance in proportion too") {
  RulesetSpec spec = header();
  spec.hourly_rate = Money::from_pence(1'000);
  spec.upper_limit = Money::from_pence(50'000);
  spec.interventions = {scored_type(), cash_allowance("flexi_cash", Money::from_pence(4'000), 10)};
  spec.questions = {question()};
  const auto created = Ruleset::create(spec);
  REQUIRE(created.ok());
  const Ruleset& ruleset = created.value();
  CHECK(ruleset.scored_count() == 1);
  // home = some: 2 × 3 = 6 → high → 3.00 h × 10 weeks × £10.00 = £300.00; cash £400.00.
  const auto answers = std::move(Answers::from_indices(ruleset, {1})).value();
  const auto traced = allocate_traced(ruleset, answers);
  const auto& allocation = traced.allocation;
  CHECK(allocation.interventions[0].calculated_amount == Money::from_pence(30'000));
  CHECK(allocation.interventions[1].calculated_amount == Money::from_pence(40'000));
  CHECK(allocation.calculated_total == Money::from_pence(70'000));
  CHECK(allocation.cap_applied);
  // £500.00 × 3/7 = £214.2857… and × 4/7 = £285.7142…: the penny goes to the larger remainder.
  CHECK(allocation.interventions[0].amount == Money::from_pence(21'429));
  CHECK(allocation.interventions[1].amount == Money::from_pence(28'571));
  CHECK(traced.trace.scores.size() == 1);
  CHECK(traced.trace.amounts.size() == 2);
}

TEST_CASE("a rule set of allowances alone needs no questions and no hourly rate") {
  CHECK(problems_of(core_flexi()).empty());
  RulesetSpec scored = header();
  scored.interventions = {scored_type()};
  CHECK(problems_of(scored) ==
        std::vector<std::string>{
            "hourly_rate: hourly_rate must be between 0.01 and 10000.00, got 0.00",
            "questions: a rule set with scored intervention types needs at least one question"});
}

TEST_CASE("allowances are refused when they give nothing or give it twice") {
  RulesetSpec spec = core_flexi();
  spec.interventions[0].cash_per_week = Money::from_pence(4'000);
  spec.interventions[1].allowance_hours_per_week = Hours{};
  CHECK(problems_of(spec) ==
        std::vector<std::string>{
            "allowances[0].cash_per_week: an allowance gives cash_per_week or pot, not both",
            "allowances[1]: an allowance needs cash_per_week, pot or hours_per_week, and none "
            "is above 0"});
}

TEST_CASE("a pot too small for a penny a place a week is refused") {
  RulesetSpec spec = core_flexi();
  spec.interventions[0].pot = AllowancePot{Money::from_pence(1'039), 52, 20};
  CHECK(problems_of(spec) ==
        std::vector<std::string>{"allowances[0].pot.amount: pot.amount 10.39 shared by 20 places "
                                 "over 52 weeks is less than 0.01 a place a week"});
  spec.interventions[0].pot = AllowancePot{Money::from_pence(1'000), 0, 10'001};
  CHECK(problems_of(spec) ==
        std::vector<std::string>{"allowances[0].pot.weeks: pot.weeks must be between 1 and 520, "
                                 "got 0",
                                 "allowances[0].pot.places: pot.places must be between 1 and "
                                 "10000, got 10001"});
}

TEST_CASE("options give no points to an allowance and scored types come first") {
  RulesetSpec spec = header();
  spec.hourly_rate = Money::from_pence(1'000);
  spec.interventions = {cash_allowance("flexi_cash", Money::from_pence(4'000), 10), scored_type()};
  QuestionSpec asked = question();
  asked.options[1].points.push_back({"flexi_cash", 1});
  spec.questions = {asked};
  CHECK(problems_of(spec) ==
        std::vector<std::string>{
            "interventions[0]: scored intervention types come before the allowances",
            "questions[0].options[1].points.flexi_cash: points name the allowance 'flexi_cash', "
            "which is fixed, not scored; scored types: intensive"});
}
