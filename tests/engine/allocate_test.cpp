#include <catch2/catch.hpp>

#include "engine/allocate.h"
#include "tests/engine/medway_spec.h"

using hsg::engine::allocate;
using hsg::engine::allocate_traced;
using hsg::engine::Hours;
using hsg::engine::Level;
using hsg::engine::Money;
using hsg::engine::RoundingMode;
using hsg::engine::Ruleset;
using hsg::test::medway_answers;
using hsg::test::medway_ruleset;

namespace {

constexpr std::size_t kIntensive = 0;
constexpr std::size_t kBasic = 1;
constexpr std::size_t kMaintenance = 2;

hsg::engine::Answers worked_example(const Ruleset& ruleset) {
  return medway_answers(ruleset, {{"tenancy_skills", "alongside"},
                                  {"money", "advice"},
                                  {"safety", "alongside"},
                                  {"settling_in", "alongside"},
                                  {"on_call", "monitoring"}});
}

}  // namespace

TEST_CASE("domain.md worked example: 1776.00 + 148.00 + 481.00 = 2405.00") {
  const Ruleset ruleset = medway_ruleset();
  const auto allocation = allocate(ruleset, worked_example(ruleset));
  const auto& intensive = allocation.interventions[kIntensive];
  const auto& basic = allocation.interventions[kBasic];
  const auto& maintenance = allocation.interventions[kMaintenance];

  CHECK(intensive.score == 15);  // 2x3 + 2x3 + 1x3
  CHECK(intensive.level == Level::high);
  CHECK(intensive.hours_per_week == Hours::from_hundredths(800));
  CHECK(intensive.weeks == 12);
  CHECK(intensive.weekly_amount.pence() == 14800);
  CHECK(intensive.amount.pence() == 177600);
  CHECK_FALSE(intensive.points_to_next_level);
  CHECK(intensive.points_above_threshold == 0);

  CHECK(basic.score == 4);  // 2x2
  CHECK(basic.level == Level::low);
  CHECK(basic.hours_per_week == Hours::from_hundredths(100));
  CHECK(basic.amount.pence() == 14800);
  CHECK(basic.points_to_next_level == 2);
  CHECK(basic.points_above_threshold == 2);

  CHECK(maintenance.score == 2);  // 1x2
  CHECK(maintenance.level == Level::low);
  CHECK(maintenance.hours_per_week == Hours::from_hundredths(50));
  CHECK(maintenance.weeks == 52);
  CHECK(maintenance.amount.pence() == 48100);
  CHECK(maintenance.points_to_next_level == 4);
  CHECK(maintenance.points_above_threshold == 0);

  CHECK(allocation.calculated_total.pence() == 240500);
  CHECK(allocation.total.pence() == 240500);
  CHECK(allocation.upper_limit.pence() == 250000);
  CHECK_FALSE(allocation.cap_applied);
}

TEST_CASE("no needs at all: every level none, nothing to pay, cliff edge to low") {
  const Ruleset ruleset = medway_ruleset();
  const auto allocation = allocate(ruleset, medway_answers(ruleset, {}));
  for (const auto& result : allocation.results()) {
    CHECK(result.score == 0);
    CHECK(result.level == Level::none);
    CHECK(result.amount.pence() == 0);
    CHECK_FALSE(result.points_above_threshold);
  }
  CHECK(allocation.interventions[kIntensive].points_to_next_level == 3);
  CHECK(allocation.total.pence() == 0);
}

TEST_CASE("over the upper limit: parts scaled by largest remainder sum to 2500.00 exactly") {
  const Ruleset ruleset = medway_ruleset();
  // intensive 2x3x3 = 18 high 1776.00; basic 5x1x2 = 10 high 296.00; maintenance 2x1x2 = 4
  // low 481.00; calculated 2553.00.
  const auto answers = medway_answers(ruleset, {{"tenancy_skills", "alongside"},
                                                {"money", "alongside"},
                                                {"safety", "alongside"},
                                                {"housing_options", "advice"},
                                                {"home_maintenance", "advice"},
                                                {"settling_in", "advice"},
                                                {"health", "advice"},
                                                {"social", "advice"},
                                                {"on_call", "monitoring"},
                                                {"work_learning", "monitoring"}});
  const auto [allocation, trace] = allocate_traced(ruleset, answers);
  CHECK(allocation.calculated_total.pence() == 255300);
  CHECK(allocation.cap_applied);
  CHECK(allocation.total.pence() == 250000);
  // 250000 x 177600 / 255300 = 173913 r 11100; x 29600 = 28985 r 129500 (largest: +1p);
  // x 48100 = 47101 r 114700.
  CHECK(allocation.interventions[kIntensive].amount.pence() == 173913);
  CHECK(allocation.interventions[kBasic].amount.pence() == 28986);
  CHECK(allocation.interventions[kMaintenance].amount.pence() == 47101);
  CHECK(allocation.interventions[kIntensive].calculated_amount.pence() == 177600);
  REQUIRE(trace.limit);
  CHECK(trace.limit->calculated_total.pence() == 255300);
  CHECK(trace.limit->parts[kBasic].floor_pence == 28985);
  CHECK(trace.limit->parts[kBasic].remainder == 129500);
  CHECK(trace.limit->parts[kBasic].extra_penny);
  CHECK_FALSE(trace.limit->parts[kMaintenance].extra_penny);
}

TEST_CASE("ties for the last penny under the limit go to the type listed first") {
  auto spec = hsg::test::medway_spec();
  // Three types with equal amounts 1000.00 each; limit 2000.00 leaves 2/3 of a penny
  // of remainder on every part, and two pennies to hand out.
  spec.upper_limit = Money::from_pence(200000);
  spec.hourly_rate = Money::from_pence(1000);
  for (auto& type : spec.interventions) {
    type.weeks = 10;
    type.hours_per_week = {Hours::from_hundredths(1000), Hours::from_hundredths(1000),
                           Hours::from_hundredths(1000)};
  }
  const Ruleset ruleset = Ruleset::create(spec).value();
  const auto allocation =
      allocate(ruleset, medway_answers(ruleset, {{"tenancy_skills", "alongside"},
                                                 {"money", "advice"},
                                                 {"on_call", "monitoring"}}));
  CHECK(allocation.calculated_total.pence() == 300000);
  CHECK(allocation.interventions[0].amount.pence() == 66667);
  CHECK(allocation.interventions[1].amount.pence() == 66667);
  CHECK(allocation.interventions[2].amount.pence() == 66666);
}

TEST_CASE("amounts falling on half a penny: half_up rounds up, half_even to the even penny") {
  auto spec = hsg::test::medway_spec();
  // 0.50 h x 1 w x 18.25 = 9.125 -> 9.13 / 9.12; 0.50 h x 3 w x 18.25 = 27.375 -> 27.38 both.
  spec.hourly_rate = Money::from_pence(1825);
  spec.interventions[0].weeks = 1;
  spec.interventions[0].hours_per_week[0] = Hours::from_hundredths(50);
  spec.interventions[1].weeks = 3;
  spec.interventions[1].hours_per_week[0] = Hours::from_hundredths(50);
  for (const auto mode : {RoundingMode::half_up, RoundingMode::half_even}) {
    spec.rounding = mode;
    const Ruleset ruleset = Ruleset::create(spec).value();
    const auto [allocation, trace] = allocate_traced(
        ruleset, medway_answers(ruleset, {{"settling_in", "alongside"}, {"social", "advice"}}));
    const bool up = mode == RoundingMode::half_up;
    CHECK(trace.amounts[0].exact_hundredths_of_penny == 91250);
    CHECK(allocation.interventions[0].amount.pence() == (up ? 913 : 912));
    CHECK(allocation.interventions[0].weekly_amount.pence() == (up ? 913 : 912));
    CHECK(trace.amounts[1].exact_hundredths_of_penny == 273750);
    CHECK(allocation.interventions[1].amount.pence() == 2738);
    CHECK(allocation.total.pence() == (up ? 3651 : 3650));
  }
}

TEST_CASE("the trace explains every answer, threshold and product of the worked example") {
  const Ruleset ruleset = medway_ruleset();
  const auto [allocation, trace] = allocate_traced(ruleset, worked_example(ruleset));
  CHECK(allocation == allocate(ruleset, worked_example(ruleset)));
  REQUIRE(trace.answers.size() == 10);
  // tenancy_skills (weight 2) = alongside: 2 x 3 to short_term_intensive.
  CHECK(trace.answers[0].option == 2);
  CHECK(trace.answers[0].contributions ==
        std::vector<hsg::engine::Contribution>{{kIntensive, 2, 3, 6}});
  // housing_options = none: no points anywhere.
  CHECK(trace.answers[1].contributions.empty());
  // on_call (weight 1) = monitoring: 1 x 2 to long_term_maintenance.
  CHECK(trace.answers[4].contributions ==
        std::vector<hsg::engine::Contribution>{{kMaintenance, 1, 2, 2}});

  REQUIRE(trace.scores.size() == 3);
  CHECK(trace.scores[kBasic].score == 4);
  CHECK(trace.scores[kBasic].thresholds == std::array<std::int64_t, 3>{2, 6, 10});
  CHECK(trace.scores[kBasic].met == std::array<bool, 3>{true, false, false});
  CHECK(trace.scores[kBasic].points_to_next_level == 2);
  CHECK(trace.scores[kIntensive].met == std::array<bool, 3>{true, true, true});

  // 800 hundredths x 12 weeks x 1850 pence = 17,760,000 hundredths of a penny.
  CHECK(trace.amounts[kIntensive].exact_hundredths_of_penny == 17760000);
  CHECK(trace.amounts[kMaintenance].exact_hundredths_of_penny == 50 * 52 * 1850);
  CHECK(trace.amounts[kMaintenance].amount.pence() == 48100);
  CHECK_FALSE(trace.limit);
}
