// Providers and support plans end to end: each grant condition accepted and refused
// with its exact error, a refused plan writes nothing, a new version supersedes, and
// the plan appears in hsg grant show and the decision statement (hsg show).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kExample = HSG_SOURCE_DIR "/docs/examples/support-plan.toml";
const std::string kProvider = "Medway Housing Support Ltd";

std::string example_text() {
  std::ifstream file(kExample, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The worked example agreed at £2,405.00 and started as `held_as`, with the example's
// provider accredited from 2024-04-01.
void grant_started(const StoreFixture& store, const std::string& held_as = "direct_payment") {
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  std::vector<std::string> start{"grant",     "start", "1",       "--start", "2025-02-03",
                                 "--held-as", held_as, "--actor", "asha"};
  if (held_as == "isf") start.insert(start.end(), {"--provider", kProvider});
  // Accredited first: an individual service fund needs it on the start date.
  store.ok({"provider", "add", kProvider, "--accredited-from", "2024-04-01", "--actor", "asha"});
  store.ok(start);
}

// Writes `text` as plan.toml in the store's directory; its path.
std::string plan_file(const StoreFixture& store, const std::string& text) {
  const auto path = store.dir() / "plan.toml";
  hsg::test::write_file(path, text);
  return path.string();
}

std::vector<std::string> set_plan(const std::string& file, const std::string& date = "2025-02-03") {
  return {"plan", "set", "1", "--file", file, "--date", date, "--actor", "asha"};
}

const std::string kPlanText =
    "Support plan for grant 1, version 1 of 2025-02-03 (by asha)\n"
    "  Objectives:\n"
    "    tenancy              economic_wellbeing     Keep my tenancy and pay rent on time\n"
    "    friends              enjoy_and_achieve      Get out and see people every week\n"
    "  Uses:\n"
    "     1. route 4 (generalist support services): Weekly tenancy support visits\n"
    "        for tenancy; independence_skills; £1,200.00; provider Medway Housing Support Ltd\n"
    "     2. route 1 (informal support): My sister helps me open and sort post\n"
    "        for tenancy; independence_skills; £0.00\n"
    "     3. route 3 (community facilities with a chargeable element): Lunch club membership "
    "at the community centre\n"
    "        for friends; settling_in; £150.00\n"
    "  Chargeable uses £1,350.00 of the agreed £2,405.00\n";

}  // namespace

TEST_CASE("plan: the example plan is accepted, stored and shown by plan, grant and show") {
  StoreFixture store;
  grant_started(store);
  const auto set = store.ok(set_plan(kExample));
  CHECK(set.out == "Plan version 1 recorded for grant 1\n\n" + kPlanText);
  CHECK(store.ok({"plan", "show", "1"}).out == kPlanText);
  const std::string grant = store.ok({"grant", "show", "1"}).out;
  CHECK(grant.substr(grant.size() - kPlanText.size() - 1) == "\n" + kPlanText);
  const std::string statement = store.ok({"show", "1"}).out;
  CHECK(statement.substr(statement.size() - kPlanText.size() - 1) == "\n" + kPlanText);
  CHECK(store.sql("SELECT route, objective_key, ifnull(provider, '-'), category, amount_pence "
                  "FROM plan_uses ORDER BY position;") ==
        "4|tenancy|Medway Housing Support Ltd|independence_skills|120000\n"
        "1|tenancy|-|independence_skills|0\n"
        "3|friends|-|settling_in|15000\n");
  CHECK(store.sql("SELECT length(bytes) FROM plans;") ==
        std::to_string(example_text().size()) + "\n");
  const std::string verified = store.ok({"audit", "verify"}).out;
  CHECK(verified.substr(0, verified.find(';')) == "ok: 35 events and 35 records verified");
}

TEST_CASE("plan: a new version supersedes the old, which stays readable") {
  StoreFixture store;
  grant_started(store);
  store.ok(set_plan(kExample));
  store.ok(set_plan(plan_file(store, replaced(example_text(), "\"150.00\"", "\"90.00\"")),
                    "2025-03-01"));
  CHECK(store.ok({"plan", "show", "1"}).out.find("version 2 of 2025-03-01") != std::string::npos);
  CHECK(store.ok({"plan", "show", "1", "--version", "1"}).out == kPlanText);
  CHECK(store.sql("SELECT version, plan_on FROM plans ORDER BY version;") ==
        "1|2025-02-03\n2|2025-03-01\n");
  const auto json = store.ok({"plan", "show", "1", "--json"}).out;
  CHECK(json.find("\"amount\": \"90.00\",\n      \"amount_pence\": 9000") != std::string::npos);
  CHECK(store.refused({"plan", "show", "1", "--version", "3"}) ==
        "hsg: error: grant 1 has no plan version 3\n");
}

TEST_CASE("plan rule: routes 1 and 2 carry no charge") {
  StoreFixture store;
  grant_started(store);
  const auto file = plan_file(store, replaced(example_text(), "amount = \"0\"", "amount = \"5\""));
  CHECK(store.refused(set_plan(file)) ==
        file +
            ":27:10: use 2: route 1 (informal support) carries no charge; its amount must be "
            "0, not 5.00\n");
}

TEST_CASE("plan rule: route 4 only with a provider accredited on the plan's date") {
  StoreFixture store;
  grant_started(store);
  store.ok({"provider", "end", kProvider, "--date", "2025-01-31", "--actor", "asha"});
  CHECK(store.refused(set_plan(kExample)) ==
        kExample +
            ":18:12: use 1: route 4 (generalist support services) uses only providers "
            "accredited on the plan date; 'Medway Housing Support Ltd' is not accredited on "
            "2025-02-03 (hsg provider list --on 2025-02-03)\n");
  store.ok({"provider", "add", kProvider, "--accredited-from", "2025-02-03", "--actor", "asha"});
  store.ok(set_plan(kExample));
  CHECK(store.ok({"provider", "list"}).out ==
        "Medway Housing Support Ltd  (generalist): 2024-04-01 to open, 2025-02-03 to open, "
        "ended 2025-01-31\n");
  CHECK(store.ok({"provider", "list", "--on", "2025-02-01"}).out.empty());
}

TEST_CASE("plan rule: route 6 only when the client receives adult social care money") {
  StoreFixture store;
  grant_started(store);
  const std::string text = replaced(example_text(), "route = 3", "route = 6");
  const auto file = plan_file(store, text);
  CHECK(store.refused(set_plan(file)) ==
        file +
            ":30:9: use 3: route 6 (direct employment of a support worker) is only for a "
            "client who also receives adult social care money, and this client does not\n");
}

TEST_CASE("plan rule: route 6 is accepted for a client who receives adult social care money") {
  StoreFixture store(false);
  store.ok({"init", "--actor", "asha"});
  store.ok({"client", "add", "C-1", "--group", "Older people with support needs", "--asc-funded",
            "--actor", "asha"});
  store.ok({"allocate", "C-1", "--answers", HSG_SOURCE_DIR "/docs/examples/worked-example.toml",
            "--date", "2025-01-15", "--actor", "asha"});
  grant_started(store);
  store.ok(set_plan(plan_file(store, replaced(example_text(), "route = 3", "route = 6"))));
  CHECK(store.sql("SELECT route FROM plan_uses WHERE position = 3;") == "6\n");
}

TEST_CASE("plan rule: an individual service fund is held by an accredited provider") {
  StoreFixture store;
  grant_started(store, "isf");
  store.ok({"provider", "end", kProvider, "--date", "2025-02-02", "--actor", "asha"});
  store.ok({"provider", "add", "Other Support Ltd", "--accredited-from", "2025-01-01", "--actor",
            "asha"});
  const auto file = plan_file(store, replaced(example_text(), kProvider, "Other Support Ltd"));
  CHECK(store.refused(set_plan(file)) ==
        file +
            ": grant 1 is an individual service fund held by 'Medway Housing Support Ltd', "
            "which is not an accredited provider on 2025-02-03 (hsg provider list --on "
            "2025-02-03)\n");
  store.ok(set_plan(file, "2025-02-02"));
}

TEST_CASE("plan rule: every use serves an objective of the plan") {
  StoreFixture store;
  grant_started(store);
  const auto file =
      plan_file(store, replaced(example_text(), "objective = \"friends\"", "objective = \"fun\""));
  CHECK(store.refused(set_plan(file)) ==
        file + ":10:6: objective 'friends' is served by no use\n" + file +
            ":32:13: use 3: objective 'fun' is not an objective of the plan; its objectives: "
            "tenancy, friends\n");
}

TEST_CASE("plan rule: chargeable uses together do not exceed the agreed amount") {
  StoreFixture store;
  grant_started(store);
  const auto file = plan_file(store, replaced(example_text(), "\"150.00\"", "\"1205.01\""));
  CHECK(store.refused(set_plan(file)) ==
        file +
            ":34:10: use 3: with it the chargeable uses (routes 3 to 6) come to £2,405.01, "
            "more than grant 1's agreed amount of £2,405.00\n");
  store.ok(set_plan(plan_file(store, replaced(example_text(), "\"150.00\"", "\"1205.00\""))));
}

TEST_CASE("plan rule: nothing the rule set excludes is accepted, with its reason") {
  StoreFixture store;
  grant_started(store);
  const auto file =
      plan_file(store, replaced(example_text(), "\"settling_in\"", "\"personal_care\""));
  CHECK(store.refused(set_plan(file)) ==
        file +
            ":33:12: use 3: the rule set excludes personal_care: personal care that is a "
            "social care duty\n");
}

TEST_CASE("plan: a grant ended before the plan date, or a malformed file, writes nothing") {
  StoreFixture store;
  grant_started(store);
  store.ok({"grant", "end", "1", "--date", "2025-02-02", "--reason", "moved", "--actor", "asha"});
  CHECK(store.refused(set_plan(kExample)) ==
        kExample + ": grant 1 ended on 2025-02-02, before the plan date 2025-02-03\n");
  const auto file = plan_file(store, replaced(example_text(), "route = 4", "route = \"4\""));
  CHECK(store.refused(set_plan(file)) ==
        file + ":15:9: use[0].route must be an integer, got a string\n");
  CHECK(store.refused({"plan", "set", "9", "--file", kExample}) == "hsg: error: no grant 9\n");
}

TEST_CASE("provider: add, end and list, with their refusals") {
  StoreFixture store;
  CHECK(store
            .ok({"provider", "add", "Kent Floating Support", "--accredited-from", "2024-04-01",
                 "--until", "2025-03-31", "--kind", "specialist", "--actor", "asha"})
            .out ==
        "Provider 'Kent Floating Support' (specialist) accredited 2024-04-01 to "
        "2025-03-31 (accreditation 1)\n");
  CHECK(store.refused(
            {"provider", "add", "X", "--accredited-from", "2024-04-01", "--kind", "general"}) ==
        "hsg: error: cannot accredit provider 'X': 'general' is not a kind of provider "
        "(generalist, specialist)\n");
  CHECK(store.refused({"provider", "end", "Kent Floating Support", "--date", "2025-04-01"}) ==
        "hsg: error: cannot end the accreditation of provider 'Kent Floating Support': it is "
        "not accredited on 2025-04-01\n");
  CHECK(store
            .ok({"provider", "end", "Kent Floating Support", "--date", "2025-01-31", "--actor",
                 "asha"})
            .out ==
        "Provider 'Kent Floating Support' is accredited until 2025-01-31 and not "
        "after\n");
  CHECK(store.sql("SELECT provider, end_on FROM provider_ends;") ==
        "Kent Floating Support|2025-01-31\n");
  CHECK(store.sql("SELECT count(*) FROM provider_accreditations;") == "1\n");
}

TEST_CASE("plan and provider: --help for each subcommand, and what cannot be shown") {
  StoreFixture store;
  for (const auto& [command, usage] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"plan", "set"}, "Usage: hsg plan set GRANT --file PLAN.toml [--date D]\n"},
           {{"plan", "show"}, "Usage: hsg plan show GRANT [--version N] [--json]\n"},
           {{"provider", "add"},
            "Usage: hsg provider add NAME --accredited-from D [--until D] [--kind "
            "generalist|specialist]\n"},
           {{"provider", "list"}, "Usage: hsg provider list [--on D]\n"},
           {{"provider", "end"}, "Usage: hsg provider end NAME --date D\n"}}) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    const auto help = store.ok(args);
    CHECK(help.out.substr(0, usage.size()) == usage);
  }
  grant_started(store);
  CHECK(store.refused({"plan", "show", "1"}) ==
        "hsg: error: grant 1 has no support plan yet (hsg plan set 1 --file PLAN.toml)\n");
  CHECK(store.refused({"plan", "set", "1", "--file", "missing.toml"}) ==
        "missing.toml: cannot read the plan file\n");
}
