// The schema check of hsg audit verify (db/schema_check.h): every trigger, table and
// index the shipped migrations create must be in the file exactly as they create it.
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "db/audit_log.h"
#include "db/schema.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

std::vector<std::string> schema_problems(const std::filesystem::path& path) {
  db::Database database = open_database(path);
  return ok(db::AuditLog(database).verify()).schema_problems;
}

// "NAME ON TABLE" of every CREATE TRIGGER in the migration texts, as a reader finds them.
std::set<std::string> triggers_in_migrations() {
  const std::regex create(R"(CREATE TRIGGER (\w+) BEFORE (?:UPDATE|DELETE) ON (\w+))");
  std::set<std::string> triggers;
  for (const db::Migration& migration : db::shipped_migrations()) {
    const std::string text(migration.sql);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), create);
         it != std::sregex_iterator(); ++it) {
      triggers.insert((*it)[1].str() + " on " + (*it)[2].str());
    }
  }
  return triggers;
}

}  // namespace

TEST_CASE("schema check: a new store and one upgraded from version 3 hold the shipped schema") {
  TempDir dir;
  const auto fresh = dir.file("fresh.db");
  open_database(fresh);
  CHECK(schema_problems(fresh).empty());
  const auto upgraded = dir.file("upgraded.db");
  ok(db::Database::open(upgraded, db::shipped_migrations().first(3)));
  CHECK(schema_problems(upgraded).empty());
}

TEST_CASE("schema check: each trigger any migration creates is required, each named alone") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  open_database(path);
  const std::set<std::string> triggers = triggers_in_migrations();
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  std::set<std::string> in_file;
  {
    SQLite::Statement select(raw,
                             "SELECT name || ' on ' || tbl_name FROM sqlite_schema "
                             "WHERE type = 'trigger'");
    while (select.executeStep()) in_file.insert(select.getColumn(0).getString());
  }
  CHECK(in_file == triggers);  // the reading above finds them all, and nothing else
  // 43 up to version 5, 6 of adoptions, 4 of bulk writes, 8 of users, 5 of spending
  CHECK(triggers.size() == 68);
  for (const std::string& trigger : triggers) {
    INFO(trigger);
    const std::string name = trigger.substr(0, trigger.find(' '));
    const std::string sql =
        raw.execAndGet("SELECT sql FROM sqlite_schema WHERE name = '" + name + "'").getString();
    raw.exec("DROP TRIGGER " + name);
    CHECK(schema_problems(path) == std::vector<std::string>{"trigger " + trigger + " is missing"});
    raw.exec(sql);
  }
  CHECK(schema_problems(path).empty());
}

TEST_CASE("schema check: an altered trigger, an extra one, an altered table, a dropped index") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  open_database(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "DROP TRIGGER decisions_no_update;"
        "CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT 1; END;"
        "CREATE TRIGGER quietly AFTER INSERT ON decisions BEGIN SELECT 1; END;"
        "ALTER TABLE clients ADD COLUMN note TEXT;"
        "DROP INDEX decisions_by_allocation;");
  }
  db::Database database = open_database(path);
  const db::VerifyReport report = ok(db::AuditLog(database).verify());
  CHECK_FALSE(report.ok);
  CHECK(report.problem.empty());  // the chain itself is intact
  CHECK(report.schema_problems ==
        std::vector<std::string>{
            "index decisions_by_allocation on decisions is missing",
            "table clients has been altered: it is not the SQL of hsg's schema",
            "trigger decisions_no_update on decisions has been altered: it is not the SQL of "
            "hsg's schema",
            "trigger quietly on decisions is not part of hsg's schema"});
}

}  // namespace hsg::test
