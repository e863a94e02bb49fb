// The [finance] and [spending] tables of a rule set: documented defaults (medway has
// neither), overrides, and every mistake at its file:line:column.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "rules/ruleset_loader.h"
#include "rules/shipped.h"

namespace {

using hsg::rules::Diagnostic;
using hsg::rules::LoadedRuleset;

std::string medway_with(const std::string& finance) {
  return std::string(hsg::rules::medway_toml()) + finance;
}

std::vector<std::string> problems(const std::string& text) {
  auto loaded = hsg::rules::load_ruleset_text(text, "r.toml");
  std::vector<std::string> lines;
  if (auto* diagnostics = std::get_if<std::vector<Diagnostic>>(&loaded)) {
    for (const Diagnostic& diagnostic : *diagnostics) lines.push_back(diagnostic.to_string());
  }
  return lines;
}

int lines_in_medway() {
  const std::string text(hsg::rules::medway_toml());
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("finance: medway has no finance table and takes the documented defaults") {
  auto loaded = hsg::rules::load_ruleset_text(std::string(hsg::rules::medway_toml()), "medway");
  const auto& finance = std::get<LoadedRuleset>(loaded).finance;
  CHECK(finance.cost_centre == "HSG");
  CHECK(finance.expenditure_account("short_term_basic") ==
        "expenses:housing support:short_term_basic");
  CHECK(finance.creditor_account("isf") == "liabilities:grants payable:isf");
}

TEST_CASE("finance: accounts and cost centre are read from the finance table") {
  auto loaded = hsg::rules::load_ruleset_text(
      medway_with("\n[finance]\ncost_centre = \"HSG-01\"\n"
                  "[finance.expenditure_accounts]\nshort_term_basic = \"5100:advice\"\n"
                  "[finance.creditor_accounts]\nmanaged_account = \"2200:held for clients\"\n"),
      "r.toml");
  REQUIRE(std::holds_alternative<LoadedRuleset>(loaded));
  const auto& finance = std::get<LoadedRuleset>(loaded).finance;
  CHECK(finance.cost_centre == "HSG-01");
  CHECK(finance.expenditure_account("short_term_basic") == "5100:advice");
  CHECK(finance.expenditure_account("short_term_intensive") ==
        "expenses:housing support:short_term_intensive");
  CHECK(finance.creditor_account("managed_account") == "2200:held for clients");
  CHECK(finance.creditor_account("direct_payment") == "liabilities:grants payable:direct_payment");
}

TEST_CASE("finance: every mistake is reported at its position") {
  const int base = lines_in_medway();
  const std::string at = "r.toml:";
  CHECK(problems(medway_with("\n[finance]\ncost_center = \"X\"\n"
                             "[finance.expenditure_accounts]\nbasic = \"a\"\n"
                             "short_term_basic = \"two  spaces\"\n"
                             "[finance.creditor_accounts]\ncash = \"b\"\nisf = 3\n")) ==
        std::vector<std::string>{
            at + std::to_string(base + 3) +
                ":1: unknown key 'cost_center' in finance; allowed: cost_centre, "
                "expenditure_accounts, creditor_accounts",
            at + std::to_string(base + 5) +
                ":1: unknown key 'basic' in finance.expenditure_accounts; allowed: "
                "short_term_intensive, short_term_basic, long_term_maintenance",
            at + std::to_string(base + 6) +
                ":20: finance.expenditure_accounts.short_term_basic: an account name may not "
                "hold two spaces in a row (hledger ends the name there)",
            at + std::to_string(base + 8) +
                ":1: unknown key 'cash' in finance.creditor_accounts; allowed: direct_payment, "
                "managed_account, isf",
            at + std::to_string(base + 9) +
                ":7: finance.creditor_accounts.isf must be a string (an account name)"});
  const auto same = problems(medway_with(
      "\n[finance.creditor_accounts]\nisf = \"expenses:housing support:short_term_basic\"\n"));
  REQUIRE(same.size() == 1);
  CHECK(same[0].find("account 'expenses:housing support:short_term_basic' is both the "
                     "expenditure account of short_term_basic and the creditor account of "
                     "isf") != std::string::npos);
}

TEST_CASE("spending: medway has no spending table") {
  auto loaded = hsg::rules::load_ruleset_text(std::string(hsg::rules::medway_toml()), "medway");
  CHECK_FALSE(std::get<LoadedRuleset>(loaded).spending.has_value());
}

TEST_CASE("spending: sign_off_above and keep_weeks are read exactly") {
  auto loaded = hsg::rules::load_ruleset_text(
      medway_with("\n[spending]\nsign_off_above = \"40.00\"\nkeep_weeks = 2\n"), "r.toml");
  const auto& spending = std::get<LoadedRuleset>(loaded).spending;
  REQUIRE(spending.has_value());
  CHECK(spending->sign_off_above->pence() == 4000);
  CHECK(*spending->keep_weeks == 2);
  auto only_weeks =
      hsg::rules::load_ruleset_text(medway_with("\n[spending]\nkeep_weeks = 0\n"), "r.toml");
  const auto& weeks = std::get<LoadedRuleset>(only_weeks).spending;
  CHECK_FALSE(weeks->sign_off_above.has_value());
  CHECK(*weeks->keep_weeks == 0);
}

TEST_CASE("spending: an unknown key, a float, a negative amount and too many weeks are named") {
  const int at = lines_in_medway() + 3;
  CHECK(problems(medway_with("\n[spending]\nsign_off_over = \"40.00\"\n")) ==
        std::vector<std::string>{
            "r.toml:" + std::to_string(at) +
            ":1: unknown key 'sign_off_over' in spending; allowed: sign_off_above, keep_weeks"});
  CHECK(problems(medway_with("\n[spending]\nsign_off_above = \"-1.00\"\n")) ==
        std::vector<std::string>{"r.toml:" + std::to_string(at) +
                                 ":18: spending.sign_off_above must be 0.00 or more"});
  CHECK(problems(medway_with("\n[spending]\nkeep_weeks = 521\n")) ==
        std::vector<std::string>{"r.toml:" + std::to_string(at) +
                                 ":14: spending.keep_weeks must be 0 to 520"});
  CHECK(problems(medway_with("\n[spending]\nsign_off_above = 40.5\n")).size() == 1);
}

TEST_CASE("retention: medway has none and a [retention] table gives its years") {
  auto medway = hsg::rules::load_ruleset_text(std::string(hsg::rules::medway_toml()), "medway");
  CHECK_FALSE(std::get<LoadedRuleset>(medway).retention.has_value());
  auto loaded = hsg::rules::load_ruleset_text(medway_with("\n[retention]\nyears = 7\n"), "r.toml");
  CHECK(std::get<LoadedRuleset>(loaded).retention == hsg::rules::RetentionConfig{7});
}

TEST_CASE("retention: an unknown key and years outside 1 to 100 are named where they are") {
  const int at = lines_in_medway() + 3;
  CHECK(problems(medway_with("\n[retention]\nyear = 6\n")) ==
        std::vector<std::string>{"r.toml:" + std::to_string(at) +
                                 ":1: unknown key 'year' in retention; allowed: years"});
  CHECK(problems(medway_with("\n[retention]\nyears = 0\n")) ==
        std::vector<std::string>{"r.toml:" + std::to_string(at) +
                                 ":9: retention.years must be 1 to 100"});
  CHECK(problems(medway_with("\n[retention]\nyears = 101\n")) ==
        std::vector<std::string>{"r.toml:" + std::to_string(at) +
                                 ":9: retention.years must be 1 to 100"});
}

TEST_CASE("retention: an empty [retention] table asks for years") {
  const int at = lines_in_medway() + 2;
  CHECK(problems(medway_with("\n[retention]\n")) ==
        std::vector<std::string>{"r.toml:" + std::to_string(at) +
                                 ":1: missing key 'years' in retention"});
}
