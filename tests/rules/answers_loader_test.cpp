// Answer files: TOML and JSON, every refusal with its position (TOML) or JSON pointer.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "rules/answers_loader.h"
#include "rules/ruleset_loader.h"
#include "rules/shipped.h"

namespace {

using Lines = std::vector<std::string>;

const hsg::engine::Ruleset& medway() {
  static const hsg::rules::LoadedRuleset loaded = std::get<hsg::rules::LoadedRuleset>(
      hsg::rules::load_ruleset_text(std::string(hsg::rules::medway_toml()), "medway"));
  return loaded.ruleset;
}

constexpr const char* kWorkedExample =
    "[answers]\n"                       // 1
    "tenancy_skills = \"alongside\"\n"  // 2
    "housing_options = \"none\"\n"      // 3
    "home_maintenance = \"none\"\n"     // 4
    "settling_in = \"alongside\"\n"     // 5
    "on_call = \"monitoring\"\n"        // 6
    "money = \"advice\"\n"              // 7
    "health = \"none\"\n"               // 8
    "safety = \"alongside\"\n"          // 9
    "social = \"none\"\n"               // 10
    "work_learning = \"none\"\n";       // 11

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

Lines problems_of(const std::string& text, bool is_json = false) {
  auto loaded = hsg::rules::load_answers_text(text, "answers.toml", is_json, medway());
  Lines rendered;
  if (const auto* problems = std::get_if<std::vector<hsg::rules::Diagnostic>>(&loaded)) {
    for (const auto& problem : *problems) rendered.push_back(problem.to_string());
  }
  return rendered;
}

std::vector<std::size_t> options_of(const hsg::rules::LoadedAnswers& loaded) {
  return {loaded.answers.options().begin(), loaded.answers.options().end()};
}

}  // namespace

TEST_CASE("a TOML answers file resolves to option indices in rule-set order") {
  auto loaded = hsg::rules::load_answers_text(kWorkedExample, "answers.toml", false, medway());
  REQUIRE(std::holds_alternative<hsg::rules::LoadedAnswers>(loaded));
  const auto& answers = std::get<hsg::rules::LoadedAnswers>(loaded);
  CHECK(options_of(answers) == std::vector<std::size_t>{2, 0, 0, 2, 3, 1, 0, 2, 0, 0});
  CHECK(answers.named[5].area == "money");
  CHECK(answers.named[5].option == "advice");
}

TEST_CASE("answers_to_toml writes a file that loads back to the same answers") {
  auto loaded = hsg::rules::load_answers_text(kWorkedExample, "answers.toml", false, medway());
  const auto& answers = std::get<hsg::rules::LoadedAnswers>(loaded);
  const std::string saved = hsg::rules::answers_to_toml(medway(), answers.answers);
  CHECK(saved == kWorkedExample);
}

TEST_CASE("a JSON answers file gives the same answers") {
  const std::string json =
      R"({"answers": {"work_learning": "none", "tenancy_skills": "alongside",
        "housing_options": "none", "home_maintenance": "none", "settling_in": "alongside",
        "on_call": "monitoring", "money": "advice", "health": "none", "safety": "alongside",
        "social": "none"}})";
  auto loaded = hsg::rules::load_answers_text(json, "answers.json", true, medway());
  REQUIRE(std::holds_alternative<hsg::rules::LoadedAnswers>(loaded));
  CHECK(options_of(std::get<hsg::rules::LoadedAnswers>(loaded)) ==
        std::vector<std::size_t>{2, 0, 0, 2, 3, 1, 0, 2, 0, 0});
}

TEST_CASE("an unknown area is refused at its line, listing the allowed areas") {
  CHECK(problems_of(replaced(kWorkedExample, "health =", "helth =")) ==
        Lines{"answers.toml:8:1: unknown area 'helth'; allowed: tenancy_skills, "
              "housing_options, home_maintenance, settling_in, on_call, money, health, safety, "
              "social, work_learning",
              "answers.toml:1:1: no answer for 1 area: health"});
}

TEST_CASE("an unknown option is refused, listing that area's options") {
  CHECK(problems_of(replaced(kWorkedExample, "\"advice\"", "\"lots\"")) ==
        Lines{"answers.toml:7:1: unknown option 'lots' for area 'money'; allowed: none, "
              "advice, alongside, monitoring"});
}

TEST_CASE("every missing area is listed") {
  CHECK(problems_of("[answers]\nmoney = \"advice\"\n") ==
        Lines{"answers.toml:1:1: no answer for 9 areas: tenancy_skills, housing_options, "
              "home_maintenance, settling_in, on_call, health, safety, social, work_learning"});
}

TEST_CASE("a non-string option, an unknown top-level key and no [answers] are refused") {
  CHECK(problems_of(replaced(kWorkedExample, "\"advice\"", "2")) ==
        Lines{"answers.toml:7:9: answers.money must be an option id in quotes, such as \"none\""});
  CHECK(problems_of(std::string("client = \"x\"\n") + kWorkedExample) ==
        Lines{"answers.toml:1:1: unknown key 'client' at the top level; allowed: answers"});
  CHECK(problems_of("money = \"advice\"\n") ==
        Lines{"answers.toml:1:1: unknown key 'money' at the top level; allowed: answers",
              "answers.toml:1:1: missing key 'answers' at the top level"});
}

TEST_CASE("JSON problems name the line and column or the JSON pointer") {
  CHECK(problems_of("{\"answers\": {\n  \"money\": \"advice\",\n}}", true) ==
        Lines{"answers.toml:3:1: invalid JSON: [json.exception.parse_error.101] parse error at "
              "line 3, column 1: syntax error while parsing object key - unexpected '}'; "
              "expected string literal"});
  CHECK(problems_of(R"({"answers": {"money": 2}})", true) ==
        Lines{"answers.toml: /answers/money: must be an option id string"});
  CHECK(problems_of(R"({"answers": {"money": "advice", "money": "none"}, "x": 1})", true) ==
        Lines{"answers.toml: /x: unknown key; allowed: answers"});
  CHECK(problems_of(R"([1, 2])", true) ==
        Lines{"answers.toml: expected a JSON object {\"answers\": {\"area\": \"option\", ...}}"});
}

TEST_CASE("a JSON area given twice is reported, not silently overwritten") {
  const Lines problems = problems_of(
      R"({"answers": {"money": "advice", "money": "none", "tenancy_skills": "none",
        "housing_options": "none", "home_maintenance": "none", "settling_in": "none",
        "on_call": "none", "health": "none", "safety": "none", "social": "none",
        "work_learning": "none"}})",
      true);
  CHECK(problems == Lines{"answers.toml: area 'money' is answered more than once"});
}
