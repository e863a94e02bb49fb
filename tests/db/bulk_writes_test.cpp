// Bulk writes cannot duplicate: the store itself refuses a second import of the same rows
// unless it names the earlier one, and a generation over clients it did not add unless
// forced; both are history, checked by audit verification.
#include <fmt/core.h>

#include <catch2/catch.hpp>
#include <string>

#include "db/allocations.h"
#include "db/audit_log.h"
#include "db/generations.h"
#include "db/imports.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

const std::string kRows(64, 'a');
const std::string kFile(64, 'f');

// Records `count` worked-example allocations for C-1; the first one's id.
std::int64_t record_allocations(db::Database& database, const std::string& ruleset_id, int count) {
  std::int64_t first = 0;
  for (int i = 0; i < count; ++i) {
    const std::int64_t id = ok(db::AllocationRepository(database).record(
        stamp("alice"), worked_example("C-1", ruleset_id)));
    if (i == 0) first = id;
  }
  return first;
}

db::NewImport import_of(std::int64_t first, std::int64_t rows) {
  return {"good.csv", kFile, kRows, rows, first, first + rows - 1, std::nullopt};
}

}  // namespace

TEST_CASE("the same rows cannot be imported twice unless the second names the first") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  const std::string ruleset_id = add_medway(database);
  add_client(database, "C-1");
  db::ImportRepository imports(database);
  const std::int64_t first = record_allocations(database, ruleset_id, 2);
  const db::Import recorded = ok(imports.record(stamp("alice"), import_of(first, 2)));
  CHECK(recorded.id == 1);
  CHECK(recorded.actor == "alice");
  CHECK(recorded.at == "2025-01-31T14:05:09Z");
  const std::int64_t again = record_allocations(database, ruleset_id, 2);
  const std::string before = ok(db::AuditLog(database).checkpoint());
  db::NewImport repeat = import_of(again, 2);
  auto refused = imports.record(stamp("ben"), repeat);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message ==
        "cannot record the import of good.csv: these rows were imported already, as import 1");
  repeat.again_of = 2;
  CHECK(imports.record(stamp("ben"), repeat).error().message ==
        "cannot record the import of good.csv: these rows were imported already, as import 1");
  repeat.rows_sha256 = std::string(64, 'b');
  repeat.again_of = 1;
  CHECK(imports.record(stamp("ben"), repeat).error().message ==
        "cannot record the import of good.csv: these rows were never imported, so not again");
  repeat.rows_sha256 = kRows;
  repeat.last_allocation_id = again;
  CHECK(imports.record(stamp("ben"), repeat).error().message ==
        fmt::format("cannot record the import of good.csv: 2 rows cannot have recorded "
                    "allocations {} to {}",
                    again, again));
  CHECK(ok(db::AuditLog(database).checkpoint()) == before);

  repeat.last_allocation_id = again + 1;
  const db::Import deliberate = ok(imports.record(stamp("ben"), repeat));
  CHECK(deliberate.id == 2);
  CHECK(deliberate.recorded.again_of == std::optional<std::int64_t>(1));
  const auto latest = ok(imports.latest_of_rows(kRows));
  REQUIRE(latest);
  CHECK(latest->id == 2);
  CHECK(latest->recorded.first_allocation_id == again);
  CHECK_FALSE(ok(imports.latest_of_rows(std::string(64, 'c'))));
  const db::VerifyReport report = ok(db::AuditLog(database).verify());
  CHECK(report.problem.empty());
  CHECK(report.ok);
}

TEST_CASE("an import or a generation changed behind hsg's back is named by verify") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  {
    db::Database database = open_database(path);
    const std::string ruleset_id = add_medway(database);
    add_client(database, "G000001");
    ok(db::GenerationRepository(database).record(
        stamp("alice"), {7, *engine::Date::parse("2025-04-01"), 1, "G000001", "G000001", false}));
    add_client(database, "C-1");
    ok(db::ImportRepository(database).record(
        stamp("alice"), import_of(record_allocations(database, ruleset_id, 1), 1)));
    CHECK(ok(db::AuditLog(database).verify()).ok);
  }
  CHECK(refusal(path, "UPDATE imports SET row_count = 1") ==
        "append-only: imports rows are never updated");
  CHECK(refusal(path, "DELETE FROM imports") == "append-only: imports rows are never deleted");
  CHECK(refusal(path, "UPDATE generations SET forced = 1") ==
        "append-only: generations rows are never updated");
  CHECK(refusal(path, "DELETE FROM generations") ==
        "append-only: generations rows are never deleted");
  SECTION("an import") {
    CHECK(refusal(path,
                  "DROP TRIGGER imports_no_update; UPDATE imports SET file_name = 'other.csv'") ==
          "accepted");
    db::Database database = open_database(path);
    CHECK(ok(db::AuditLog(database).verify()).problem ==
          "imports 1 no longer matches audit event 6 that wrote it");
  }
  SECTION("a generation") {
    CHECK(refusal(path, "DROP TRIGGER generations_no_update; UPDATE generations SET forced = 1") ==
          "accepted");
    db::Database database = open_database(path);
    CHECK(ok(db::AuditLog(database).verify()).problem ==
          "generations 1 no longer matches audit event 3 that wrote it");
  }
}

TEST_CASE("a generation over clients it did not add is refused unless forced") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::GenerationRepository generations(database);
  CHECK(ok(generations.clients_not_generated()) == 0);
  add_client(database, "C-1");
  CHECK(ok(generations.clients_not_generated()) == 1);
  add_client(database, "G000001");
  add_client(database, "G000002");
  db::NewGeneration generation{
      18446744073709551615U, *engine::Date::parse("2025-04-01"), 2, "G000001", "G000002", false};
  const std::string before = ok(db::AuditLog(database).checkpoint());
  CHECK(generations.record(stamp("alice"), generation).error().message ==
        "cannot record the generated caseload: the database holds 1 clients hsg generate did "
        "not add");
  CHECK(ok(db::AuditLog(database).checkpoint()) == before);
  generation.forced = true;
  CHECK(ok(generations.record(stamp("alice"), generation)) == 1);
  CHECK(ok(generations.clients_not_generated()) == 1);
  CHECK(ok(db::AuditLog(database).events()).back().payload ==
        R"({"client_count":2,"first_client_ref":"G000001","forced":1,"from_on":"2025-04-01",)"
        R"("id":1,"last_client_ref":"G000002","seed":"18446744073709551615"})");
  CHECK(ok(db::AuditLog(database).verify()).ok);
}

}  // namespace hsg::test
