// rules/medway.toml is the default rule set of domain.md, exactly, and the binary ships
// those very bytes.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <variant>

#include "engine/allocate.h"
#include "rules/ruleset_loader.h"
#include "rules/sha256.h"
#include "rules/shipped.h"
#include "tests/engine/medway_spec.h"

namespace {

std::string medway_file_bytes() {
  std::ifstream file(HSG_SOURCE_DIR "/rules/medway.toml", std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

hsg::rules::LoadedRuleset load_medway() {
  auto loaded = hsg::rules::load_ruleset_file(HSG_SOURCE_DIR "/rules/medway.toml");
  REQUIRE(std::holds_alternative<hsg::rules::LoadedRuleset>(loaded));
  return std::get<hsg::rules::LoadedRuleset>(std::move(loaded));
}

}  // namespace

TEST_CASE("the shipped medway bytes are rules/medway.toml byte for byte") {
  CHECK(hsg::rules::medway_toml() == medway_file_bytes());
  CHECK(load_medway().id == hsg::rules::sha256_hex(medway_file_bytes()));
}

TEST_CASE("medway.toml holds every number of domain.md") {
  const hsg::engine::RulesetSpec file = load_medway().ruleset.spec();
  const hsg::engine::RulesetSpec expected = hsg::test::medway_spec();
  CHECK(file.name == "medway");
  CHECK(file.version == "1.0");
  CHECK(file.effective_from.to_string() == "2024-04-01");
  CHECK(file.currency == "GBP");
  CHECK(file.rounding == hsg::engine::RoundingMode::half_up);
  CHECK(file.hourly_rate.pence() == 1850);
  CHECK(file.upper_limit.pence() == 250000);
  CHECK(file.instalment_period_weeks == 4);
  CHECK(file.adjustment_tolerance_percent == 10);
  REQUIRE(file.interventions.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(file.interventions[i].key == expected.interventions[i].key);
    CHECK(file.interventions[i].thresholds == expected.interventions[i].thresholds);
    CHECK(file.interventions[i].hours_per_week == expected.interventions[i].hours_per_week);
    CHECK(file.interventions[i].weeks == expected.interventions[i].weeks);
  }
  CHECK(file.interventions[0].label == "Short-term intensive support");
  CHECK(file.interventions[1].label == "Short-term basic support");
  CHECK(file.interventions[2].label == "Long-term maintenance support");
  REQUIRE(file.questions.size() == 10);
  for (std::size_t q = 0; q < 10; ++q) {
    CHECK(file.questions[q].id == expected.questions[q].id);
    CHECK(file.questions[q].weight == expected.questions[q].weight);
    REQUIRE(file.questions[q].options.size() == 4);
    for (std::size_t o = 0; o < 4; ++o) {
      CHECK(file.questions[q].options[o].id == expected.questions[q].options[o].id);
      CHECK(file.questions[q].options[o].points == expected.questions[q].options[o].points);
    }
  }
}

TEST_CASE("medway.toml has domain.md's question texts and option labels") {
  const hsg::engine::RulesetSpec file = load_medway().ruleset.spec();
  CHECK(file.questions[0].text == "Managing the home and tenancy: skills and confidence");
  CHECK(file.questions[1].text == "Finding and choosing somewhere suitable to live");
  CHECK(file.questions[2].text == "Keeping the home safe, clean and in repair");
  CHECK(file.questions[3].text == "Settling into new accommodation");
  CHECK(file.questions[4].text == "Having someone to call on when something goes wrong");
  CHECK(file.questions[5].text == "Income, benefits, bills and debt");
  CHECK(file.questions[6].text ==
        "Looking after physical and mental health, using health services");
  CHECK(file.questions[7].text == "Staying safe: risk from self or others, avoiding eviction");
  CHECK(file.questions[8].text == "Contact with family, friends and local services");
  CHECK(file.questions[9].text == "Training, education, volunteering or work");
  const auto& options = file.questions[0].options;
  CHECK(options[0].label == "No help needed");
  CHECK(options[1].label == "Occasional information, advice, prompting or signposting");
  CHECK(options[2].label == "Someone working alongside: teaching, advocacy, practical help");
  CHECK(options[3].label == "Ongoing monitoring and occasional help to keep things going");
}

TEST_CASE("the worked example of domain.md from medway.toml gives £2,405.00") {
  const hsg::rules::LoadedRuleset medway = load_medway();
  const auto answers = hsg::test::medway_answers(medway.ruleset, {{"tenancy_skills", "alongside"},
                                                                  {"money", "advice"},
                                                                  {"safety", "alongside"},
                                                                  {"settling_in", "alongside"},
                                                                  {"on_call", "monitoring"}});
  const hsg::engine::Allocation allocation = hsg::engine::allocate(medway.ruleset, answers);
  CHECK(allocation.interventions[0].amount.pence() == 177600);
  CHECK(allocation.interventions[1].amount.pence() == 14800);
  CHECK(allocation.interventions[2].amount.pence() == 48100);
  CHECK(allocation.total.pence() == 240500);
}
