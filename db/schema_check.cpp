#include "db/schema_check.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <string_view>
#include <utility>

#include "db/schema.h"

namespace hsg::db {

namespace {

constexpr char kSelectObjects[] =
    "SELECT type, name, tbl_name, ifnull(sql, '') FROM sqlite_schema "
    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";

struct SchemaObject {
  std::string type;
  std::string table;
  std::string sql;
  bool operator==(const SchemaObject&) const = default;
};

// Keyed by "type name", so a trigger and a table of the same name stay apart.
using Schema = std::map<std::pair<std::string, std::string>, SchemaObject>;

Schema read_schema(SQLite::Database& sqlite) {
  Schema schema;
  SQLite::Statement select(sqlite, kSelectObjects);
  while (select.executeStep()) {
    schema[{select.getColumn(0).getString(), select.getColumn(1).getString()}] = {
        select.getColumn(0).getString(), select.getColumn(2).getString(),
        select.getColumn(3).getString()};
  }
  return schema;
}

// Migration 3 calls hsg_sha256 on existing rows; an empty database has none, but SQLite
// needs the function to exist to prepare the statement.
void no_rows_to_hash(sqlite3_context* context, int, sqlite3_value**) {
  sqlite3_result_null(context);
}

Schema build_shipped_schema() {
  SQLite::Database sqlite(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  sqlite.createFunction("hsg_sha256", 1, true, nullptr, no_rows_to_hash);
  for (const Migration& migration : shipped_migrations()) {
    sqlite.exec(std::string(migration.sql));
  }
  return read_schema(sqlite);
}

// Built once per process: the migrations are compiled in and never change.
const Schema& shipped_schema() {
  static const Schema schema = build_shipped_schema();
  return schema;
}

std::string object_name(const std::pair<std::string, std::string>& key,
                        const SchemaObject& object) {
  if (object.type == "table" || object.table == key.second) {
    return fmt::format("{} {}", key.first, key.second);
  }
  return fmt::format("{} {} on {}", key.first, key.second, object.table);
}

}  // namespace

std::vector<std::string> schema_problems(Connection& connection) {
  const Schema& shipped = shipped_schema();
  const Schema found = read_schema(connection.sqlite);
  std::vector<std::string> problems;
  for (const auto& [key, object] : shipped) {
    const auto in_file = found.find(key);
    if (in_file == found.end()) {
      problems.push_back(fmt::format("{} is missing", object_name(key, object)));
    } else if (in_file->second != object) {
      problems.push_back(fmt::format("{} has been altered: it is not the SQL of hsg's schema",
                                     object_name(key, object)));
    }
  }
  for (const auto& [key, object] : found) {
    if (!shipped.contains(key)) {
      problems.push_back(fmt::format("{} is not part of hsg's schema", object_name(key, object)));
    }
  }
  return problems;
}

}  // namespace hsg::db
