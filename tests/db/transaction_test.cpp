// Every write is one transaction: an error leaves nothing half-written.
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "db/allocations.h"
#include "db/audit_log.h"
#include "db/clients.h"
#include "db/write_transaction.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

std::int64_t count(const std::filesystem::path& path, const std::string& table) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// A store holding medway and client C-1, recording the worked example for any client.
struct OneClient {
  OneClient() { add_client(database, "C-1"); }
  db::DbResult<std::int64_t> record(const std::string& client_ref) {
    return allocations.record(stamp("importer"), worked_example(client_ref, ruleset_id));
  }

  TempDir dir;
  std::filesystem::path path = dir.file("hsg.db");
  db::Database database = open_database(path);
  std::string ruleset_id = add_medway(database);
  db::AllocationRepository allocations{database};
};

}  // namespace

TEST_CASE("a write whose audit event fails leaves neither the row nor the event") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  {
    db::Database database = open_database(path);
    add_client(database, "C-1");
  }
  {
    // Make the second insert of the write (its audit event) fail.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "CREATE TRIGGER refuse_events BEFORE INSERT ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
  }
  db::Database database = open_database(path);
  auto refused = db::ClientRepository(database).add(
      stamp("alice"), {"C-2", "refugees", false, std::string("Name")});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message == "cannot add client C-2: disk on fire");
  CHECK(count(path, "clients") == 1);
  CHECK(count(path, "client_personal") == 0);
  CHECK(count(path, "audit_events") == 1);
}

TEST_CASE("writes inside an outer transaction are all-or-nothing together") {
  OneClient store;
  {
    auto batch = ok(db::WriteTransaction::begin(store.database));
    CHECK(ok(store.record("C-1")) == 1);
    // A refused row inside the batch rolls back only its own savepoint.
    CHECK_FALSE(store.record("C-9").ok());
    CHECK(ok(store.record("C-1")) == 2);
    // Not committed: destroyed here, so rolled back.
  }
  CHECK(ok(store.allocations.for_client("C-1")).empty());
  CHECK(count(store.path, "audit_events") == 2);
  {
    auto batch = ok(db::WriteTransaction::begin(store.database));
    ok(store.record("C-1"));
    ok(store.record("C-1"));
    ok(batch.commit());
  }
  CHECK(ok(store.allocations.for_client("C-1")).size() == 2);
  CHECK(count(store.path, "audit_events") == 4);
  CHECK(ok(db::AuditLog(store.database).verify()).ok);
}

TEST_CASE("an all-or-nothing unit commits its writes together, and one failed write spoils it") {
  OneClient store;
  {
    auto unit = ok(db::WriteTransaction::begin_unit(store.database));
    CHECK(ok(store.record("C-1")) == 1);
    CHECK(ok(store.record("C-1")) == 2);
    ok(unit.commit());
  }
  CHECK(count(store.path, "allocations") == 2);
  CHECK(count(store.path, "audit_events") == 4);
  {
    auto unit = ok(db::WriteTransaction::begin_unit(store.database));
    CHECK(ok(store.record("C-1")) == 3);
    CHECK_FALSE(store.record("C-9").ok());
    const auto committed = unit.commit();
    REQUIRE_FALSE(committed.ok());
    CHECK(committed.error().message == "a write inside it failed, so nothing of it is committed");
  }
  CHECK(count(store.path, "allocations") == 2);
  CHECK(count(store.path, "audit_events") == 4);
  // The spoiled unit is over: a plain outer transaction again undoes a failed row alone.
  {
    auto batch = ok(db::WriteTransaction::begin(store.database));
    CHECK_FALSE(store.record("C-9").ok());
    CHECK(ok(store.record("C-1")) == 3);
    ok(batch.commit());
  }
  CHECK(count(store.path, "allocations") == 3);
  CHECK(count(store.path, "audit_events") == 5);
  CHECK(ok(db::AuditLog(store.database).verify()).ok);
}

TEST_CASE("a second process waiting for the write lock gets a clear error after the timeout") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  db::Database first = open_database(path);
  db::Database second = open_database(path);
  auto holding = ok(db::WriteTransaction::begin(first));
  auto blocked = db::WriteTransaction::begin(second);
  REQUIRE_FALSE(blocked.ok());
  CHECK(blocked.error().message ==
        "cannot start a write to " + path.string() + ": database is locked");
}

}  // namespace hsg::test
