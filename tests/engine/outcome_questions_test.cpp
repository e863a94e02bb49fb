// The Supporting People outcomes framework (seed 003) and its report arithmetic.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/outcome_questions.h"

namespace hsg::engine {

TEST_CASE("the framework's measures are seed 003's rows, in its order") {
  std::vector<std::string> keys;
  for (const OutcomeMeasure& measure : outcome_measures()) keys.emplace_back(measure.key);
  CHECK(keys == std::vector<std::string>{"1a",  "1b",   "1ci",  "1cii", "2ai",  "2aii",  "2b",
                                         "2c",  "2di",  "2dii", "3a",   "3b",   "3c",    "3d",
                                         "4ai", "4aii", "4b",   "4ci",  "4cii", "4ciii", "5"});
  CHECK(find_outcome_measure("4ciii")->domain == OutcomeDomain::stay_safe);
  CHECK(to_string(find_outcome_measure("5")->domain) == "Making a positive contribution");
  CHECK(find_outcome_measure("1a")->question ==
        "Did the client need support to maximise their income, including receipt of the correct "
        "welfare benefits?");
  CHECK(find_outcome_measure("1c") == nullptr);
}

TEST_CASE("labels and domains need no quoting in CSV") {
  for (const OutcomeMeasure& measure : outcome_measures()) {
    INFO(measure.key);
    CHECK(measure.label.find_first_of(",\"\r\n") == std::string_view::npos);
    CHECK(to_string(measure.domain).find_first_of(",\"\r\n") == std::string_view::npos);
  }
}

TEST_CASE("terms are short and long") {
  CHECK(parse_outcome_term("short") == OutcomeTerm::short_term);
  CHECK(parse_outcome_term("long") == OutcomeTerm::long_term);
  CHECK_FALSE(parse_outcome_term("Short").has_value());
  CHECK(to_string(OutcomeTerm::long_term) == "long");
}

TEST_CASE("seed 003's 1a: 332 achieving of 353 needing and 456 returns is 94% and 73%") {
  const OutcomeFigures figures = outcome_figures({456, 353, 332});
  CHECK(figures.achieved == 332);
  CHECK(figures.percent_of_needed == 94);  // 94.05%
  CHECK(figures.percent_of_all == 73);     // 72.81%
}

TEST_CASE("percentages round halves up, in whole percent") {
  CHECK(outcome_figures({8, 8, 1}).percent_of_needed == 13);         // 12.5%
  CHECK(outcome_figures({200, 200, 1}).percent_of_all == 1);         // 0.5%
  CHECK(outcome_figures({201, 201, 1}).percent_of_all == 0);         // 0.498%
  CHECK(outcome_figures({200, 200, 199}).percent_of_needed == 100);  // 99.5%
  CHECK(outcome_figures({3, 3, 2}).percent_of_needed == 67);         // 66.67%
}

TEST_CASE("nobody needing a measure is no percentage, not 0%") {
  const OutcomeFigures none_needed = outcome_figures({10, 0, 0});
  CHECK_FALSE(none_needed.percent_of_needed.has_value());
  CHECK(none_needed.percent_of_all == 0);
  const OutcomeFigures no_returns = outcome_figures({0, 0, 0});
  CHECK_FALSE(no_returns.percent_of_needed.has_value());
  CHECK_FALSE(no_returns.percent_of_all.has_value());
}

TEST_CASE("counts that break achieved <= needed <= returns are refused") {
  CHECK_THROWS_AS(outcome_figures({10, 2, 3}), std::invalid_argument);
  CHECK_THROWS_AS(outcome_figures({1, 2, 0}), std::invalid_argument);
  CHECK_THROWS_AS(outcome_figures({1, 1, -1}), std::invalid_argument);
}

}  // namespace hsg::engine
