// Support plan files: every refusal of the loader with its position, and each rule of
// the grant conditions (rules/support_plan_check.h) accepted and refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "rules/ruleset_loader.h"
#include "rules/shipped.h"
#include "rules/support_plan_check.h"
#include "rules/support_plan_loader.h"
#include "tests/rules/base_ruleset.h"

namespace {

using hsg::engine::Date;
using hsg::engine::Money;
using hsg::rules::LoadedSupportPlan;
using hsg::rules::PlanContext;
using Lines = std::vector<std::string>;

// The plan of docs/examples/support-plan.toml, cut down: two objectives, three uses.
constexpr const char* kPlan =
    "[[objective]]\n"                                            // 1
    "id = \"tenancy\"\n"                                         // 2
    "text = \"Keep my tenancy\"\n"                               // 3
    "domain = \"economic_wellbeing\"\n"                          // 4
    "[[objective]]\n"                                            // 5
    "id = \"friends\"\n"                                         // 6
    "text = \"See friends every week\"\n"                        // 7
    "domain = \"enjoy_and_achieve\"\n"                           // 8
    "[[use]]\n"                                                  // 9
    "route = 4\n"                                                // 10
    "description = \"Weekly tenancy support visits\"\n"          // 11
    "objective = \"tenancy\"\n"                                  // 12
    "provider = \"Medway Housing Support Ltd\"\n"                // 13
    "category = \"independence_skills\"\n"                       // 14
    "amount = \"1200.00\"\n"                                     // 15
    "[[use]]\n"                                                  // 16
    "route = 1\n"                                                // 17
    "description = \"A neighbour walks with me to the club\"\n"  // 18
    "objective = \"friends\"\n"                                  // 19
    "category = \"settling_in\"\n"                               // 20
    "amount = \"0\"\n"                                           // 21
    "[[use]]\n"                                                  // 22
    "route = 3\n"                                                // 23
    "description = \"Lunch club membership\"\n"                  // 24
    "objective = \"friends\"\n"                                  // 25
    "category = \"settling_in\"\n"                               // 26
    "amount = \"60.00\"\n";                                      // 27

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

Lines lines_of(const std::vector<hsg::rules::Diagnostic>& problems) {
  Lines lines;
  for (const auto& problem : problems) lines.push_back(problem.to_string());
  return lines;
}

Lines load_problems(const std::string& text) {
  auto loaded = hsg::rules::load_support_plan_text(text, "plan.toml");
  if (std::holds_alternative<LoadedSupportPlan>(loaded)) return {};
  return lines_of(std::get<std::vector<hsg::rules::Diagnostic>>(loaded));
}

LoadedSupportPlan load(const std::string& text) {
  auto loaded = hsg::rules::load_support_plan_text(text, "plan.toml");
  if (auto* problems = std::get_if<std::vector<hsg::rules::Diagnostic>>(&loaded)) {
    FAIL(lines_of(*problems).front());
  }
  return std::get<LoadedSupportPlan>(std::move(loaded));
}

PlanContext medway_context() {
  static const hsg::rules::LoadedRuleset medway = std::get<hsg::rules::LoadedRuleset>(
      hsg::rules::load_ruleset_text(std::string(hsg::rules::medway_toml()), "medway"));
  PlanContext context;
  context.plan_on = *Date::parse("2025-02-03");
  context.grant_id = 1;
  context.agreed = Money::from_pence(240500);
  context.held_as = "direct_payment";
  context.accredited = {{"Medway Housing Support Ltd", "generalist"},
                        {"Kent Floating Support", "specialist"}};
  context.config = *medway.plans;
  return context;
}

Lines check(const std::string& text, const PlanContext& context = medway_context()) {
  return lines_of(hsg::rules::check_support_plan(load(text), context));
}

}  // namespace

TEST_CASE("support plan: the example loads with every field, amounts in exact pence") {
  const LoadedSupportPlan plan = load(kPlan);
  REQUIRE(plan.objectives.size() == 2);
  CHECK(plan.objectives[1].id == "friends");
  CHECK(plan.objectives[1].domain == "enjoy_and_achieve");
  CHECK(plan.objectives[1].at.line == 6);
  REQUIRE(plan.uses.size() == 3);
  CHECK(plan.uses[0].route == 4);
  CHECK(plan.uses[0].provider == "Medway Housing Support Ltd");
  CHECK(plan.uses[0].amount.pence() == 120000);
  CHECK(plan.uses[1].provider == std::nullopt);
  CHECK(plan.uses[2].amount.pence() == 6000);
  CHECK(plan.uses[2].amount_at.line == 27);
  CHECK(plan.bytes == kPlan);
  CHECK(check(kPlan).empty());
}

TEST_CASE("support plan: syntax, unknown keys, types and values are refused with positions") {
  CHECK(load_problems("[[objective]\n") ==
        Lines{"plan.toml:1:13: Error while parsing table header: expected ']', saw '\\n'"});
  CHECK(load_problems(replaced(kPlan, "domain = \"economic_wellbeing\"", "domain = \"wealth\"")) ==
        Lines{"plan.toml:4:10: objective[0].domain 'wealth' is not an outcome domain; allowed: "
              "economic_wellbeing, enjoy_and_achieve, be_healthy, stay_safe, "
              "positive_contribution"});
  CHECK(load_problems(replaced(kPlan, "route = 4\n", "route = 7\nprice = 3\n")) ==
        Lines{"plan.toml:10:9: use[0].route must be 1 to 6 (the ways a grant can be used), not 7",
              "plan.toml:11:1: unknown key 'price' in use[0]; allowed: route, description, "
              "objective, provider, category, amount"});
  CHECK(load_problems(replaced(kPlan, "amount = \"1200.00\"", "amount = 1200.5")) ==
        Lines{"plan.toml:15:10: use[0].amount must be exact: write it as a string such as "
              "\"18.50\", not a floating-point number"});
  CHECK(load_problems(replaced(kPlan, "amount = \"60.00\"", "amount = \"60.001\"")) ==
        Lines{"plan.toml:27:10: use[2].amount: has more than two decimal places"});
  CHECK(load_problems(replaced(kPlan, "id = \"friends\"", "id = \"tenancy\"")) ==
        Lines{"plan.toml:6:6: objective 'tenancy' is given twice"});
  CHECK(load_problems(replaced(kPlan, "objective = \"tenancy\"", "objective = \"Tenancy!\"")) ==
        Lines{"plan.toml:12:13: use[0].objective must be 1 to 64 lowercase letters, digits and "
              "'_', not 'Tenancy!'"});
  CHECK(load_problems("") == Lines{"plan.toml:1:1: a plan needs at least one [[objective]]",
                                   "plan.toml:1:1: a plan needs at least one [[use]]"});
}

TEST_CASE("support plan rule: routes 1 and 2 carry no charge, routes 3 to 6 are chargeable") {
  CHECK(check(replaced(kPlan, "amount = \"0\"", "amount = \"5.00\"")) ==
        Lines{"plan.toml:21:10: use 2: route 1 (informal support) carries no charge; its amount "
              "must be 0, not 5.00"});
  CHECK(check(replaced(replaced(kPlan, "route = 1", "route = 2"), "amount = \"0\"",
                       "amount = \"1\"")) ==
        Lines{"plan.toml:21:10: use 2: route 2 (universal or free services) carries no charge; "
              "its amount must be 0, not 1.00"});
  CHECK(check(replaced(kPlan, "amount = \"60.00\"", "amount = \"0\"")) ==
        Lines{"plan.toml:27:10: use 3: route 3 (community facilities with a chargeable element) "
              "is chargeable; give the amount it costs"});
}

TEST_CASE("support plan rule: route 4 only with a generalist provider accredited on the date") {
  PlanContext context = medway_context();
  context.accredited.erase("Medway Housing Support Ltd");
  CHECK(check(kPlan, context) ==
        Lines{"plan.toml:13:12: use 1: route 4 (generalist support services) uses only providers "
              "accredited on the plan date; 'Medway Housing Support Ltd' is not accredited on "
              "2025-02-03 (hsg provider list --on 2025-02-03)"});
  CHECK(check(replaced(kPlan, "Medway Housing Support Ltd", "Kent Floating Support")) ==
        Lines{"plan.toml:13:12: use 1: route 4 (generalist support services) uses generalist "
              "providers; 'Kent Floating Support' is a specialist provider (route 5)"});
  CHECK(check(replaced(kPlan, "provider = \"Medway Housing Support Ltd\"\n", "")) ==
        Lines{"plan.toml:9:1: use 1: route 4 (generalist support services) needs a provider "
              "(provider = \"NAME\")"});
}

TEST_CASE("support plan rule: route 5 names a provider, accredited or not") {
  CHECK(check(replaced(kPlan, "route = 4", "route = 5")).empty());
  CHECK(check(replaced(replaced(kPlan, "route = 4", "route = 5"), "Medway Housing Support Ltd",
                       "Anyone Ltd"))
            .empty());
  CHECK(check(replaced(replaced(kPlan, "route = 4", "route = 5"),
                       "provider = \"Medway Housing Support Ltd\"\n", "")) ==
        Lines{"plan.toml:9:1: use 1: route 5 (specialist chargeable services) needs a provider "
              "(provider = \"NAME\")"});
}

TEST_CASE("support plan rule: route 6 only when the client receives adult social care money") {
  const std::string plan = replaced(kPlan, "route = 3", "route = 6");
  CHECK(check(plan) ==
        Lines{"plan.toml:23:9: use 3: route 6 (direct employment of a support worker) is only "
              "for a client who also receives adult social care money, and this client does "
              "not"});
  PlanContext context = medway_context();
  context.asc_funded = true;
  CHECK(check(plan, context).empty());
}

TEST_CASE("support plan rule: an individual service fund is held by an accredited provider") {
  PlanContext context = medway_context();
  context.held_as = "isf";
  context.grant_provider = "Medway Housing Support Ltd";
  CHECK(check(kPlan, context).empty());
  context.grant_provider = "Gone Ltd";
  CHECK(check(kPlan, context) ==
        Lines{"plan.toml: grant 1 is an individual service fund held by 'Gone Ltd', which is not "
              "an accredited provider on 2025-02-03 (hsg provider list --on 2025-02-03)"});
}

TEST_CASE("support plan rule: every use serves an objective, every objective is served") {
  CHECK(check(replaced(kPlan, "objective = \"tenancy\"", "objective = \"rent\"")) ==
        Lines{"plan.toml:2:6: objective 'tenancy' is served by no use",
              "plan.toml:12:13: use 1: objective 'rent' is not an objective of the plan; its "
              "objectives: tenancy, friends"});
}

TEST_CASE("support plan rule: chargeable uses do not exceed the agreed amount") {
  PlanContext context = medway_context();
  context.agreed = Money::from_pence(126000);
  CHECK(check(kPlan, context).empty());
  context.agreed = Money::from_pence(125999);
  CHECK(check(kPlan, context) ==
        Lines{"plan.toml:27:10: use 3: with it the chargeable uses (routes 3 to 6) come to "
              "£1,260.00, more than grant 1's agreed amount of £1,259.99"});
  // Amounts each within int64 pence whose sum is not: named, never wrapped round.
  const std::string huge = replaced(replaced(kPlan, "\"1200.00\"", "90000000000000000"),
                                    "\"60.00\"", "90000000000000000");
  context.agreed = Money::from_pence(9'000'000'000'000'000'000);
  CHECK(check(huge, context) ==
        Lines{"plan.toml:27:10: use 3: with it the chargeable uses (routes 3 to 6) come to "
              "more than £92,233,720,368,547,758.07, more than grant 1's agreed amount of "
              "£90,000,000,000,000,000.00"});
}

TEST_CASE("support plan rule: categories come from the rule set, exclusions with its reason") {
  CHECK(check(replaced(kPlan, "\"independence_skills\"", "\"personal_care\"")) ==
        Lines{"plan.toml:14:12: use 1: the rule set excludes personal_care: personal care that "
              "is a social care duty"});
  CHECK(check(replaced(kPlan, "\"independence_skills\"", "\"living_costs\"")) ==
        Lines{"plan.toml:14:12: use 1: the rule set excludes living_costs: general living costs "
              "such as rent, food, bills"});
  CHECK(check(replaced(kPlan, "\"independence_skills\"", "\"gardening\"")) ==
        Lines{"plan.toml:14:12: use 1: 'gardening' is not a category of the rule set; allowed: "
              "independence_skills, housing_options, maintaining_home, settling_in, on_call"});
}

TEST_CASE("support plan rule: a grant that ended before the plan date takes no plan") {
  PlanContext context = medway_context();
  context.grant_ended_on = *Date::parse("2025-02-03");
  CHECK(check(kPlan, context).empty());
  context.grant_ended_on = *Date::parse("2025-02-02");
  CHECK(check(kPlan, context) ==
        Lines{"plan.toml: grant 1 ended on 2025-02-02, before the plan date 2025-02-03"});
}

namespace {

// Loads kBaseRuleset (no [plans]) followed by `plans`; its problems, with the line
// numbers of `plans` counted from 1.
Lines plans_problems(const std::string& plans) {
  const std::string base = hsg::test::kBaseRuleset;
  const auto base_lines = std::count(base.begin(), base.end(), '\n');
  auto loaded = hsg::rules::load_ruleset_text(base + plans, "r.toml");
  Lines lines;
  if (auto* problems = std::get_if<std::vector<hsg::rules::Diagnostic>>(&loaded)) {
    for (auto problem : *problems) {
      problem.line -= static_cast<std::uint32_t>(base_lines);
      lines.push_back(problem.to_string());
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("plans table: medway lists five categories and excludes two, a rule set may have none") {
  auto medway = hsg::rules::load_ruleset_text(std::string(hsg::rules::medway_toml()), "medway");
  const auto& plans = std::get<hsg::rules::LoadedRuleset>(medway).plans;
  REQUIRE(plans);
  CHECK(plans->categories == std::vector<std::string>{"independence_skills", "housing_options",
                                                      "maintaining_home", "settling_in",
                                                      "on_call"});
  CHECK(plans->excluded == std::vector<hsg::rules::ExcludedCategory>{
                               {"personal_care", "personal care that is a social care duty"},
                               {"living_costs", "general living costs such as rent, food, bills"}});
  auto base = hsg::rules::load_ruleset_text(hsg::test::kBaseRuleset, "r.toml");
  CHECK_FALSE(std::get<hsg::rules::LoadedRuleset>(base).plans);
}

TEST_CASE("plans table: every mistake at its line and column") {
  CHECK(plans_problems("[plans]\ncategories = [\"a\"]\nextra = 1\n") ==
        Lines{"r.toml:3:1: unknown key 'extra' in plans; allowed: categories, excluded"});
  CHECK(plans_problems("[plans]\ncategories = []\n") ==
        Lines{"r.toml:2:14: plans.categories must be a non-empty array of category keys"});
  CHECK(plans_problems("[plans]\ncategories = [\"ok\", \"Not OK\", \"ok\"]\n") ==
        Lines{"r.toml:2:21: a category must be a key of 1 to 64 lowercase letters, digits and '_'",
              "r.toml:2:31: category 'ok' is listed twice"});
  CHECK(plans_problems("[plans]\ncategories = [\"care\"]\n[[plans.excluded]]\nkey = \"care\"\n"
                       "reason = \"no\"\n[[plans.excluded]]\nreason = \"why\"\n") ==
        Lines{"r.toml:4:7: 'care' is both a category and excluded",
              "r.toml:6:1: missing key 'key' in plans.excluded[1]"});
}

TEST_CASE("support plan: a text with a line break, or bytes that are not UTF-8, is refused") {
  CHECK(load_problems(
            replaced(kPlan, "\"Keep my tenancy\"", "\"Keep my tenancy\\n  approved by ben\"")) ==
        Lines{"plan.toml:3:8: objective[0].text holds a control character (\\n at character 16): "
              "a text here is one line, without control characters"});
  CHECK(load_problems(replaced(kPlan, "Keep my tenancy", "Keep my \xFFtenancy")) ==
        Lines{"plan.toml:3:17: byte 0xFF is not UTF-8; the file must be saved as UTF-8 text"});
}
