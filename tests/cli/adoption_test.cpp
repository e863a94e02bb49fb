// Issues 13 and 21 end to end: rule sets are adopted, not just added; a rule set is used
// for the record only on days it is in force; a grant starts on or after its assessment.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";
const std::string kSmall = HSG_SOURCE_DIR "/docs/examples/small-rules.toml";
const std::string kCandidate = HSG_SOURCE_DIR "/docs/examples/candidate-rate.toml";
const std::string kMedwayId = "f8a37111e36020b1d657fc89e6958f27e0567dd73daeb86c9ce51d4ed0c48d2b";
const std::string kSmallId = "dd4155af77381a9d85386bf68d3911aa31a547aa9421c822ea43182b6ff86af3";
const std::string kCandidateId = "e55cdeef035eaba7ef2093d9cc73b613748f72482f843edae82f6f0e6dff0d16";

// A database with client C-1 and nothing recorded yet.
struct Fresh : StoreFixture {
  Fresh() : StoreFixture(false) {
    ok({"init", "--actor", "asha"});
    ok({"client", "add", "C-1", "--group", "Older people with support needs", "--actor", "asha"});
  }
};

std::string recorded_ruleset(const StoreFixture& store, const std::string& id) {
  return store.sql("SELECT ruleset_id FROM allocations WHERE id = " + id + ";");
}

// small-rules.toml put in force from 2025-04-01, medway retired from then.
void adopt_small(const StoreFixture& store) {
  store.ok({"rules", "add", kSmall, "--actor", "asha"});
  store.ok({"rules", "retire", "f8a3", "--from", "2025-04-01", "--reason", "replaced", "--actor",
            "asha"});
  store.ok(
      {"rules", "adopt", "dd41", "--from", "2025-04-01", "--reason", "small", "--actor", "asha"});
  store.ok({"rules", "approve-adoption", "dd41", "--actor", "manager"});
}

}  // namespace

TEST_CASE("adoption: rules add stores a draft, so medway answers still allocate (issue 13)") {
  Fresh store;
  const auto added = store.ok({"rules", "add", kSmall, "--actor", "asha"});
  CHECK(added.out == "added rule set " + kSmallId +
                         " small-example version 2, effective from 2025-04-01\nstatus: draft\n");
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-05-01", "--actor", "asha"});
  CHECK(recorded_ruleset(store, "1") == kMedwayId + "\n");
}

TEST_CASE("adoption: a rule set added with medway's effective_from breaks nothing (issue 13)") {
  Fresh store;
  store.ok({"rules", "add", kCandidate, "--actor", "asha"});
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-05-01", "--actor", "asha"});
  CHECK(recorded_ruleset(store, "1") == kMedwayId + "\n");
  CHECK(store.ok({"rules", "list"}).out ==
        "effective      name                 version          id            status\n"
        "2024-04-01     medway               1.0-rate-20.00   e55cdeef035e  draft\n"
        "2024-04-01     medway               1.0              f8a37111e360  in force from "
        "2024-04-01\n");
}

TEST_CASE("adoption: the proposer cannot approve their own adoption") {
  Fresh store;
  store.ok({"rules", "add", kSmall, "--actor", "asha"});
  store.ok({"rules", "retire", "f8a3", "--from", "2025-04-01", "--reason", "replaced", "--actor",
            "asha"});
  CHECK(store
            .ok({"rules", "adopt", "dd41", "--from", "2025-04-01", "--reason", "small", "--actor",
                 "asha"})
            .out ==
        "Adoption of rule set dd4155af7738 (small-example version 2) from 2025-04-01 "
        "proposed by asha: waiting for approval by another person (hsg rules "
        "approve-adoption dd4155af7738)\n");
  CHECK(store.refused({"rules", "approve-adoption", "dd41", "--actor", "asha"}) ==
        "hsg: error: cannot approve the adoption of rule set dd4155af7738: asha proposed this "
        "adoption, so another person must approve it\n");
  CHECK(store.ok({"rules", "approve-adoption", "dd41", "--actor", "manager"}).out ==
        "rule set dd4155af7738 (small-example version 2) is in force from 2025-04-01: proposed "
        "by asha, approved by manager\n");
  CHECK(store.ok({"rules", "list"}).out ==
        "effective      name                 version          id            status\n"
        "2024-04-01     medway               1.0              f8a37111e360  retired from "
        "2025-04-01 (in force from 2024-04-01)\n"
        "2025-04-01     small-example        2                dd4155af7738  in force from "
        "2025-04-01\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 7 events and 7 records verified", 0) == 0);
}

TEST_CASE("adoption: an adoption overlapping the rule set in force is refused") {
  Fresh store;
  store.ok({"rules", "add", kSmall, "--actor", "asha"});
  CHECK(store.refused({"rules", "adopt", "dd41", "--from", "2025-04-01", "--reason", "small",
                       "--actor", "asha"}) ==
        "hsg: error: cannot adopt rule set dd4155af7738 from 2025-04-01: rule set f8a37111e360 "
        "is in force from 2024-04-01 with no end; retire it from 2025-04-01 first (hsg rules "
        "retire f8a37111e360 --from 2025-04-01 --reason TEXT)\n");
}

TEST_CASE("adoption: a retirement over recorded allocations is refused, naming them") {
  Fresh store;
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-05-01", "--actor", "asha"});
  CHECK(store.refused({"rules", "retire", "f8a3", "--from", "2025-04-01", "--reason", "replaced",
                       "--actor", "asha"}) ==
        "hsg: error: cannot retire rule set f8a37111e360 from 2025-04-01: allocation 1 was "
        "assessed under it on or after 2025-04-01, and would then read as assessed under a rule "
        "set not in force\n");
}

TEST_CASE("adoption: ids may be abbreviated to a unique prefix of 4 or more digits") {
  Fresh store;
  // Two variants of small-rules.toml whose ids share their first four digits, 00a4.
  const std::string small = hsg::test::read_file(kSmall);
  const std::string first = (store.dir() / "first.toml").string();
  const std::string second = (store.dir() / "second.toml").string();
  hsg::test::write_file(first, small + "\n# variant 672\n");
  hsg::test::write_file(second, small + "\n# variant 831\n");
  store.ok({"rules", "add", first, "--actor", "asha"});
  store.ok({"rules", "add", second, "--actor", "asha"});
  const std::string ids = store.sql("SELECT id FROM rulesets WHERE id LIKE '00a4%' ORDER BY id;");
  REQUIRE(ids.size() == 2 * 65);
  const std::string first_id = ids.substr(0, 64);
  const std::string second_id = ids.substr(65, 64);
  CHECK(store.refused({"rules", "show", "00a4"}) ==
        "hsg: error: --rules 00a4: no such file, and rule-set id 00a4 is ambiguous: 2 stored "
        "rule sets start with it: " +
            first_id + " (small-example version 2, effective from 2025-04-01); " + second_id +
            " (small-example version 2, effective from 2025-04-01); give more digits\n");
  CHECK(store.refused({"allocate", "C-1", "--answers", kWorked, "--rules", "f8a", "--date",
                       "2025-05-01", "--actor", "asha"}) ==
        "hsg: error: --rules f8a: no such file, and 'f8a' is not a rule-set id: give 4 to 64 "
        "lowercase hex digits of one (hsg rules list)\n");
  CHECK(store.ok({"rules", "show", first_id.substr(0, 8)}).out.rfind("Status: draft\n\n", 0) == 0);
}

TEST_CASE("adoption: --rules is an id, a prefix or a file in every command, and says which") {
  Fresh store;
  const auto by_prefix = store.ok({"allocate", "C-1", "--answers", kWorked, "--rules", "f8a37111",
                                   "--date", "2025-01-15", "--actor", "asha"});
  CHECK(by_prefix.out.find("Allocation #1 recorded for client C-1 by asha\n--rules f8a37111: the "
                           "stored rule set " +
                           kMedwayId + "\n") == 0);
  const std::string medway_file = HSG_SOURCE_DIR "/rules/medway.toml";
  const auto by_file = store.ok({"allocate", "C-1", "--answers", kWorked, "--rules", medway_file,
                                 "--date", "2025-01-15", "--actor", "asha", "--json"});
  CHECK(nlohmann::json::parse(by_file.out)["rules_option"] ==
        "--rules " + medway_file + ": the file " + medway_file + " (rule set " + kMedwayId + ")");
  // A file whose rule set is not stored cannot be recorded under.
  CHECK(store.refused({"allocate", "C-1", "--answers", kWorked, "--rules", kCandidate, "--date",
                       "2025-01-15", "--actor", "asha"}) ==
        "hsg: error: --rules " + kCandidate + ": the file " + kCandidate + " (rule set " +
            kCandidateId + "), which is not stored: add it (hsg rules add " + kCandidate +
            ") and adopt it before recording under it\n");
  // whatif and assess take a stored id as well as a file.
  CHECK(store.ok({"whatif", "--rules", "f8a37111", "--as-of", "2025-12-31"})
            .out.rfind("What-if: rule set medway 1.0 from the stored rule set " + kMedwayId + "\n",
                       0) == 0);
  const auto assessed =
      store.ok({"assess", "--rules", "f8a37111", "--answers", kWorked, "--date", "2025-01-15"});
  CHECK(assessed.out.rfind("--rules f8a37111: the stored rule set " + kMedwayId +
                               "\nHousing support grant: indicative allocation\n",
                           0) == 0);
}

TEST_CASE("issue 21: a rule set named by id is refused before its adoption date") {
  Fresh store;
  adopt_small(store);
  CHECK(store.refused({"allocate", "C-1", "--rules", "dd41", "--answer", "tenancy=lots", "--answer",
                       "neighbours=disputes", "--date", "2025-03-31", "--actor", "asha"}) ==
        "hsg: error: rule set dd4155af7738 (small-example version 2, effective from 2025-04-01) "
        "is not in force on 2025-03-31: it is in force from 2025-04-01; the rule set in force "
        "on 2025-03-31 is f8a37111e360; nothing is recorded under a rule set not in force on "
        "the assessment date\n");
  // A draft named by id is refused too.
  store.ok({"rules", "add", kCandidate, "--actor", "asha"});
  CHECK(store.refused({"allocate", "C-1", "--rules", "e55c", "--answers", kWorked, "--date",
                       "2025-03-31", "--actor", "asha"}) ==
        "hsg: error: rule set e55cdeef035e (medway version 1.0-rate-20.00, effective from "
        "2024-04-01) is not in force on 2025-03-31: it is a draft; the rule set in force on "
        "2025-03-31 is f8a37111e360; nothing is recorded under a rule set not in force on the "
        "assessment date\n");
  // On its first day it is chosen, and may be named.
  store.ok({"allocate", "C-1", "--rules", "dd41", "--answer", "tenancy=lots", "--answer",
            "neighbours=disputes", "--date", "2025-04-01", "--actor", "asha"});
  CHECK(recorded_ruleset(store, "1") == kSmallId + "\n");
}

TEST_CASE("issue 21: grant review refuses a rule set effective after the review date") {
  StoreFixture store;  // allocation 1, the worked example of 2025-01-15
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
  std::string later = hsg::test::read_file(HSG_SOURCE_DIR "/rules/medway.toml");
  later.replace(later.find("effective_from = 2024-04-01"), 27, "effective_from = 2026-01-01");
  const std::string path = (store.dir() / "medway-2026.toml").string();
  hsg::test::write_file(path, later);
  store.ok({"rules", "add", path, "--actor", "asha"});
  store.ok({"rules", "retire", "f8a3", "--from", "2026-01-01", "--reason", "2026 rules", "--actor",
            "asha"});
  store.ok({"rules", "adopt", path, "--from", "2026-01-01", "--reason", "2026 rules", "--actor",
            "asha"});
  store.ok({"rules", "approve-adoption", path, "--actor", "manager"});
  const std::string id = store.sql("SELECT ruleset_id FROM ruleset_adoptions WHERE id = 2;");
  const std::string err =
      store.refused({"grant", "review", "1", "--rules", id.substr(0, 12), "--answers", kWorked,
                     "--date", "2025-05-01", "--actor", "asha"});
  CHECK(err == "hsg: error: rule set " + id.substr(0, 12) +
                   " (medway version 1.0, effective from 2026-01-01) is not in force on "
                   "2025-05-01: it is in force from 2026-01-01; the rule set in force on "
                   "2025-05-01 is f8a37111e360; nothing is recorded under a rule set not in "
                   "force on the assessment date\n");
}

TEST_CASE("issue 21: a grant cannot start before its assessment date") {
  StoreFixture store;
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  CHECK(store.refused({"grant", "start", "1", "--start", "2025-01-14", "--held-as",
                       "direct_payment", "--actor", "asha"}) ==
        "hsg: error: --start 2025-01-14 is before allocation 1's assessment date 2025-01-15: a "
        "grant cannot start before its assessment\n");
  store.ok({"grant", "start", "1", "--start", "2025-01-15", "--held-as", "direct_payment",
            "--actor", "asha"});
}

TEST_CASE("issue 21: assess tries any rule set on any date and says when it is not in force") {
  Fresh store;
  adopt_small(store);
  const auto result = store.ok({"assess", "--rules", kSmall, "--answer", "tenancy=lots", "--answer",
                                "neighbours=disputes", "--date", "2025-03-31"});
  CHECK(result.out.rfind("--rules " + kSmall + ": the file " + kSmall + " (rule set " + kSmallId +
                             ")\nNot in force: rule set dd4155af7738 (small-example version 2, "
                             "effective from 2025-04-01) is not in force on 2025-03-31: it is "
                             "in force from 2025-04-01; the rule set in force on 2025-03-31 is "
                             "f8a37111e360; hsg assess records nothing\n\nHousing support grant",
                         0) == 0);
  // Without a database, by its effective_from alone.
  const auto bare =
      hsg::test::run_hsg({"assess", "--rules", kSmall, "--answer", "tenancy=lots", "--answer",
                          "neighbours=disputes", "--date", "2025-03-31", "--json"});
  REQUIRE(bare.exit_code == 0);
  CHECK(nlohmann::json::parse(bare.out)["not_in_force"] ==
        "rule set dd4155af7738 (small-example version 2) is not in force on 2025-03-31: it is "
        "effective from 2025-04-01");
}

TEST_CASE("issue 21: import and generate record only under a rule set in force that day") {
  Fresh store;
  const std::string csv = (store.dir() / "before.csv").string();
  hsg::test::write_file(csv,
                        "client_ref,date,assessor,tenancy_skills,housing_options,"
                        "home_maintenance,settling_in,on_call,money,health,safety,social,"
                        "work_learning\n"
                        "C-1,2024-03-31,asha,none,none,none,none,none,none,none,none,none,none\n");
  CHECK(store.refused({"import", csv, "--actor", "asha"}) ==
        csv +
            ":2:2: no rule set is in force on 2024-03-31: a stored rule set is a draft until it "
            "is adopted (hsg rules list; hsg rules adopt ID --from D --reason TEXT) (date)\n"
            "hsg: error: 1 problem; nothing was imported\n");
  CHECK(store.refused({"generate", "--clients", "3", "--seed", "1", "--from", "2024-01-01",
                       "--actor", "asha"}) ==
        "hsg: error: no rule set is in force on 2024-01-01: a stored rule set is a draft until "
        "it is adopted (hsg rules list; hsg rules adopt ID --from D --reason TEXT)\n");
}

TEST_CASE("adoption: a rejection keeps a draft, and audit verify rebuilds every adoption row") {
  Fresh store;
  store.ok({"rules", "add", kSmall, "--actor", "asha"});
  store.ok({"rules", "retire", "f8a3", "--from", "2026-04-01", "--reason", "replaced", "--actor",
            "asha"});
  store.ok(
      {"rules", "adopt", "dd41", "--from", "2026-04-01", "--reason", "small", "--actor", "asha"});
  CHECK(store.refused({"rules", "reject-adoption", "dd41", "--reason", "no", "--actor", "asha"}) ==
        "hsg: error: cannot reject the adoption of rule set dd4155af7738: asha proposed this "
        "adoption, so another person must reject it\n");
  CHECK(store.ok({"rules", "reject-adoption", "dd41", "--reason", "budget", "--actor", "manager"})
            .out ==
        "Adoption of rule set dd4155af7738 (small-example version 2) from 2026-04-01 "
        "rejected by manager: it stays a draft\n");
  CHECK(store.ok({"rules", "show", "dd41"})
            .out.rfind("Status: draft (adoption from 2026-04-01 rejected)\n\n", 0) == 0);
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 7 events and 7 records verified", 0) == 0);
  store.sql(
      "DROP TRIGGER ruleset_retirements_no_update; UPDATE ruleset_retirements SET from_on = "
      "'2030-01-01';");
  const auto tampered = store.run({"audit", "verify"});
  CHECK(tampered.exit_code == 1);
  CHECK(tampered.err ==
        "hsg: audit verification FAILED: trigger ruleset_retirements_no_update on "
        "ruleset_retirements is missing\n"
        "hsg: audit verification FAILED: ruleset_retirements 1 no longer matches audit event 5 "
        "that wrote it\n");
}

TEST_CASE("adoption: two in force on one day by rows written around hsg is exit 1, not 2") {
  Fresh store;
  store.ok({"rules", "add", kSmall, "--actor", "asha"});
  // A second in-force adoption, inserted by SQL: medway (adoption 1) has no end.
  store.sql(
      "INSERT INTO ruleset_adoptions (ruleset_id, from_on, basis, actor, at, reason) VALUES ('" +
      kSmallId + "', '2025-04-01', 'upgrade', 'hsg-upgrade', '2025-01-01T00:00:00Z', 'crafted');");
  const std::string two =
      "hsg: error: the store's adoptions put two rule sets in force on 2025-05-01: adoption 1 "
      "(rule set f8a37111e360) and adoption 2 (rule set dd4155af7738); run hsg audit verify\n";
  CHECK(store.refused({"allocate", "C-1", "--answers", kWorked, "--date", "2025-05-01", "--actor",
                       "asha"}) == two);
  CHECK(store.refused({"allocate", "C-1", "--rules", "f8a3", "--answers", kWorked, "--date",
                       "2025-05-01", "--actor", "asha"}) == two);
  CHECK(store.refused(
            {"assess", "--rules", "f8a3", "--answers", kWorked, "--date", "2025-05-01"}) == two);
  // Before the crafted adoption's first day only medway is in force.
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-03-31", "--actor", "asha"});
  const auto verified = store.run({"audit", "verify"});
  CHECK(verified.exit_code == 1);
  CHECK(verified.err ==
        "hsg: audit verification FAILED: adoption 1 (rule set f8a37111e360) and adoption 2 (rule "
        "set dd4155af7738) both put a rule set in force on 2025-04-01\n"
        "hsg: audit verification FAILED: ruleset_adoptions 2 was not written by any audit event "
        "(2 rows, 1 written)\n");
}

TEST_CASE("adoption: retired from its own first day, it was never in force") {
  Fresh store;
  store.ok({"rules", "add", kSmall, "--actor", "asha"});
  store.ok({"rules", "retire", "f8a3", "--from", "2025-04-01", "--reason", "replaced", "--actor",
            "asha"});
  store.ok(
      {"rules", "adopt", "dd41", "--from", "2025-04-01", "--reason", "small", "--actor", "asha"});
  store.ok({"rules", "approve-adoption", "dd41", "--actor", "manager"});
  CHECK(store
            .ok({"rules", "retire", "dd41", "--from", "2025-04-01", "--reason", "too soon",
                 "--actor", "asha"})
            .out ==
        "rule set dd4155af7738 (small-example version 2) retired from 2025-04-01: it was never "
        "in force\n");
  CHECK(store.ok({"rules", "list"}).out ==
        "effective      name                 version          id            status\n"
        "2024-04-01     medway               1.0              f8a37111e360  retired from "
        "2025-04-01 (in force from 2024-04-01)\n"
        "2025-04-01     small-example        2                dd4155af7738  retired from "
        "2025-04-01 (never in force)\n");
}
