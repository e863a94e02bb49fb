#include <catch2/catch.hpp>

#include "engine/ruleset.h"
#include "tests/engine/medway_spec.h"

using hsg::engine::Hours;
using hsg::engine::Level;
using hsg::engine::Money;
using hsg::engine::Problem;
using hsg::engine::Ruleset;
using hsg::engine::RulesetSpec;
using hsg::engine::validate;
using hsg::test::medway_ruleset;
using hsg::test::medway_spec;

TEST_CASE("the medway rule set is valid and its amounts per level are hours x weeks x rate") {
  const Ruleset ruleset = medway_ruleset();
  CHECK(ruleset.intervention_count() == 3);
  CHECK(ruleset.question_count() == 10);
  // short_term_intensive: 3, 5, 8 h x 12 w x 18.50
  CHECK(ruleset.amount_at(0, Level::none).pence() == 0);
  CHECK(ruleset.amount_at(0, Level::low).pence() == 66600);
  CHECK(ruleset.amount_at(0, Level::medium).pence() == 111000);
  CHECK(ruleset.amount_at(0, Level::high).pence() == 177600);
  // short_term_basic: 1, 1.5, 2 h x 8 w x 18.50
  CHECK(ruleset.amount_at(1, Level::low).pence() == 14800);
  CHECK(ruleset.amount_at(1, Level::medium).pence() == 22200);
  CHECK(ruleset.amount_at(1, Level::high).pence() == 29600);
  // long_term_maintenance: 0.5, 1, 1.5 h x 52 w x 18.50
  CHECK(ruleset.amount_at(2, Level::low).pence() == 48100);
  CHECK(ruleset.amount_at(2, Level::medium).pence() == 96200);
  CHECK(ruleset.amount_at(2, Level::high).pence() == 144300);
  CHECK(ruleset.weekly_amount_at(0, Level::high).pence() == 14800);
  CHECK(ruleset.weekly_amount_at(2, Level::low).pence() == 925);
  // money (weight 2) answered "advice" adds 2 x 2 to short_term_basic only.
  CHECK(ruleset.contribution(5, 1)[0] == 0);
  CHECK(ruleset.contribution(5, 1)[1] == 4);
  CHECK(ruleset.contribution(5, 1)[2] == 0);
}

TEST_CASE("header values out of range are each reported with their path") {
  RulesetSpec spec = medway_spec();
  spec.name = "";
  spec.currency = "gbp";
  spec.hourly_rate = Money::from_pence(0);
  spec.upper_limit = Money::from_pence(-100);
  spec.instalment_period_weeks = 0;
  spec.adjustment_tolerance_percent = 101;
  CHECK(validate(spec) ==
        std::vector<Problem>{
            {"name", "name must not be empty"},
            {"currency",
             "currency must be three capital letters (an ISO 4217 code such as GBP), got 'gbp'"},
            {"hourly_rate", "hourly_rate must be between 0.01 and 10000.00, got 0.00"},
            {"upper_limit", "upper_limit must be between 0.01 and 100000000.00, got -1.00"},
            {"instalment_period_weeks", "instalment_period_weeks must be between 1 and 52, got 0"},
            {"adjustment_tolerance_percent",
             "adjustment_tolerance_percent must be between 0 and 100, got 101"},
        });
}

TEST_CASE("thresholds must strictly increase and hours must not decrease with level") {
  RulesetSpec spec = medway_spec();
  spec.interventions[0].thresholds = {3, 3, 2};
  spec.interventions[1].hours_per_week[2] = Hours::from_hundredths(120);
  spec.interventions[2].weeks = 0;
  CHECK(validate(spec) ==
        std::vector<Problem>{
            {"interventions[0].thresholds.medium",
             "thresholds.medium (3) must be greater than thresholds.low (3)"},
            {"interventions[0].thresholds.high",
             "thresholds.high (2) must be greater than thresholds.medium (3)"},
            {"interventions[1].hours_per_week.high",
             "hours_per_week.high (1.20) must not be less than hours_per_week.medium (1.50)"},
            {"interventions[2].weeks", "weeks must be between 1 and 520, got 0"},
        });
}

TEST_CASE("zero thresholds, impossible hours and bad keys are refused") {
  RulesetSpec spec = medway_spec();
  spec.interventions[0].thresholds[0] = 0;
  spec.interventions[0].hours_per_week = {Hours::from_hundredths(-50), Hours::from_hundredths(500),
                                          Hours::from_hundredths(16801)};
  spec.interventions[1].key = "Short Term";
  spec.interventions[2].key = "short_term_intensive";
  for (auto& question : spec.questions) {
    for (auto& option : question.options) option.points.clear();
  }
  CHECK(validate(spec) ==
        std::vector<Problem>{
            {"interventions[0].thresholds.low",
             "thresholds.low must be between 1 and 100000000, got 0"},
            {"interventions[0].hours_per_week.low",
             "hours_per_week.low must be between 0.00 and 168.00, got -0.50"},
            {"interventions[0].hours_per_week.high",
             "hours_per_week.high must be between 0.00 and 168.00, got 168.01"},
            {"interventions[1].key",
             "key must be 1 to 64 lowercase letters, digits or '_', starting with a letter, got "
             "'Short Term'"},
            {"interventions[2].key",
             "duplicate intervention key 'short_term_intensive' (first at interventions[0])"},
        });
}

TEST_CASE("questions: duplicate ids, weights, options and points naming unknown types") {
  RulesetSpec spec = medway_spec();
  spec.questions[3].id = "tenancy_skills";
  spec.questions[1].weight = 0;
  spec.questions[2].options[3].id = "advice";
  spec.questions[4].options[1].points = {{"short_term_basc", 2}, {"long_term_maintenance", 1001}};
  spec.questions[6].options.clear();
  CHECK(validate(spec) ==
        std::vector<Problem>{
            {"questions[1].weight", "weight must be between 1 and 100, got 0"},
            {"questions[2].options[3].id",
             "duplicate option id 'advice' (first at questions[2].options[1])"},
            {"questions[3].id", "duplicate question id 'tenancy_skills' (first at questions[0])"},
            {"questions[4].options[1].points.short_term_basc",
             "points name unknown intervention type 'short_term_basc'; known: "
             "short_term_intensive, short_term_basic, long_term_maintenance"},
            {"questions[4].options[1].points.long_term_maintenance",
             "points for 'long_term_maintenance' must be between 0 and 1000, got 1001"},
            {"questions[6].options", "a question needs between 1 and 20 options, got 0"},
        });
}

TEST_CASE("a rule set needs interventions and questions, within their bounds") {
  RulesetSpec spec = medway_spec();
  spec.interventions.clear();
  spec.questions.clear();
  // With no type at all there is nothing to score, so only the types are asked for.
  CHECK(validate(spec) == std::vector<Problem>{
                              {"interventions",
                               "a rule set needs at least one intervention type or allowance "
                               "([[interventions]] or [[allowances]])"},
                          });
  spec = medway_spec();
  spec.questions.clear();
  CHECK(validate(spec) ==
        std::vector<Problem>{
            {"questions", "a rule set with scored intervention types needs at least one question"},
        });
  spec = medway_spec();
  spec.interventions.resize(9, spec.interventions[0]);
  for (std::size_t i = 0; i < 9; ++i) spec.interventions[i].key = "type_" + std::to_string(i);
  for (auto& question : spec.questions) {
    for (auto& option : question.options) option.points.clear();
  }
  CHECK(validate(spec) ==
        std::vector<Problem>{
            {"interventions[8]",
             "a rule set may have at most 8 intervention types and allowances together, got 9"}});
  CHECK_FALSE(Ruleset::create(spec).ok());
  CHECK(Ruleset::create(spec).problems().size() == 1);
}

TEST_CASE("every rule set created has its own serial, and a copy keeps it") {
  const Ruleset first = Ruleset::create(medway_spec()).value();
  const Ruleset second = Ruleset::create(medway_spec()).value();
  const Ruleset copy = first;  // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(first.serial() != 0);
  CHECK(second.serial() != first.serial());
  CHECK(copy.serial() == first.serial());
}
