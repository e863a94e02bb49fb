// History is append-only: the triggers refuse UPDATE and DELETE even from raw SQL.
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "db/allocations.h"
#include "db/clients.h"
#include "db/decisions.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

TEST_CASE("every history table refuses UPDATE and DELETE") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  {
    db::Database database = open_database(path);
    const std::string ruleset_id = add_medway(database);
    ok(db::ClientRepository(database).add(stamp("alice"), {"C-1", "refugees", false, "Sam"}));
    ok(db::AllocationRepository(database).record(stamp("alice"),
                                                 worked_example("C-1", ruleset_id)));
    ok(db::DecisionRepository(database).agree(stamp("alice"), 1, engine::Money::from_pence(1),
                                              "why"));
  }
  for (const std::string table :
       {"audit_events", "rulesets", "clients", "allocations", "decisions"}) {
    INFO(table);
    CHECK(refusal(path, "UPDATE " + table + " SET rowid = rowid") ==
          "append-only: " + table + " rows are never updated");
    CHECK(refusal(path, "DELETE FROM " + table) ==
          "append-only: " + table + " rows are never deleted");
  }
  CHECK(refusal(path, "UPDATE client_personal SET name = 'x'") ==
        "append-only: client_personal rows are erased, never updated");
  CHECK(refusal(path, "DELETE FROM client_personal") == "accepted");
}

}  // namespace hsg::test
