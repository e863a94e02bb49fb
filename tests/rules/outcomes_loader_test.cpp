// Outcomes files: every measure answered, each refusal with file:line:column.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "rules/outcomes_loader.h"

namespace {

using Lines = std::vector<std::string>;

// Line 1 is the term, line 2 [outcomes], then one line per measure in the framework's
// order (1a on line 3, 5 on line 23): 1a, 2b and 5 needed, 1a and 5 achieved.
std::string file_text() {
  std::string text = "term = \"short\"\n[outcomes]\n";
  for (const hsg::engine::OutcomeMeasure& measure : hsg::engine::outcome_measures()) {
    const bool needed = measure.key == "1a" || measure.key == "2b" || measure.key == "5";
    const bool achieved = measure.key == "1a" || measure.key == "5";
    text += "\"" + std::string(measure.key) + "\" = { needed = " + (needed ? "true" : "false") +
            ", achieved = " + (achieved ? "true" : "false") + " }\n";
  }
  return text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

Lines problems_of(const std::string& text) {
  auto loaded = hsg::rules::load_outcomes_text(text, "outcomes.toml");
  Lines lines;
  if (const auto* problems = std::get_if<std::vector<hsg::rules::Diagnostic>>(&loaded)) {
    for (const auto& problem : *problems) lines.push_back(problem.to_string());
  }
  return lines;
}

}  // namespace

TEST_CASE("an outcomes file gives every measure in the framework's order") {
  auto loaded = hsg::rules::load_outcomes_text(file_text(), "outcomes.toml");
  REQUIRE(std::holds_alternative<hsg::rules::LoadedOutcomes>(loaded));
  const auto& outcomes = std::get<hsg::rules::LoadedOutcomes>(loaded);
  CHECK(outcomes.term == hsg::engine::OutcomeTerm::short_term);
  REQUIRE(outcomes.answers.size() == 21);
  CHECK(outcomes.answers[0] == hsg::engine::OutcomeAnswer{"1a", true, true});
  CHECK(outcomes.answers[6] == hsg::engine::OutcomeAnswer{"2b", true, false});
  CHECK(outcomes.answers[7] == hsg::engine::OutcomeAnswer{"2c", false, false});
  CHECK(outcomes.answers[20] == hsg::engine::OutcomeAnswer{"5", true, true});
}

TEST_CASE("a long-term return") {
  auto loaded = hsg::rules::load_outcomes_text(
      replaced(file_text(), "term = \"short\"", "term = \"long\""), "outcomes.toml");
  REQUIRE(std::holds_alternative<hsg::rules::LoadedOutcomes>(loaded));
  CHECK(std::get<hsg::rules::LoadedOutcomes>(loaded).term == hsg::engine::OutcomeTerm::long_term);
}

TEST_CASE("missing measures are listed together at the [outcomes] table") {
  std::string text = replaced(file_text(), "\"1b\" = { needed = false, achieved = false }\n", "");
  text = replaced(text, "\"4ciii\" = { needed = false, achieved = false }\n", "");
  CHECK(problems_of(text) ==
        Lines{"outcomes.toml:2:1: [outcomes] must answer every measure of the framework; "
              "missing: 1b, 4ciii"});
}

TEST_CASE("an unknown measure is refused with the allowed ones") {
  const std::string text = file_text() + "\"1c\" = { needed = false, achieved = false }\n";
  CHECK(problems_of(text) ==
        Lines{"outcomes.toml:24:1: unknown outcome measure '1c'; allowed: 1a, 1b, 1ci, 1cii, "
              "2ai, 2aii, 2b, 2c, 2di, 2dii, 3a, 3b, 3c, 3d, 4ai, 4aii, 4b, 4ci, 4cii, 4ciii, "
              "5"});
}

TEST_CASE("achieved without needed is refused at the achieved value") {
  const std::string text = replaced(file_text(), "\"1b\" = { needed = false, achieved = false }",
                                    "\"1b\" = { needed = false, achieved = true }");
  CHECK(problems_of(text) ==
        Lines{"outcomes.toml:4:37: outcomes.\"1b\": achieved = true but needed = false; an "
              "outcome can only be achieved where the client needed support with it"});
}

TEST_CASE("unknown keys, a bad term and values that are not booleans, in file order") {
  std::string text = replaced(file_text(), "term = \"short\"", "term = \"medium\"\nterms = 1");
  text = replaced(text, "\"2c\" = { needed = false, achieved = false }",
                  "\"2c\" = { needed = \"no\", achieved = false, why = \"x\" }");
  text = replaced(text, "\"3a\" = { needed = false, achieved = false }",
                  "\"3a\" = { needed = false }");
  text = replaced(text, "\"3b\" = { needed = false, achieved = false }", "\"3b\" = true");
  CHECK(problems_of(text) ==
        Lines{"outcomes.toml:1:8: term 'medium' is not one of: short, long",
              "outcomes.toml:2:1: unknown key 'terms' at the top level; allowed: term, outcomes",
              "outcomes.toml:11:19: outcomes.\"2c\".needed must be true or false",
              "outcomes.toml:11:43: unknown key 'why' in outcomes.\"2c\"; allowed: needed, "
              "achieved",
              "outcomes.toml:14:8: outcomes.\"3a\" needs achieved = true or false",
              "outcomes.toml:15:8: outcomes.\"3b\" must be a table such as { needed = true, "
              "achieved = false }"});
}

TEST_CASE("a TOML syntax error has its position") {
  CHECK(problems_of("term = \"short\n") ==
        Lines{"outcomes.toml:1:14: Error while parsing string: unescaped control characters "
              "other than TAB (U+0009) are explicitly prohibited"});
}

TEST_CASE("an unreadable file is named") {
  auto loaded = hsg::rules::load_outcomes_file("/nonexistent/outcomes.toml");
  REQUIRE(std::holds_alternative<std::vector<hsg::rules::Diagnostic>>(loaded));
  CHECK(std::get<std::vector<hsg::rules::Diagnostic>>(loaded).front().to_string() ==
        "/nonexistent/outcomes.toml: cannot read the outcomes file");
}
