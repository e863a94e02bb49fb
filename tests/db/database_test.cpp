// Opening a store: explicit settings, owner-only files, identity and schema checks.
#include <sys/stat.h>

#include <SQLiteCpp/Database.h>
#include <fmt/core.h>
#include <array>
#include <catch2/catch.hpp>
#include <fstream>

#include "db/allocations.h"
#include "db/audit_log.h"
#include "db/database.h"
#include "db/schema.h"
#include "db/sha256.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

// The version this hsg writes: one per shipped migration.
const auto kCurrentVersion = static_cast<std::int32_t>(db::shipped_migrations().size());

unsigned mode_of(const std::filesystem::path& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_mode & 0777U;
}

std::string one(const std::filesystem::path& path, const char* sql) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getString();
}

}  // namespace

TEST_CASE("a new database file is readable by its owner only, with its WAL files") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  {
    db::Database database = open_database(path);
    CHECK(database.schema_version() == kCurrentVersion);
    CHECK(mode_of(path) == 0600U);
    CHECK(mode_of(dir.file("hsg.db-wal")) == 0600U);
  }
  CHECK(one(path, "PRAGMA application_id") == "1213417265");  // 0x48534731, "HSG1"
  CHECK(one(path, "PRAGMA user_version") == std::to_string(kCurrentVersion));
  CHECK(one(path, "PRAGMA journal_mode") == "wal");
}

TEST_CASE("every table is STRICT") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  { open_database(path); }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement tables(raw,
                           "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name");
  std::vector<std::string> names;
  while (tables.executeStep()) {
    names.push_back(tables.getColumn(0).getString());
    CHECK(tables.getColumn(1).getInt() == 1);
  }
  CHECK(names == std::vector<std::string>{"allocations",
                                          "audit_events",
                                          "client_erasures",
                                          "client_personal",
                                          "clients",
                                          "decisions",
                                          "generations",
                                          "grant_ends",
                                          "grant_interventions",
                                          "grants",
                                          "imports",
                                          "instalment_cancellations",
                                          "instalments",
                                          "outcome_answers",
                                          "outcome_returns",
                                          "plan_objectives",
                                          "plan_uses",
                                          "plans",
                                          "posting_lines",
                                          "postings",
                                          "provider_accreditations",
                                          "provider_ends",
                                          "providers",
                                          "purchase_decisions",
                                          "purchases",
                                          "receipts",
                                          "recoveries",
                                          "ruleset_adoption_decisions",
                                          "ruleset_adoptions",
                                          "ruleset_retirements",
                                          "rulesets",
                                          "user_passwords",
                                          "user_role_changes",
                                          "user_status_changes",
                                          "users"});
}

TEST_CASE("another program's SQLite database is refused and left unchanged") {
  TempDir dir;
  const auto path = dir.file("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA application_id = 1234; CREATE TABLE t (x)");
  }
  auto opened = db::Database::open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message == path.string() +
                                      " is not an hsg database (application_id 0x000004d2, "
                                      "expected 0x48534731)");
  CHECK(one(path, "PRAGMA journal_mode") == "delete");
}

TEST_CASE("a database with tables but no application_id is refused") {
  TempDir dir;
  const auto path = dir.file("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE t (x)");
  }
  auto opened = db::Database::open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK_THAT(opened.error().message, Catch::Contains("is not an hsg database (application_id "
                                                     "0x00000000"));
}

TEST_CASE("a file that is not SQLite at all is refused with SQLite's reason") {
  TempDir dir;
  const auto path = dir.file("notes.txt");
  std::ofstream(path) << "these are not the tables you are looking for, not at all, no\n";
  auto opened = db::Database::open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message ==
        "cannot open " + path.string() + " as an hsg database: file is not a database");
}

TEST_CASE("a database from a newer hsg is refused") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  { open_database(path); }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(fmt::format("PRAGMA user_version = {}", kCurrentVersion + 2));
  }
  auto opened = db::Database::open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message == fmt::format("{} was created by a newer hsg (schema {}; this hsg "
                                              "knows up to {})",
                                              path.string(), kCurrentVersion + 2, kCurrentVersion));
}

TEST_CASE("an older database is migrated, keeping its rows") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  const auto shipped = db::shipped_migrations();
  {
    db::Database database = ok(db::Database::open(path, shipped.first(1)));
    add_client(database, "C-1");
  }
  const std::array<db::Migration, 2> newer{
      shipped[0], db::Migration{2, "CREATE TABLE grants (id INTEGER PRIMARY KEY) STRICT;"}};
  db::Database database = ok(db::Database::open(path, newer));
  CHECK(database.schema_version() == 2);
  CHECK(one(path, "PRAGMA user_version") == "2");
  CHECK(one(path, "SELECT count(*) FROM grants") == "0");
  CHECK(one(path, "SELECT ref FROM clients") == "C-1");
}

// A version-2 file is made by taking a new file back: its allocation gets the outputs
// text as version 2 stored it, and loses the hash column.
TEST_CASE("migration 3 keeps an allocation's outputs as their hash and the chain verifies") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  const std::string outputs = R"({"total":"2405.00"})";
  const auto up_to_3 = db::shipped_migrations().first(3);
  {
    db::Database database = ok(db::Database::open(path, up_to_3));
    add_client(database, "C-1");
    ok(db::AllocationRepository(database).record(stamp("alice"),
                                                 worked_example("C-1", add_medway(database))));
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "DROP TRIGGER allocations_no_update;"
        "ALTER TABLE allocations ADD COLUMN outputs TEXT NOT NULL DEFAULT '';"
        "UPDATE allocations SET outputs = '" +
        outputs +
        "';"
        "ALTER TABLE allocations DROP COLUMN outputs_sha256;"
        "PRAGMA user_version = 2;");
    // As a file written by version 2, or as one an auditor has tampered with by the
    // recipe of docs/auditor.md, which drops the trigger and leaves it dropped.
    SECTION("with its append-only trigger") {
      raw.exec(
          "CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations "
          "BEGIN SELECT RAISE(ABORT, 'no'); END;");
    }
    SECTION("without its append-only trigger") {}
  }
  db::Database database = open_database(path);  // migrations 3 and on
  CHECK(database.schema_version() == kCurrentVersion);
  CHECK(one(path, "SELECT outputs_sha256 FROM allocations") == db::sha256_hex(outputs));
  CHECK(one(path,
            "SELECT count(*) FROM pragma_table_info('allocations') "
            "WHERE name = 'outputs'") == "0");
  const db::VerifyReport report = ok(db::AuditLog(database).verify());
  CHECK(report.ok);
  CHECK(report.records_checked == 4);  // with migration 6's adoption of its rule set
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  CHECK_THROWS_WITH(raw.exec("UPDATE allocations SET total_pence = 1"),
                    "append-only: allocations rows are never updated");
}

TEST_CASE("a version-3 database gains the outcomes tables, keeping its rows") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  const auto shipped = db::shipped_migrations();
  {
    db::Database database = ok(db::Database::open(path, shipped.first(3)));
    add_client(database, "C-1");
  }
  CHECK(one(path, "PRAGMA user_version") == "3");
  db::Database database = ok(db::Database::open(path, shipped.first(4)));
  CHECK(database.schema_version() == 4);
  CHECK(one(path, "PRAGMA user_version") == "4");
  CHECK(one(path, "SELECT count(*) FROM outcome_returns") == "0");
  CHECK(one(path, "SELECT count(*) FROM outcome_answers") == "0");
  CHECK(one(path, "SELECT ref FROM clients") == "C-1");
}

TEST_CASE("a version-4 file (outcomes, no plans) is migrated to 5, keeping its rows") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  const auto shipped = db::shipped_migrations();
  {
    db::Database database = ok(db::Database::open(path, shipped.first(4)));
    add_client(database, "C-1");
  }
  CHECK(one(path, "PRAGMA user_version") == "4");
  CHECK(one(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'plans'") == "0");
  db::Database database = ok(db::Database::open(path, shipped.first(5)));
  CHECK(database.schema_version() == 5);
  CHECK(one(path, "PRAGMA user_version") == "5");
  CHECK(one(path, "SELECT count(*) FROM plans") == "0");
  CHECK(one(path, "SELECT count(*) FROM providers") == "0");
  CHECK(one(path, "SELECT ref FROM clients") == "C-1");
}

// The bulk-writes migration (imports and generations) is the latest: a version-5 file,
// with an allocation and its chain, opens as the current version and still verifies.
TEST_CASE("a version-5 file gains the imports and generations tables, keeping its rows") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  const auto shipped = db::shipped_migrations();
  REQUIRE(shipped.size() >= 6);
  {
    db::Database database = ok(db::Database::open(path, shipped.first(5)));
    add_client(database, "C-1");
    ok(db::AllocationRepository(database).record(stamp("alice"),
                                                 worked_example("C-1", add_medway(database))));
  }
  CHECK(one(path, "PRAGMA user_version") == "5");
  CHECK(one(path,
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('imports', "
            "'generations')") == "0");
  db::Database database = open_database(path);
  CHECK(database.schema_version() == kCurrentVersion);
  CHECK(one(path, "PRAGMA user_version") == std::to_string(kCurrentVersion));
  CHECK(one(path, "SELECT count(*) FROM imports") == "0");
  CHECK(one(path, "SELECT count(*) FROM generations") == "0");
  CHECK(one(path, "SELECT ref FROM clients") == "C-1");
  const db::VerifyReport report = ok(db::AuditLog(database).verify());
  CHECK(report.ok);
  // The rule set, the client, the allocation, and the adoption migration 6 made of the
  // rule set that was in force.
  CHECK(report.records_checked == 4);
}

TEST_CASE("a migration that fails leaves the file at its old version") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  const auto shipped = db::shipped_migrations();
  { ok(db::Database::open(path, shipped.first(1))); }
  const std::array<db::Migration, 3> broken{
      shipped[0], db::Migration{2, "CREATE TABLE grants (id INTEGER PRIMARY KEY) STRICT;"},
      db::Migration{3, "CREATE TABLE grants (again INTEGER) STRICT;"}};
  auto opened = db::Database::open(path, broken);
  REQUIRE_FALSE(opened.ok());
  CHECK_THAT(opened.error().message, Catch::Contains("table grants already exists"));
  CHECK(one(path, "PRAGMA user_version") == "1");
  CHECK(one(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'grants'") == "0");
}

TEST_CASE("a directory that does not exist is a clear error") {
  TempDir dir;
  const auto path = dir.file("missing") / "hsg.db";
  auto opened = db::Database::open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message == "cannot create " + path.string() + ": No such file or directory");
}

}  // namespace hsg::test
