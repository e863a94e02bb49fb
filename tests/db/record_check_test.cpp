// Checking the rows a command acts on against their audit events (db/record_check.h).
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "db/audit_log.h"
#include "db/clients.h"
#include "db/decisions.h"
#include "db/record_check.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

// A rule set (event 1), client C-1 (2), allocation 1 (3), an agreement beyond tolerance
// (decision 1, event 4) and its approval (decision 2, event 5).
void fill(const std::filesystem::path& path) {
  db::Database database = open_database(path);
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  ok(db::AllocationRepository(database).record(stamp("alice"), worked_example("C-1", ruleset_id)));
  db::DecisionRepository decisions(database);
  ok(decisions.agree(stamp("alice"), 1, engine::Money::from_pence(300000), "night cover"));
  ok(decisions.approve(stamp("manager"), 1, ""));
}

std::string refusal(const std::filesystem::path& path, std::int64_t allocation_id) {
  db::Database database = open_database(path);
  const auto checked = db::check_allocation(database, allocation_id);
  REQUIRE_FALSE(checked.ok());
  return checked.error().message;
}

}  // namespace

TEST_CASE("record check: an untouched allocation passes, and one that does not exist") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  db::Database database = open_database(path);
  CHECK(db::check_allocation(database, 1).ok());
  CHECK(db::check_allocation(database, 99).ok());
  CHECK(db::check_due_instalments(database, *engine::Date::from_ymd(2026, 1, 1)).ok());
  CHECK(db::check_schema(database).ok());
}

TEST_CASE("record check: a row that differs from its event is named with the event") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  SECTION("the agreed amount") {
    tamper(path, "UPDATE decisions SET agreed_pence = 260000 WHERE id = 1");
    CHECK(refusal(path, 1) ==
          "refusing to act on allocation 1: decisions 1 no longer matches audit event 4 that "
          "wrote it; run 'hsg audit verify'");
  }
  SECTION("the allocation") {
    tamper(path, "UPDATE allocations SET total_pence = 250000 WHERE id = 1");
    CHECK(refusal(path, 1) ==
          "refusing to act on allocation 1: allocations 1 no longer matches audit event 3 that "
          "wrote it; run 'hsg audit verify'");
  }
  SECTION("the rule set's bytes") {
    tamper(path, "UPDATE rulesets SET bytes = CAST('x' AS BLOB)");
    CHECK(refusal(path, 1) == "refusing to act on allocation 1: rulesets " +
                                  std::string(kMedwayId) +
                                  " no longer matches audit event 1 that wrote it; run 'hsg "
                                  "audit verify'");
  }
  SECTION("a decision no event wrote") {
    tamper(path,
           "INSERT INTO decisions VALUES (3, 1, 'agree', 'alice', '2025-01-31T14:05:09Z', 'x', "
           "1, 0, NULL)");
    CHECK(refusal(path, 1) ==
          "refusing to act on allocation 1: decisions 3 was not written by any audit event; run "
          "'hsg audit verify'");
  }
  SECTION("the event's payload, without its hash") {
    tamper(path,
           "UPDATE audit_events SET payload = replace(payload, '300000', '260000') WHERE seq = 4;"
           "UPDATE decisions SET agreed_pence = 260000 WHERE id = 1");
    CHECK(refusal(path, 1) ==
          "refusing to act on allocation 1: audit event 4 (which wrote decisions 1): hash does "
          "not match its contents; run 'hsg audit verify'");
  }
}

TEST_CASE("record check: with a trigger missing, nothing is acted on") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  fill(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER decisions_no_update; DROP TRIGGER audit_events_no_update");
  }
  CHECK(refusal(path, 1) ==
        "refusing to act on allocation 1: the schema is not intact: trigger "
        "audit_events_no_update on audit_events is missing; trigger decisions_no_update on "
        "decisions is missing; run 'hsg audit verify'");
  db::Database database = open_database(path);
  const auto whole = db::check_schema(database);
  REQUIRE_FALSE(whole.ok());
  CHECK(whole.error().message ==
        "refusing to act on the store: the schema is not intact: trigger "
        "audit_events_no_update on audit_events is missing; trigger decisions_no_update on "
        "decisions is missing; run 'hsg audit verify'");
}

}  // namespace hsg::test
