// Every refusal of the rule-set loader, with the exact text and file:line:column.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "rules/ruleset_loader.h"
#include "rules/sha256.h"
#include "tests/rules/base_ruleset.h"

using hsg::test::diagnostics_of;
using hsg::test::kBaseRuleset;
using hsg::test::with_appended;
using hsg::test::with_line;
using Lines = std::vector<std::string>;

TEST_CASE("the base rule set loads, with the SHA-256 of its bytes as its id") {
  auto loaded = hsg::rules::load_ruleset_text(kBaseRuleset, "test.toml");
  REQUIRE(std::holds_alternative<hsg::rules::LoadedRuleset>(loaded));
  const auto& ruleset = std::get<hsg::rules::LoadedRuleset>(loaded);
  CHECK(ruleset.id == hsg::rules::sha256_hex(kBaseRuleset));
  CHECK(ruleset.bytes == kBaseRuleset);
  const auto& spec = ruleset.ruleset.spec();
  CHECK(spec.hourly_rate.pence() == 1000);
  CHECK(spec.interventions[1].hours_per_week[0].hundredths() == 50);
  CHECK(spec.interventions[1].hours_per_week[1].hundredths() == 100);
  CHECK(spec.questions[0].options[1].points ==
        std::vector<std::pair<std::string, std::int64_t>>{{"intensive", 1}, {"basic", 2}});
}

TEST_CASE("sha256_hex matches the published test vector") {
  CHECK(hsg::rules::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("an unknown key is refused with the allowed keys, and the missing one reported") {
  CHECK(diagnostics_of(with_line(1, "nmae = \"test\"")) ==
        Lines{"test.toml:1:1: unknown key 'nmae' at the top level; allowed: name, version, "
              "effective_from, currency, rounding, hourly_rate, upper_limit, "
              "instalment_period_weeks, adjustment_tolerance_percent, interventions, "
              "allowances, option_sets, questions, finance, plans, spending, retention",
              "test.toml:1:1: missing key 'name' at the top level"});
  CHECK(diagnostics_of(with_line(15,
                                 "hours_per_week = { low = \"1.00\", medium = \"2.00\", hihg "
                                 "= \"3.00\" }")) ==
        Lines{"test.toml:15:18: missing key 'high' in interventions[0].hours_per_week",
              "test.toml:15:51: unknown key 'hihg' in interventions[0].hours_per_week; allowed: "
              "low, medium, high"});
}

TEST_CASE("money must be exact: a float, a third decimal or text are refused") {
  CHECK(diagnostics_of(with_line(6, "hourly_rate = 18.5")) ==
        Lines{"test.toml:6:15: hourly_rate must be exact: write it as a string such as "
              "\"18.50\", not a floating-point number"});
  CHECK(diagnostics_of(with_line(6, "hourly_rate = \"18.505\"")) ==
        Lines{"test.toml:6:15: hourly_rate: has more than two decimal places"});
  CHECK(diagnostics_of(with_line(7, "upper_limit = \"abc\"")) ==
        Lines{"test.toml:7:15: upper_limit: is not a decimal number (digits, optionally '.' and "
              "up to two decimals)"});
}

TEST_CASE("a negative or zero rate is out of range") {
  CHECK(diagnostics_of(with_line(6, "hourly_rate = \"-1.00\"")) ==
        Lines{"test.toml:6:15: hourly_rate must be between 0.01 and 10000.00, got -1.00"});
  CHECK(diagnostics_of(with_line(6, "hourly_rate = \"0\"")) ==
        Lines{"test.toml:6:15: hourly_rate must be between 0.01 and 10000.00, got 0.00"});
}

TEST_CASE("zero, negative or non-integer weeks are refused") {
  CHECK(diagnostics_of(with_line(16, "weeks = 0")) ==
        Lines{"test.toml:16:9: weeks must be between 1 and 520, got 0"});
  CHECK(diagnostics_of(with_line(16, "weeks = -3")) ==
        Lines{"test.toml:16:9: weeks must be between 1 and 520, got -3"});
  CHECK(diagnostics_of(with_line(16, "weeks = \"ten\"")) ==
        Lines{"test.toml:16:9: interventions[0].weeks must be an integer, got a string"});
}

TEST_CASE("bad dates are refused, as TOML dates or as strings") {
  CHECK(diagnostics_of(with_line(3, "effective_from = 2025-02-30")) ==
        Lines{"test.toml:3:28: Error while parsing date: expected day between 1 and 28 "
              "(inclusive), saw 30"});
  CHECK(diagnostics_of(with_line(3, "effective_from = \"2025-13-01\"")) ==
        Lines{"test.toml:3:18: effective_from must be a real date such as 2024-04-01"});
  CHECK(diagnostics_of(with_line(3, "effective_from = \"soon\"")) ==
        Lines{"test.toml:3:18: effective_from must be a real date such as 2024-04-01"});
}

TEST_CASE("settings out of range name the allowed values") {
  CHECK(diagnostics_of(with_line(5, "rounding = \"bankers\"")) ==
        Lines{"test.toml:5:12: rounding must be one of half_up, half_even, got 'bankers'"});
  CHECK(diagnostics_of(with_line(4, "currency = \"pounds\"")) ==
        Lines{"test.toml:4:12: currency must be three capital letters (an ISO 4217 code such "
              "as GBP), got 'pounds'"});
  CHECK(diagnostics_of(with_line(8, "instalment_period_weeks = 60")) ==
        Lines{"test.toml:8:27: instalment_period_weeks must be between 1 and 52, got 60"});
  CHECK(diagnostics_of(with_line(9, "adjustment_tolerance_percent = 101")) ==
        Lines{"test.toml:9:32: adjustment_tolerance_percent must be between 0 and 100, got 101"});
  CHECK(diagnostics_of(with_line(28, "weight = 0")) ==
        Lines{"test.toml:28:10: weight must be between 1 and 100, got 0"});
}

TEST_CASE("thresholds must increase strictly and hours must not decrease with level") {
  CHECK(diagnostics_of(with_line(14, "thresholds = { low = 2, medium = 2, high = 6 }")) ==
        Lines{"test.toml:14:34: thresholds.medium (2) must be greater than thresholds.low (2)"});
  CHECK(diagnostics_of(with_line(
            15, "hours_per_week = { low = \"3.00\", medium = \"2.00\", high = \"3.00\" }")) ==
        Lines{"test.toml:15:43: hours_per_week.medium (2.00) must not be less than "
              "hours_per_week.low (3.00)"});
}

TEST_CASE("duplicate ids are refused where the second one is") {
  CHECK(diagnostics_of(with_line(35, "id = \"none\"")) ==
        Lines{"test.toml:35:6: duplicate option id 'none' (first at questions[0].options[0])"});
  CHECK(diagnostics_of(with_appended("\n[[questions]]\nid = \"home\"\ntext = \"Again\"\nweight = "
                                     "1\n\n[[questions.options]]\nid = \"none\"\nlabel = "
                                     "\"None\"\n")) ==
        Lines{"test.toml:40:6: duplicate question id 'home' (first at questions[0])"});
}

TEST_CASE("points naming an unknown intervention type list the known ones") {
  CHECK(diagnostics_of(with_line(37, "points = { intensive = 1, basik = 2 }")) ==
        Lines{"test.toml:37:27: points name unknown intervention type 'basik'; known: "
              "intensive, basic"});
  CHECK(diagnostics_of(with_line(37, "points = { intensive = 1.5 }")) ==
        Lines{"test.toml:37:24: questions[0].options[1].points.intensive must be an integer, "
              "got a floating-point number"});
}

TEST_CASE("ids must be lowercase identifiers") {
  CHECK(diagnostics_of(with_line(26, "id = \"Home\"")) ==
        Lines{"test.toml:26:6: id must be 1 to 64 lowercase letters, digits or '_', starting "
              "with a letter, got 'Home'"});
}

TEST_CASE("every problem is reported in one pass, in file order") {
  std::string text = with_line(6, "hourly_rate = 18.5");
  text = text.replace(text.find("weeks = 10"), 10, "weeks = 0 ");
  text = text.replace(text.find("weight = 2"), 10, "weight = 0");
  CHECK(diagnostics_of(text) ==
        Lines{"test.toml:6:15: hourly_rate must be exact: write it as a string such as "
              "\"18.50\", not a floating-point number",
              "test.toml:16:9: weeks must be between 1 and 520, got 0",
              "test.toml:28:10: weight must be between 1 and 100, got 0"});
}

TEST_CASE("a TOML syntax error is reported at its position") {
  CHECK(diagnostics_of(with_line(1, "name = ")) ==
        Lines{"test.toml:1:8: Error while parsing key-value pair: expected value, saw '\\n'"});
}

TEST_CASE("an option set is shared by questions, and its problems are reported once") {
  const std::string sets =
      "\n[[option_sets]]\nid = \"std\"\n\n"                                            // 38-41
      "[[option_sets.options]]\nid = \"Bad\"\nlabel = \"X\"\n\n"                       // 42-45
      "[[questions]]\nid = \"a\"\ntext = \"A\"\nweight = 1\noption_set = \"std\"\n\n"  // 46-51
      "[[questions]]\nid = \"b\"\ntext = \"B\"\nweight = 1\noption_set = \"std\"\n";   // 52-
  CHECK(diagnostics_of(with_appended(sets)) ==
        Lines{"test.toml:43:6: id must be 1 to 64 lowercase letters, digits or '_', starting "
              "with a letter, got 'Bad'"});
}

TEST_CASE("an unused option set, an unknown one, or a question without options is refused") {
  CHECK(diagnostics_of(with_appended(
            "\n[[option_sets]]\nid = \"std\"\n\n[[option_sets.options]]\nid = \"x\"\nlabel = "
            "\"X\"\n")) == Lines{"test.toml:39:1: option set 'std' is not used by any question"});
  CHECK(diagnostics_of(with_appended("\n[[questions]]\nid = \"q\"\ntext = \"Q\"\nweight = "
                                     "1\noption_set = \"nope\"\n")) ==
        Lines{"test.toml:43:14: unknown option set 'nope'; known: none ([[option_sets]] "
              "defines them)"});
  CHECK(diagnostics_of(with_appended("\n[[questions]]\nid = \"q\"\ntext = \"Q\"\nweight = 1\n")) ==
        Lines{"test.toml:39:1: questions[1] needs options: option_set = \"…\" or "
              "[[questions.options]]"});
}

TEST_CASE("an unreadable file is one diagnostic naming it") {
  auto loaded = hsg::rules::load_ruleset_file("/nonexistent/rules.toml");
  REQUIRE(std::holds_alternative<std::vector<hsg::rules::Diagnostic>>(loaded));
  CHECK(std::get<std::vector<hsg::rules::Diagnostic>>(loaded).front().to_string() ==
        "/nonexistent/rules.toml: cannot read the rule-set file");
}
