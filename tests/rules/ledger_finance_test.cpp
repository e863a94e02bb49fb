// The [finance] table of a rule set: documented defaults, overrides, and every mistake
// at its file:line:column.
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
