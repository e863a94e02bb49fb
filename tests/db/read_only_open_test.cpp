// Opening a store to read: never created, never migrated, never written.
#include <SQLiteCpp/Database.h>
#include <fmt/core.h>
#include <catch2/catch.hpp>
#include <fstream>

#include "db/clients.h"
#include "db/database.h"
#include "db/schema.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

const auto kCurrentVersion = static_cast<std::int32_t>(db::shipped_migrations().size());

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a reader sees what was written and cannot write") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  {
    db::Database database = ok(db::Database::open(path));
    add_client(database, "C-1");
  }
  const std::string before = file_bytes(path);
  db::Database reader = ok(db::Database::open_read_only(path));
  CHECK(reader.schema_version() == kCurrentVersion);
  const auto client = ok(db::ClientRepository(reader).get("C-1"));
  CHECK(client.ref == "C-1");
  const auto write = db::ClientRepository(reader).add({"asha", "2025-01-01T00:00:00Z"},
                                                      {"C-2", "older_people", false, "Someone"});
  REQUIRE_FALSE(write.ok());
  CHECK(write.error().message.find("readonly") != std::string::npos);
  CHECK(file_bytes(path) == before);
}

TEST_CASE("a reader never creates a file") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  auto opened = db::Database::open_read_only(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message ==
        fmt::format("cannot open {} as an hsg database: unable to open database file",
                    path.string()));
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a reader refuses an empty file rather than make it a database") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  { std::ofstream create(path); }
  auto opened = db::Database::open_read_only(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message ==
        fmt::format("{} is not an hsg database yet; create one with 'hsg init'", path.string()));
  CHECK(std::filesystem::file_size(path) == 0);
}

TEST_CASE("a reader refuses an older schema and leaves the file at it") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  { ok(db::Database::open(path, db::shipped_migrations().first(1))); }
  auto opened = db::Database::open_read_only(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message ==
        fmt::format("{} is at schema 1 and this hsg reads schema {}; upgrade it with 'hsg init "
                    "--db {}' (a command that only reads never changes the file)",
                    path.string(), kCurrentVersion, path.string()));
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 1);
}

TEST_CASE("a reader refuses another program's database") {
  TempDir dir;
  const auto path = dir.file("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE t (x INTEGER)");
  }
  auto opened = db::Database::open_read_only(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message ==
        fmt::format("{} is not an hsg database (application_id 0x00000000, expected 0x{:08x})",
                    path.string(), static_cast<std::uint32_t>(db::kApplicationId)));
}

}  // namespace hsg::test
