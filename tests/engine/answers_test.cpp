#include <catch2/catch.hpp>
#include <vector>

#include "engine/answers.h"
#include "tests/engine/medway_spec.h"

using hsg::engine::Answers;
using hsg::engine::NamedAnswer;
using hsg::engine::Problem;
using hsg::engine::resolve_answers;

namespace {

std::vector<NamedAnswer> all_none() {
  return {{"tenancy_skills", "none"}, {"housing_options", "none"}, {"home_maintenance", "none"},
          {"settling_in", "none"},    {"on_call", "none"},         {"money", "none"},
          {"health", "none"},         {"safety", "none"},          {"social", "none"},
          {"work_learning", "none"}};
}

}  // namespace

TEST_CASE("answers resolve to option indices in rule-set order, whatever order given") {
  const auto ruleset = hsg::test::medway_ruleset();
  std::vector<NamedAnswer> given = all_none();
  std::swap(given[0], given[9]);
  given[0].option = "monitoring";  // work_learning
  const auto answers = resolve_answers(ruleset, given);
  REQUIRE(answers.ok());
  CHECK(answers.value().option(9) == 3);
  CHECK(answers.value().option(0) == 0);
}

TEST_CASE("an unknown area is an error naming it and listing the allowed areas") {
  const auto ruleset = hsg::test::medway_ruleset();
  std::vector<NamedAnswer> given = all_none();
  given[5].area = "mony";
  const auto answers = resolve_answers(ruleset, given);
  REQUIRE_FALSE(answers.ok());
  CHECK(answers.problems() ==
        std::vector<Problem>{
            {"answers.mony",
             "unknown area 'mony'; allowed: tenancy_skills, housing_options, home_maintenance, "
             "settling_in, on_call, money, health, safety, social, work_learning"},
            {"answers", "no answer for 1 area: money"}});
}

TEST_CASE("an unknown option names the area and lists its options, and it is not also missing") {
  const auto ruleset = hsg::test::medway_ruleset();
  std::vector<NamedAnswer> given = all_none();
  given[5].option = "lots";
  const auto answers = resolve_answers(ruleset, given);
  REQUIRE_FALSE(answers.ok());
  CHECK(answers.problems() ==
        std::vector<Problem>{{"answers.money",
                              "unknown option 'lots' for area 'money'; allowed: none, advice, "
                              "alongside, monitoring"}});
}

TEST_CASE("every missing area is listed, and an area given twice is refused") {
  const auto ruleset = hsg::test::medway_ruleset();
  const std::vector<NamedAnswer> given{{"money", "advice"}, {"money", "none"}, {"safety", "none"}};
  const auto answers = resolve_answers(ruleset, given);
  REQUIRE_FALSE(answers.ok());
  CHECK(answers.problems() ==
        std::vector<Problem>{{"answers.money", "area 'money' is answered more than once"},
                             {"answers",
                              "no answer for 8 areas: tenancy_skills, housing_options, "
                              "home_maintenance, settling_in, on_call, health, social, "
                              "work_learning"}});
}

TEST_CASE("answers by index are checked against the rule set") {
  const auto ruleset = hsg::test::medway_ruleset();
  CHECK(Answers::from_indices(ruleset, std::vector<std::uint8_t>(10, 3)).ok());
  CHECK(Answers::from_indices(ruleset, std::vector<std::uint8_t>(9, 0)).problems() ==
        std::vector<Problem>{{"answers", "expected 10 answers, got 9"}});
  std::vector<std::uint8_t> out_of_range(10, 0);
  out_of_range[2] = 4;
  CHECK(Answers::from_indices(ruleset, out_of_range).problems() ==
        std::vector<Problem>{{"answers.home_maintenance", "option index 4 is out of range"}});
}
