// rules/core-flexi.toml is seed 002's core and flexi trial, and [[allowances]] are read
// with every problem at file:line:column.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "engine/allocate.h"
#include "rules/ruleset_loader.h"
#include "tests/rules/base_ruleset.h"

using hsg::test::diagnostics_of;
using Lines = std::vector<std::string>;

namespace {

// An allowances-only rule set; line numbers are part of the expectations.
std::string allowances(const std::string& cash_lines) {
  return "name = \"flexi\"\n"                   // 1
         "version = \"1\"\n"                    // 2
         "effective_from = 2025-04-01\n"        // 3
         "currency = \"GBP\"\n"                 // 4
         "rounding = \"half_up\"\n"             // 5
         "upper_limit = \"5000.00\"\n"          // 6
         "instalment_period_weeks = 4\n"        // 7
         "adjustment_tolerance_percent = 10\n"  // 8
         "\n"                                   // 9
         "[[allowances]]\n"                     // 10
         "key = \"flexi_cash\"\n"               // 11
         "label = \"Cash\"\n"                   // 12
         "weeks = 52\n" +                       // 13
         cash_lines;                            // 14…
}

}  // namespace

TEST_CASE("core-flexi.toml: 40.00 a week from a pot of 800.00 among 20 and 3.50 hours") {
  auto loaded = hsg::rules::load_ruleset_file(HSG_SOURCE_DIR "/rules/core-flexi.toml");
  REQUIRE(std::holds_alternative<hsg::rules::LoadedRuleset>(loaded));
  const auto& ruleset = std::get<hsg::rules::LoadedRuleset>(loaded).ruleset;
  const auto& spec = ruleset.spec();
  CHECK(spec.name == "core-flexi");
  CHECK(spec.hourly_rate.pence() == 0);
  CHECK(spec.questions.empty());
  REQUIRE(spec.interventions.size() == 2);
  CHECK(spec.interventions[0].key == "flexi_cash");
  CHECK(spec.interventions[0].is_allowance());
  CHECK(spec.interventions[0].pot ==
        hsg::engine::AllowancePot{hsg::engine::Money::from_pence(80'000), 1, 20});
  CHECK(ruleset.allowance_cash_per_week(0).pence() == 4'000);
  CHECK(spec.interventions[1].allowance_hours_per_week.hundredths() == 350);
  const auto answers = std::move(hsg::engine::Answers::from_indices(ruleset, {})).value();
  const auto allocation = hsg::engine::allocate(ruleset, answers);
  CHECK(allocation.interventions[0].amount.pence() == 208'000);
  CHECK(allocation.interventions[1].hours_per_week.hundredths() == 350);
  CHECK(allocation.total.pence() == 208'000);
}

TEST_CASE("an allowance is read from cash_per_week or a pot and refused with both") {
  CHECK(diagnostics_of(allowances("cash_per_week = \"40.00\"\n")).empty());
  CHECK(diagnostics_of(allowances("cash_per_week = \"40.00\"\npot = { amount = \"800.00\", "
                                  "places = 20 }\n")) ==
        Lines{"test.toml:15:7: allowances[0] gives cash_per_week and pot; give one of them"});
  CHECK(diagnostics_of(allowances("pot = { amount = \"800.00\", places = 20, weks = 1 }\n")) ==
        Lines{"test.toml:14:41: unknown key 'weks' in allowances[0].pot; allowed: amount, "
              "weeks, places"});
  CHECK(diagnostics_of(allowances("pot = { amount = \"10.39\", weeks = 52, places = 20 }\n")) ==
        Lines{"test.toml:14:18: pot.amount 10.39 shared by 20 places over 52 weeks is less than "
              "0.01 a place a week"});
  CHECK(diagnostics_of(allowances("")) ==
        Lines{"test.toml:10:1: an allowance needs cash_per_week, pot or hours_per_week, and "
              "none is above 0"});
  CHECK(diagnostics_of(allowances("cash_per_week = 40.5\n")) ==
        Lines{"test.toml:14:17: allowances[0].cash_per_week must be exact: write it as a string "
              "such as "
              "\"18.50\", not a floating-point number"});
}

TEST_CASE("a rule set with scored types still needs its rate and questions") {
  CHECK(diagnostics_of(allowances("hours_per_week = \"3.50\"\n") +
                       "\n[[interventions]]\nkey = \"basic\"\nlabel = \"Basic\"\n"
                       "thresholds = { low = 1, medium = 2, high = 3 }\n"
                       "hours_per_week = { low = \"1\", medium = \"2\", high = \"3\" }\n"
                       "weeks = 4\n") ==
        Lines{"test.toml:1:1: missing key 'hourly_rate' at the top level",
              "test.toml:1:1: missing key 'questions' at the top level"});
}
