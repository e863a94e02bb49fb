// The fast writers of what the store keeps give exactly the bytes of the JSON that
// hsg assess --json prints, over many seeded random answer sets (with and without the
// upper limit applying).
#include <catch2/catch.hpp>

#include "app/assessment/ruleset_input.h"
#include "app/audit/stored_outputs.h"
#include "app/caseload/caseload_generator.h"
#include "app/present/allocation_json.h"

TEST_CASE("stored outputs and trace text equal the JSON dump, byte for byte") {
  const hsg::rules::LoadedRuleset medway = hsg::app::load_ruleset_or_builtin(std::nullopt);
  hsg::app::CaseloadGenerator generator(medway.ruleset, 2024,
                                        *hsg::engine::Date::from_ymd(2025, 4, 1));
  int capped = 0;
  for (int i = 0; i < 2000; ++i) {
    const auto answers =
        hsg::engine::Answers::from_indices(medway.ruleset, generator.next().options).value();
    const auto traced = hsg::engine::allocate_traced(medway.ruleset, answers);
    nlohmann::ordered_json json = hsg::app::allocation_json(medway, answers, traced, std::nullopt);
    CHECK(hsg::app::stored_trace_text(medway.ruleset, traced.trace) == json["trace"].dump());
    nlohmann::ordered_json outputs;
    for (const char* key :
         {"interventions", "calculated_total", "total", "upper_limit", "cap_applied"}) {
      outputs[key] = json[key];
    }
    for (auto& intervention : outputs["interventions"]) intervention.erase("label");
    CHECK(hsg::app::stored_outputs_text(medway.ruleset, traced.allocation) == outputs.dump());
    capped += traced.allocation.cap_applied ? 1 : 0;
  }
  CHECK(capped > 0);  // the limit path was exercised too
}

TEST_CASE("stored trace text stays exact when rule sets alternate on one thread") {
  // Each thread keeps the text of each (area, option) it wrote last, per rule set: rule
  // sets with the same areas but other weights, or other areas, or loaded afresh (a new
  // rule set, perhaps where an old one was) must never get another's text.
  const std::vector<std::optional<std::string>> files = {
      std::nullopt, HSG_SOURCE_DIR "/docs/examples/candidate-thresholds.toml",
      HSG_SOURCE_DIR "/docs/examples/small-rules.toml",
      HSG_SOURCE_DIR "/docs/examples/candidate-rate.toml"};
  for (int i = 0; i < 400; ++i) {
    const hsg::rules::LoadedRuleset rules =
        hsg::app::load_ruleset_or_builtin(files[static_cast<std::size_t>(i) % files.size()]);
    hsg::app::CaseloadGenerator generator(rules.ruleset, static_cast<std::uint64_t>(i),
                                          *hsg::engine::Date::from_ymd(2025, 4, 1));
    for (int j = 0; j < 3; ++j) {
      const auto answers =
          hsg::engine::Answers::from_indices(rules.ruleset, generator.next().options).value();
      const auto traced = hsg::engine::allocate_traced(rules.ruleset, answers);
      const nlohmann::ordered_json json =
          hsg::app::allocation_json(rules, answers, traced, std::nullopt);
      REQUIRE(hsg::app::stored_trace_text(rules.ruleset, traced.trace) == json["trace"].dump());
    }
  }
}
