// Rule sets are adopted, not just added: four eyes, one in force a day, history kept.
#include <catch2/catch.hpp>

#include "db/adoption_invariants.h"
#include "db/audit_log.h"
#include "db/ruleset_adoptions.h"
#include "db/rulesets.h"
#include "tests/db/db_fixture.h"
#include "tests/engine/medway_spec.h"

namespace hsg::test {

namespace {

engine::Date date(int year, unsigned month, unsigned day) {
  return *engine::Date::from_ymd(year, month, day);
}

engine::Ruleset medway_from(engine::Date from, std::string version) {
  engine::RulesetSpec spec = medway_spec();
  spec.version = std::move(version);
  spec.effective_from = from;
  return std::move(engine::Ruleset::create(spec)).value();
}

struct Store {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::AdoptionRepository adoptions{database};
  std::string add(std::string_view bytes, engine::Date from, std::string version) {
    return ok(db::RulesetRepository(database).add(stamp("admin"), bytes,
                                                  medway_from(from, std::move(version))))
        .info.id;
  }
  std::string in_force(engine::Date day) {
    return ok(db::RulesetRepository(database).in_force_on(day)).info.id;
  }
  std::string head() { return ok(db::AuditLog(database).checkpoint()); }
  std::string error_of(db::DbResult<db::Adoption> result) {
    REQUIRE_FALSE(result.ok());
    return result.error().message;
  }
};

}  // namespace

TEST_CASE("an adoption is in force once another person approves it, from its date") {
  Store store;
  const std::string v1 = store.add("v1", date(2024, 4, 1), "1.0");
  ok(store.adoptions.propose(stamp("asha"), v1, date(2024, 4, 1), "the 2024 rules"));
  CHECK(db::adoption_status(ok(store.adoptions.all()), v1) == "pending adoption from 2024-04-01");
  CHECK_FALSE(db::RulesetRepository(store.database).in_force_on(date(2024, 6, 1)).ok());
  const auto approved = ok(store.adoptions.approve(stamp("manager"), v1, ""));
  CHECK(approved.adopted());
  CHECK(store.in_force(date(2024, 4, 1)) == v1);
  CHECK(store.in_force(date(2030, 1, 1)) == v1);
  CHECK_FALSE(db::RulesetRepository(store.database).in_force_on(date(2024, 3, 31)).ok());
  CHECK(db::adoption_status(ok(store.adoptions.all()), v1) == "in force from 2024-04-01");
  const auto report = ok(db::AuditLog(store.database).verify());
  CHECK(report.ok);
  CHECK(report.records_checked == 3);  // add, adopt, approve
}

TEST_CASE("the proposer cannot approve or reject their own adoption, and nothing is written") {
  Store store;
  const std::string v1 = store.add("v1", date(2024, 4, 1), "1.0");
  ok(store.adoptions.propose(stamp("asha"), v1, date(2024, 4, 1), "the 2024 rules"));
  const std::string head = store.head();
  CHECK(store.error_of(store.adoptions.approve(stamp("asha"), v1, "")) ==
        "cannot approve the adoption of rule set " + v1.substr(0, 12) +
            ": asha proposed this adoption, so another person must approve it");
  CHECK(store.error_of(store.adoptions.reject(stamp("asha"), v1, "no")) ==
        "cannot reject the adoption of rule set " + v1.substr(0, 12) +
            ": asha proposed this adoption, so another person must reject it");
  CHECK(store.head() == head);
}

TEST_CASE("a rejected adoption leaves the rule set a draft") {
  Store store;
  const std::string v1 = store.add("v1", date(2024, 4, 1), "1.0");
  ok(store.adoptions.propose(stamp("asha"), v1, date(2024, 4, 1), "the 2024 rules"));
  ok(store.adoptions.reject(stamp("manager"), v1, "not this year"));
  CHECK(db::adoption_status(ok(store.adoptions.all()), v1) ==
        "draft (adoption from 2024-04-01 rejected)");
  CHECK_FALSE(db::RulesetRepository(store.database).in_force_on(date(2024, 6, 1)).ok());
  CHECK(ok(db::AuditLog(store.database).verify()).ok);
}

TEST_CASE("an adoption before the rule set's effective_from is refused") {
  Store store;
  const std::string v1 = store.add("v1", date(2025, 4, 1), "1.0");
  CHECK(store.error_of(store.adoptions.propose(stamp("asha"), v1, date(2025, 3, 31), "early")) ==
        "cannot adopt rule set " + v1.substr(0, 12) +
            " from 2025-03-31: it is effective from 2025-04-01, the first day it may be used");
}

TEST_CASE("two rule sets cannot be in force on the same day: retire, then adopt") {
  Store store;
  const std::string v1 = store.add("v1", date(2024, 4, 1), "1.0");
  const std::string v2 = store.add("v2", date(2024, 4, 1), "2.0");
  ok(store.adoptions.propose(stamp("asha"), v1, date(2024, 4, 1), "the 2024 rules"));
  const std::string pending_head = store.head();
  CHECK(store.error_of(store.adoptions.propose(stamp("asha"), v2, date(2026, 4, 1), "2026")) ==
        "cannot adopt rule set " + v2.substr(0, 12) +
            " from 2026-04-01: the adoption of rule set " + v1.substr(0, 12) +
            " from 2024-04-01 is waiting for approval; approve or reject it first (hsg rules "
            "approve-adoption | reject-adoption " +
            v1.substr(0, 12) + ")");
  CHECK(store.head() == pending_head);
  ok(store.adoptions.approve(stamp("manager"), v1, ""));
  const std::string head = store.head();
  CHECK(store.error_of(store.adoptions.propose(stamp("asha"), v2, date(2026, 4, 1), "2026")) ==
        "cannot adopt rule set " + v2.substr(0, 12) + " from 2026-04-01: rule set " +
            v1.substr(0, 12) +
            " is in force from 2024-04-01 with no end; retire it from 2026-04-01 first (hsg "
            "rules retire " +
            v1.substr(0, 12) + " --from 2026-04-01 --reason TEXT)");
  CHECK(store.error_of(store.adoptions.propose(stamp("asha"), v1, date(2026, 4, 1), "again")) ==
        "cannot adopt rule set " + v1.substr(0, 12) + " from 2026-04-01: rule set " +
            v1.substr(0, 12) +
            " is in force from 2024-04-01 with no end; retire it from 2026-04-01 first (hsg "
            "rules retire " +
            v1.substr(0, 12) + " --from 2026-04-01 --reason TEXT)");
  CHECK(store.head() == head);

  ok(store.adoptions.retire(stamp("asha"), v1, date(2026, 4, 1), "replaced"));
  CHECK(store.error_of(store.adoptions.propose(stamp("asha"), v2, date(2026, 3, 31), "2026")) ==
        "cannot adopt rule set " + v2.substr(0, 12) + " from 2026-03-31: rule set " +
            v1.substr(0, 12) +
            " is in force from 2024-04-01 until 2026-03-31, days from 2026-03-31 on that the "
            "adoption would cover too");
  ok(store.adoptions.propose(stamp("asha"), v2, date(2026, 4, 1), "2026"));
  ok(store.adoptions.approve(stamp("manager"), v2, "budget agreed"));
  CHECK(store.in_force(date(2026, 3, 31)) == v1);
  CHECK(store.in_force(date(2026, 4, 1)) == v2);
  const auto all = ok(store.adoptions.all());
  CHECK(db::adoption_status(all, v1) == "retired from 2026-04-01 (in force from 2024-04-01)");
  CHECK(db::adoption_status(all, v2) == "in force from 2026-04-01");
  CHECK(ok(db::AuditLog(store.database).verify()).ok);
}

TEST_CASE("adoptions and retirements do not reinterpret recorded allocations") {
  Store store;
  const std::string v1 = store.add(kMedwayBytes, date(2024, 4, 1), "1.0");
  const std::string v2 = store.add("v2", date(2024, 4, 1), "2.0");
  ok(store.adoptions.propose(stamp("asha"), v1, date(2024, 4, 1), "the 2024 rules"));
  ok(store.adoptions.approve(stamp("manager"), v1, ""));
  add_client(store.database, "C-1");
  db::NewAllocation allocation = worked_example("C-1", v1);
  allocation.assessed_on = date(2025, 1, 15);
  ok(db::AllocationRepository(store.database).record(stamp("asha"), allocation));
  ok(db::AllocationRepository(store.database).record(stamp("asha"), allocation));
  const std::string head = store.head();
  CHECK(store.error_of(store.adoptions.retire(stamp("asha"), v1, date(2025, 1, 1), "oops")) ==
        "cannot retire rule set " + v1.substr(0, 12) +
            " from 2025-01-01: allocations 1 and 2 were assessed under it on or after "
            "2025-01-01, and would then read as assessed under a rule set not in force");
  CHECK(store.head() == head);
  ok(store.adoptions.retire(stamp("asha"), v1, date(2025, 1, 16), "replaced"));
  // An allocation recorded on a day with no rule set in force (as hsg allowed before
  // schema 6, with --rules ID): adopting over that day would reinterpret it.
  db::NewAllocation named = worked_example("C-1", v2);
  named.assessed_on = date(2025, 3, 1);
  ok(db::AllocationRepository(store.database).record(stamp("asha"), named));
  const std::string later_head = store.head();
  CHECK(store.error_of(store.adoptions.propose(stamp("asha"), v1, date(2025, 2, 1), "again")) ==
        "cannot adopt rule set " + v1.substr(0, 12) +
            " from 2025-02-01: allocation 3 was assessed on or after 2025-02-01 under another "
            "rule set, and would then read as assessed under a rule set it was not computed "
            "with");
  CHECK(store.head() == later_head);
  ok(store.adoptions.propose(stamp("asha"), v1, date(2025, 3, 2), "again"));
  CHECK(ok(db::AuditLog(store.database).verify()).ok);
}

TEST_CASE("init's bootstrap adopts only on a database with no adoption and no allocation") {
  Store store;
  const std::string v1 = store.add(kMedwayBytes, date(2024, 4, 1), "1.0");
  const auto adopted = ok(store.adoptions.bootstrap(stamp("asha"), v1));
  REQUIRE(adopted);
  CHECK(adopted->basis == db::AdoptionBasis::init);
  CHECK(adopted->from_on == date(2024, 4, 1));
  CHECK(store.in_force(date(2024, 4, 1)) == v1);
  const std::string head = store.head();
  CHECK_FALSE(ok(store.adoptions.bootstrap(stamp("asha"), v1)));
  CHECK(store.head() == head);
}

TEST_CASE("init's bootstrap adopts nothing on a database holding an allocation but no adoption") {
  Store store;
  const std::string v1 = store.add(kMedwayBytes, date(2024, 4, 1), "1.0");
  add_client(store.database, "C-1");
  // As hsg allowed before schema 6: an allocation recorded with no adoption at all.
  ok(db::AllocationRepository(store.database).record(stamp("asha"), worked_example("C-1", v1)));
  const std::string head = store.head();
  CHECK_FALSE(ok(store.adoptions.bootstrap(stamp("asha"), v1)));
  CHECK(store.head() == head);
  CHECK(ok(store.adoptions.all()).empty());
  CHECK(db::adoption_status(ok(store.adoptions.all()), v1) == "draft");
}

TEST_CASE("audit verify names each adoption that breaks a rule no trigger can state") {
  // Medway in force from 2024-04-01 by hsg init, retired from 2026-04-01; v2 stored. Each
  // section writes one row around hsg, as a script with the file could.
  Store store;
  const std::string v1 = store.add(kMedwayBytes, date(2024, 4, 1), "1.0");
  const std::string v2 = store.add("v2", date(2026, 4, 1), "2.0");
  ok(store.adoptions.bootstrap(stamp("asha"), v1));
  const auto path = store.dir.file("hsg.db");
  const std::string first = "adoption 1 (rule set " + v1.substr(0, 12) + ")";
  const std::string second = "adoption 2 (rule set " + v2.substr(0, 12) + ")";
  const std::string insert =
      "INSERT INTO ruleset_adoptions (ruleset_id, from_on, basis, actor, at, reason) VALUES ('" +
      v2 + "', '2026-04-01', ";
  std::string unwritten =
      "ruleset_adoptions 2 was not written by any audit event (2 rows, 1 "
      "written)";
  std::vector<std::string> expected;
  SECTION("basis init after the first adoption") {
    ok(store.adoptions.retire(stamp("asha"), v1, date(2026, 4, 1), "replaced"));
    REQUIRE(refusal(path, insert + "'init', 'asha', '2026-01-01T00:00:00Z', 'again');") ==
            "accepted");
    expected = {second +
                " has basis init but is not the first adoption: only hsg init on a store with no "
                "adoption adopts without approval"};
  }
  SECTION("basis upgrade by someone other than hsg-upgrade") {
    ok(store.adoptions.retire(stamp("asha"), v1, date(2026, 4, 1), "replaced"));
    REQUIRE(refusal(path, insert + "'upgrade', 'asha', '2026-01-01T00:00:00Z', 'as if');") ==
            "accepted");
    expected = {second +
                " has basis upgrade but its actor is 'asha', not hsg-upgrade: only the upgrade to "
                "schema 6 adopts so"};
  }
  SECTION("approved by the proposer under another spelling") {
    ok(store.adoptions.retire(stamp("asha"), v1, date(2026, 4, 1), "replaced"));
    ok(store.adoptions.propose(stamp("asha"), v2, date(2026, 4, 1), "the 2026 rules"));
    REQUIRE(refusal(path,
                    "INSERT INTO ruleset_adoption_decisions (adoption_id, kind, actor, at, reason) "
                    "VALUES (2, 'approve', 'ASHA', '2026-01-02T00:00:00Z', '');") == "accepted");
    unwritten =
        "ruleset_adoption_decisions 2 was not written by any audit event (1 rows, 0 written)";
    expected = {second +
                " was approved by ASHA, who proposed it as asha: another person must "
                "decide"};
  }
  SECTION("two rule sets in force on the same day") {
    REQUIRE(refusal(path, insert + "'upgrade', 'hsg-upgrade', '2026-01-01T00:00:00Z', 'x');") ==
            "accepted");
    expected = {first + " and " + second + " both put a rule set in force on 2026-04-01"};
  }
  const auto report = ok(db::AuditLog(store.database).verify());
  CHECK_FALSE(report.ok);
  CHECK(report.adoption_problems == expected);
  CHECK(report.problem == unwritten);
  CHECK(db::adoption_invariant_problems(ok(store.adoptions.all())) == expected);
}

TEST_CASE("the adoption rules hold for every way hsg itself adopts and retires") {
  Store store;
  const std::string v1 = store.add(kMedwayBytes, date(2024, 4, 1), "1.0");
  const std::string v2 = store.add("v2", date(2026, 4, 1), "2.0");
  ok(store.adoptions.bootstrap(stamp("asha"), v1));
  // Retired from its first day: never in force, so it shares no day with what follows.
  ok(store.adoptions.retire(stamp("asha"), v1, date(2024, 4, 1), "not yet"));
  ok(store.adoptions.propose(stamp("asha"), v1, date(2025, 4, 1), "now"));
  ok(store.adoptions.approve(stamp("manager"), v1, ""));
  ok(store.adoptions.retire(stamp("asha"), v1, date(2026, 4, 1), "replaced"));
  ok(store.adoptions.propose(stamp("asha"), v2, date(2026, 4, 1), "the 2026 rules"));
  ok(store.adoptions.reject(stamp("manager"), v2, "not yet"));
  ok(store.adoptions.propose(stamp("asha"), v2, date(2026, 4, 1), "the 2026 rules, again"));
  ok(store.adoptions.approve(stamp("manager"), v2, ""));
  const auto report = ok(db::AuditLog(store.database).verify());
  CHECK(report.ok);
  CHECK(report.adoption_problems.empty());
}

}  // namespace hsg::test
