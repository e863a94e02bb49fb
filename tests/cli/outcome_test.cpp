// Outcomes end to end: recording returns for a grant, their versions, the report's term
// and date filters, its JSON and CSV, and every refusal with its exact text.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kExit = HSG_SOURCE_DIR "/docs/examples/outcomes-exit.toml";
const std::string kReview = HSG_SOURCE_DIR "/docs/examples/outcomes-review.toml";

// Grant 1: the worked example, agreed as assessed, started 2025-02-03.
void start_grant(const StoreFixture& store) {
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
}

std::string file_with(const StoreFixture& store, const std::string& name, const std::string& from,
                      const std::string& to) {
  std::string text = hsg::test::read_file(kExit);
  text.replace(text.find(from), from.size(), to);
  const auto path = store.dir() / name;
  hsg::test::write_file(path, text);
  return path.string();
}

}  // namespace

TEST_CASE("outcome: record, record again, and show every version") {
  StoreFixture store;
  start_grant(store);
  CHECK(store
            .ok({"outcome", "record", "1", "--date", "2025-04-28", "--file", kExit, "--actor",
                 "asha"})
            .out ==
        "Outcomes recorded for grant 1 (client C-1) on 2025-04-28, short-term service, version "
        "1: 5 of 21 measures needed, 3 achieved\n");
  const std::string corrected =
      file_with(store, "corrected.toml", "\"1b\" = { needed = true, achieved = false }",
                "\"1b\" = { needed = true, achieved = true }");
  CHECK(store
            .ok({"outcome", "record", "1", "--date", "2025-04-28", "--file", corrected, "--actor",
                 "ben"})
            .out ==
        "Outcomes recorded for grant 1 (client C-1) on 2025-04-28, short-term service, version "
        "2: 5 of 21 measures needed, 4 achieved\n");
  const std::string shown = store.ok({"outcome", "show", "1"}).out;
  CHECK(shown.rfind("Outcomes of grant 1: 2 return(s)\n"
                    "2025-04-28 short-term, version 1, superseded (by asha at ",
                    0) == 0);
  CHECK(shown.find("  1a     maximise income                      needed, achieved\n"
                   "  1b     reduce overall debt                  needed, not achieved\n"
                   "  1ci    paid work (after leaving)            not needed\n") !=
        std::string::npos);
  CHECK(shown.find("2025-04-28 short-term, version 2 (by ben at ") != std::string::npos);

  const auto json = nlohmann::json::parse(store.ok({"outcome", "show", "1", "--json"}).out);
  CHECK(json["grant_id"] == 1);
  REQUIRE(json["returns"].size() == 2);
  CHECK(json["returns"][1]["version"] == 2);
  CHECK(json["returns"][1]["term"] == "short");
  CHECK(json["returns"][1]["client_ref"] == "C-1");
  CHECK(json["returns"][1]["outcomes"]["1b"] ==
        nlohmann::json{{"needed", true}, {"achieved", true}});
  CHECK(json["returns"][1]["outcomes"].size() == 21);

  // Only the latest version counts: 1b achieved by its one return.
  const std::string csv = store
                              .ok({"report", "outcomes", "--from", "2025-04-01", "--to",
                                   "2025-04-30", "--term", "short", "--csv"})
                              .out;
  CHECK(csv.rfind("term,measure,domain,label,returns,needed,achieved,percent_of_needed,"
                  "percent_of_all\r\n"
                  "short,1a,Economic wellbeing,maximise income,1,1,1,100,100\r\n"
                  "short,1b,Economic wellbeing,reduce overall debt,1,1,1,100,100\r\n"
                  "short,1ci,Economic wellbeing,paid work (after leaving),1,0,0,,0\r\n",
                  0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 22);
  CHECK(store.sql("SELECT count(*), max(version) FROM outcome_returns;") == "2|2\n");
  CHECK(store.sql("SELECT count(*) FROM outcome_answers;") == "42\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 71 events and 71 records verified", 0) == 0);
}

TEST_CASE("outcome: the report filters by term and by date, both ends included") {
  StoreFixture store;
  start_grant(store);
  store.ok({"outcome", "record", "1", "--date", "2025-03-01", "--file", kExit, "--actor", "asha"});
  store.ok(
      {"outcome", "record", "1", "--date", "2025-03-31", "--file", kReview, "--actor", "asha"});
  store.ok({"outcome", "record", "1", "--date", "2025-04-01", "--file", kExit, "--actor", "asha"});
  const auto report = nlohmann::json::parse(
      store.ok({"report", "outcomes", "--from", "2025-03-01", "--to", "2025-03-31", "--json"}).out);
  CHECK(report["from"] == "2025-03-01");
  CHECK(report["to"] == "2025-03-31");
  REQUIRE(report["terms"].size() == 2);
  CHECK(report["terms"][0]["term"] == "short");
  CHECK(report["terms"][0]["returns"] == 1);
  CHECK(report["terms"][1]["term"] == "long");
  CHECK(report["terms"][1]["returns"] == 1);
  CHECK(report["terms"][1]["measures"][0] ==
        nlohmann::json{{"measure", "1a"},
                       {"domain", "Economic wellbeing"},
                       {"label", "maximise income"},
                       {"question",
                        "Did the client need support to maximise their income, including "
                        "receipt of the correct welfare benefits?"},
                       {"needed", 1},
                       {"achieved", 1},
                       {"percent_of_needed", 100},
                       {"percent_of_all", 100}});
  CHECK(report["terms"][1]["measures"][1]["percent_of_needed"].is_null());
  CHECK(report["terms"][1]["measures"][1]["percent_of_all"] == 0);

  const std::string text = store
                               .ok({"report", "outcomes", "--from", "2025-03-01", "--to",
                                    "2025-04-01", "--term", "short"})
                               .out;
  CHECK(text.rfind("Outcomes of short-term services, 2025-03-01 to 2025-04-01: 2 return(s)\n", 0) ==
        0);
  CHECK(
      text.find("1b     reduce overall debt                          0           0%        0%\n") !=
      std::string::npos);
  CHECK(
      text.find("1ci    paid work (after leaving)                    0            —        0%\n") !=
      std::string::npos);
  CHECK(text.find("Making a positive contribution\n5      choice/control/involvement               "
                  "    2         100%      100%\n") != std::string::npos);
}

TEST_CASE("outcome: a bad file is refused with every problem, nothing written") {
  StoreFixture store;
  start_grant(store);
  std::string text = hsg::test::read_file(kExit);
  text.replace(text.find("term = \"short\""), 14, "term = \"brief\"");
  text.replace(text.find("\"2c\" = { needed = false, achieved = false }\n"), 44, "");
  text.replace(text.find("\"3a\" = { needed = false, achieved = false }"), 43,
               "\"3a\" = { needed = false, achieved = true }");
  text += "\"6\" = { needed = true, achieved = true }\n";
  const auto bad = store.dir() / "bad.toml";
  hsg::test::write_file(bad, text);
  CHECK(store.refused({"outcome", "record", "1", "--date", "2025-04-28", "--file", bad.string(),
                       "--actor", "asha"}) ==
        bad.string() + ":4:8: term 'brief' is not one of: short, long\n" + bad.string() +
            ":6:1: [outcomes] must answer every measure of the framework; missing: 2c\n" +
            bad.string() +
            ":16:37: outcomes.\"3a\": achieved = true but needed = false; an outcome can only "
            "be achieved where the client needed support with it\n" +
            bad.string() +
            ":27:1: unknown outcome measure '6'; allowed: 1a, 1b, 1ci, 1cii, 2ai, 2aii, 2b, 2c, "
            "2di, 2dii, 3a, 3b, 3c, 3d, 4ai, 4aii, 4b, 4ci, 4cii, 4ciii, 5\n");
}

TEST_CASE("outcome: refusals name the grant, the date and the options") {
  StoreFixture store;
  start_grant(store);
  CHECK(store.refused({"outcome", "record", "2", "--date", "2025-04-28", "--file", kExit, "--actor",
                       "asha"}) == "hsg: error: cannot record outcomes for grant 2: no grant 2\n");
  CHECK(store.refused({"outcome", "show", "2"}) ==
        "hsg: error: cannot read the outcomes of grant 2: no grant 2\n");
  CHECK(store.refused({"outcome", "record", "1", "--date", "2025-02-02", "--file", kExit, "--actor",
                       "asha"}) ==
        "hsg: error: cannot record outcomes for grant 1: 2025-02-02 is before the grant started "
        "(2025-02-03)\n");
  CHECK(store.refused({"outcome", "record", "1", "--date", "2025-13-01", "--file", kExit, "--actor",
                       "asha"}) ==
        "hsg: error: --date '2025-13-01' is not a real date in the form YYYY-MM-DD (see 'hsg "
        "outcome record "
        "--help')\n");
  CHECK(store.refused({"outcome", "record", "x", "--date", "2025-04-28", "--file", kExit, "--actor",
                       "asha"}) ==
        "hsg: error: 'x' is not a grant id (a positive number) (see 'hsg outcome record "
        "--help')\n");
  CHECK(store.refused({"report", "outcomes", "--from", "2025-04-01", "--to", "2025-04-30", "--term",
                       "medium"}) ==
        "hsg: error: --term 'medium' is not one of: short, long (see 'hsg report outcomes "
        "--help')\n");
  CHECK(store.refused({"report", "outcomes", "--from", "2025-04-30", "--to", "2025-04-01"}) ==
        "hsg: error: --to 2025-04-01 is before --from 2025-04-30 (see 'hsg report outcomes "
        "--help')\n");
  CHECK(store.refused({"report", "outcomes", "--from", "2025-04-01", "--to", "2025-04-30", "--json",
                       "--csv"}) ==
        "hsg: error: --json and --csv cannot be given together (see 'hsg report outcomes "
        "--help')\n");
}

TEST_CASE("outcome and report: --help") {
  StoreFixture store(false);
  CHECK(store.ok({"outcome", "--help"}).out.find("record GRANT --date D --file FILE") !=
        std::string::npos);
  CHECK(store.ok({"outcome", "record", "--help"})
            .out.rfind("Usage: hsg outcome record GRANT --date D --file OUTCOMES.toml\n", 0) == 0);
  CHECK(store.ok({"report", "outcomes", "--help"})
            .out.rfind("Usage: hsg report outcomes --from D --to D [--term short|long] [--json "
                       "| --csv]\n",
                       0) == 0);
}
