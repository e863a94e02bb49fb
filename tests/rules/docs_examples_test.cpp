// The rule-set examples of docs/rules.md say what they do.
#include <catch2/catch.hpp>

#include <variant>

#include "engine/allocate.h"
#include "rules/ruleset_loader.h"

namespace {

const char* const kSmall = HSG_SOURCE_DIR "/docs/examples/small-rules.toml";
const char* const kMistakes = HSG_SOURCE_DIR "/docs/examples/rules-with-mistakes.toml";

}  // namespace

TEST_CASE("docs: the annotated example gives £510.00 + £130.00 = £640.00") {
  auto loaded = hsg::rules::load_ruleset_file(kSmall);
  REQUIRE(std::holds_alternative<hsg::rules::LoadedRuleset>(loaded));
  const auto& ruleset = std::get<hsg::rules::LoadedRuleset>(loaded).ruleset;
  auto answers = hsg::engine::resolve_answers(
      ruleset,
      std::vector<hsg::engine::NamedAnswer>{{"tenancy", "lots"}, {"neighbours", "disputes"}});
  REQUIRE(answers.ok());
  const hsg::engine::Allocation allocation = hsg::engine::allocate(ruleset, answers.value());
  CHECK(allocation.interventions[0].score == 6);
  CHECK(allocation.interventions[0].level == hsg::engine::Level::high);
  CHECK(allocation.interventions[0].amount.pence() == 51000);
  CHECK(allocation.interventions[1].score == 2);
  CHECK(allocation.interventions[1].level == hsg::engine::Level::low);
  CHECK(allocation.interventions[1].amount.pence() == 13000);
  CHECK(allocation.total.pence() == 64000);
}

TEST_CASE("docs: the example with mistakes reports all six") {
  auto loaded = hsg::rules::load_ruleset_file(kMistakes);
  REQUIRE(std::holds_alternative<std::vector<hsg::rules::Diagnostic>>(loaded));
  const auto& problems = std::get<std::vector<hsg::rules::Diagnostic>>(loaded);
  REQUIRE(problems.size() == 6);
  CHECK(problems[0].line == 3);
  CHECK(problems[5].message == "points name unknown intervention type 'basic'; known: intensive");
}
