// What the db tests share: a temporary directory that cleans up after itself, a stamp,
// and the medway rule set and worked example of domain.md ready to store.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "db/allocations.h"
#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"

namespace Catch {
template <>
struct StringMaker<hsg::db::DbError> {
  static std::string convert(const hsg::db::DbError& error) { return error.message; }
};
}  // namespace Catch

namespace hsg::test {

class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

db::Stamp stamp(const std::string& actor, const std::string& at = "2025-01-31T14:05:09Z");

// Opens (creating) `path`, failing the test with the message if it cannot.
db::Database open_database(const std::filesystem::path& path);

// Unwraps a DbResult, failing the test with its message if it is an error.
template <typename T>
T ok(db::DbResult<T> result) {
  INFO((result.ok() ? std::string() : result.error().message));
  REQUIRE(result.ok());
  return std::move(result).value();
}

// Stand-in for the bytes of rules/medway.toml (db/ stores bytes; it never parses them).
inline constexpr std::string_view kMedwayBytes = "name = \"medway\"\nversion = \"1.0\"\n";
// sha256 of kMedwayBytes, as `printf 'name = "medway"\nversion = "1.0"\n' | sha256sum`.
inline constexpr std::string_view kMedwayId =
    "1687fb38850729baca18796a9d5cf9652e6f72d85dabae86002760d77b8f30f1";

// Adds the medway rule set as kMedwayBytes; returns its id.
std::string add_medway(db::Database& database);

// Adds client `ref` (group "refugees").
void add_client(db::Database& database, const std::string& ref);

// The worked example of domain.md (indicative £2,405.00), for `client_ref`, ready to record.
db::NewAllocation worked_example(const std::string& client_ref, const std::string& ruleset_id);

// Runs `sql` on the file directly with SQLite, bypassing hsg: "accepted", or SQLite's
// error (what a trigger or constraint said).
std::string refusal(const std::filesystem::path& path, const std::string& sql);

// Runs `sql` as someone editing the file would who knows that verification checks the
// schema too: every trigger dropped, the SQL run, the triggers put back.
void tamper(const std::filesystem::path& path, const std::string& sql);

}  // namespace hsg::test
