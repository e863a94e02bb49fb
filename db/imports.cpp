#include "db/imports.h"

#include <fmt/format.h>

#include <algorithm>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxFileNameBytes = 1000;

#define HSG_IMPORT_COLUMNS                                                    \
  "id, file_name, file_sha256, rows_sha256, row_count, first_allocation_id, " \
  "last_allocation_id, again_of, actor, at"

constexpr char kInsert[] = "INSERT INTO imports (" HSG_IMPORT_COLUMNS
                           ") VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr char kSelectOne[] = "SELECT " HSG_IMPORT_COLUMNS " FROM imports WHERE id = ?1";
constexpr char kSelectLatestOfRows[] = "SELECT " HSG_IMPORT_COLUMNS
                                       " FROM imports WHERE rows_sha256 = ?1 ORDER BY id DESC "
                                       "LIMIT 1";

#undef HSG_IMPORT_COLUMNS

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Import read_row(SQLite::Statement& row) {
  Import import;
  import.id = row.getColumn(0).getInt64();
  import.recorded = {row.getColumn(1).getString(),
                     row.getColumn(2).getString(),
                     row.getColumn(3).getString(),
                     row.getColumn(4).getInt64(),
                     row.getColumn(5).getInt64(),
                     row.getColumn(6).getInt64(),
                     std::nullopt};
  if (!row.getColumn(7).isNull()) import.recorded.again_of = row.getColumn(7).getInt64();
  import.actor = row.getColumn(8).getString();
  import.at = row.getColumn(9).getString();
  return import;
}

std::optional<Import> latest(Connection& connection, std::string_view rows_sha256) {
  auto select = connection.statement(kSelectLatestOfRows);
  select->bind(1, std::string(rows_sha256));
  if (!select->executeStep()) return std::nullopt;
  return read_row(*select);
}

std::string payload_of(const Import& import) {
  const NewImport& recorded = import.recorded;
  return CanonicalObject()
      .add("id", import.id)
      .add("file_name", recorded.file_name)
      .add("file_sha256", recorded.file_sha256)
      .add("rows_sha256", recorded.rows_sha256)
      .add("row_count", recorded.row_count)
      .add("first_allocation_id", recorded.first_allocation_id)
      .add("last_allocation_id", recorded.last_allocation_id)
      .add("again_of", recorded.again_of)
      .add("actor", import.actor)
      .add("at", import.at)
      .str();
}

std::optional<std::string> new_import_problem(const NewImport& import) {
  if (auto problem = one_line_problem("file name", import.file_name, kMaxFileNameBytes)) {
    return problem;
  }
  if (!is_sha256_hex(import.file_sha256) || !is_sha256_hex(import.rows_sha256)) {
    return "its file and rows hashes must each be a SHA-256 (64 lowercase hex digits)";
  }
  if (import.row_count < 1 ||
      import.last_allocation_id - import.first_allocation_id + 1 != import.row_count) {
    return fmt::format("{} rows cannot have recorded allocations {} to {}", import.row_count,
                       import.first_allocation_id, import.last_allocation_id);
  }
  return std::nullopt;
}

// Why these rows may not be imported now, given the latest earlier import of them.
std::optional<std::string> repeat_problem(const NewImport& import,
                                          const std::optional<Import>& earlier) {
  if (!earlier && import.again_of) return "these rows were never imported, so not again";
  if (earlier && import.again_of != earlier->id) {
    return fmt::format("these rows were imported already, as import {}", earlier->id);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> stored_import_payload(Connection& connection, std::string_view id) {
  const auto import_id = parse_entity_number(id);
  if (!import_id) return std::nullopt;
  auto select = connection.statement(kSelectOne);
  select->bind(1, *import_id);
  if (!select->executeStep()) return std::nullopt;
  return payload_of(read_row(*select));
}

DbResult<std::optional<Import>> ImportRepository::latest_of_rows(std::string_view rows_sha256) {
  return guarded("cannot read the imports", [&]() -> DbResult<std::optional<Import>> {
    return latest(database_.connection(), rows_sha256);
  });
}

DbResult<Import> ImportRepository::record(const Stamp& stamp, const NewImport& given) {
  const std::string doing = fmt::format("cannot record the import of {}", given.file_name);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = new_import_problem(given)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Import> {
    if (auto problem = repeat_problem(given, latest(connection, given.rows_sha256))) {
      return DbError{doing + ": " + *problem};
    }
    auto insert = connection.statement(kInsert);
    insert->bind(1, given.file_name);
    insert->bind(2, given.file_sha256);
    insert->bind(3, given.rows_sha256);
    insert->bind(4, given.row_count);
    insert->bind(5, given.first_allocation_id);
    insert->bind(6, given.last_allocation_id);
    if (given.again_of) insert->bind(7, *given.again_of);
    insert->bind(8, stamp.actor);
    insert->bind(9, stamp.at);
    insert->exec();
    const Import import{connection.sqlite.getLastInsertRowid(), given, stamp.actor, stamp.at};
    append_audit_event(connection, stamp, "import.record", "imports", std::to_string(import.id),
                       payload_of(import));
    return import;
  });
}

}  // namespace hsg::db
