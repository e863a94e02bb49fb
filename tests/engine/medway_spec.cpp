#include "tests/engine/medway_spec.h"

#include <catch2/catch.hpp>
#include <vector>

namespace hsg::test {

using engine::Hours;
using engine::Money;

namespace {

engine::InterventionSpec type(std::string key, std::array<std::int64_t, 3> thresholds,
                              std::array<std::int64_t, 3> hours_hundredths, std::int64_t weeks) {
  engine::InterventionSpec spec;
  spec.key = std::move(key);
  spec.label = "label";
  spec.thresholds = thresholds;
  spec.hours_per_week = {Hours::from_hundredths(hours_hundredths[0]),
                         Hours::from_hundredths(hours_hundredths[1]),
                         Hours::from_hundredths(hours_hundredths[2])};
  spec.weeks = weeks;
  return spec;
}

std::vector<engine::OptionSpec> standard_options() {
  return {{"none", "No help needed", {}},
          {"advice", "Occasional information", {{"short_term_basic", 2}}},
          {"alongside", "Someone working alongside", {{"short_term_intensive", 3}}},
          {"monitoring", "Ongoing monitoring", {{"long_term_maintenance", 2}}}};
}

}  // namespace

engine::RulesetSpec medway_spec() {
  engine::RulesetSpec spec;
  spec.name = "medway";
  spec.version = "1.0";
  spec.effective_from = *engine::Date::from_ymd(2024, 4, 1);
  spec.currency = "GBP";
  spec.rounding = engine::RoundingMode::half_up;
  spec.hourly_rate = Money::from_pence(1850);
  spec.upper_limit = Money::from_pence(250000);
  spec.instalment_period_weeks = 4;
  spec.adjustment_tolerance_percent = 10;
  spec.interventions = {type("short_term_intensive", {3, 9, 15}, {300, 500, 800}, 12),
                        type("short_term_basic", {2, 6, 10}, {100, 150, 200}, 8),
                        type("long_term_maintenance", {2, 6, 10}, {50, 100, 150}, 52)};
  const std::vector<std::pair<std::string, std::int64_t>> areas{
      {"tenancy_skills", 2}, {"housing_options", 1}, {"home_maintenance", 1}, {"settling_in", 1},
      {"on_call", 1},        {"money", 2},           {"health", 1},           {"safety", 2},
      {"social", 1},         {"work_learning", 1}};
  for (const auto& [id, weight] : areas) {
    spec.questions.push_back({id, "text of " + id, weight, standard_options()});
  }
  return spec;
}

engine::Ruleset medway_ruleset() {
  auto created = engine::Ruleset::create(medway_spec());
  REQUIRE(created.ok());
  return std::move(created).value();
}

engine::Answers medway_answers(const engine::Ruleset& ruleset,
                               std::initializer_list<engine::NamedAnswer> given) {
  std::vector<engine::NamedAnswer> all(given);
  for (const engine::QuestionSpec& question : ruleset.spec().questions) {
    bool answered = false;
    for (const engine::NamedAnswer& answer : given) answered |= answer.area == question.id;
    if (!answered) all.push_back({question.id, "none"});
  }
  auto resolved = engine::resolve_answers(ruleset, all);
  REQUIRE(resolved.ok());
  return std::move(resolved).value();
}

}  // namespace hsg::test
