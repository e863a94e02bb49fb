#include "db/subject_access.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "db/client_records.h"
#include "db/guard.h"

namespace hsg::db {

namespace {

// The receipts the client's purchases name, as `what`.
std::string receipts_sql(std::string_view what) {
  return fmt::format(
      "SELECT {} FROM receipts WHERE sha256 IN (SELECT p.receipt_sha256 FROM purchases p JOIN "
      "grants g ON g.id = p.grant_id WHERE g.client_ref = @client) ORDER BY sha256",
      what);
}

HeldValue value_of(const SQLite::Column& column) {
  if (column.isNull()) return std::monostate{};
  if (column.isInteger()) return column.getInt64();
  return column.getString();
}

HeldTable read_table(Connection& connection, std::string name, const std::string& sql,
                     std::string_view ref) {
  SQLite::Statement select(connection.sqlite, sql);
  select.bind("@client", std::string(ref));
  HeldTable table{std::move(name), {}, {}};
  for (int i = 0; i < select.getColumnCount(); ++i) {
    table.columns.emplace_back(select.getColumnName(i));
  }
  while (select.executeStep()) {
    std::vector<HeldValue> row;
    for (int i = 0; i < select.getColumnCount(); ++i) row.push_back(value_of(select.getColumn(i)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

// The rows of `table` about the client, as `what`.
std::string rows_about_client_sql(const KeyedTable& table, std::string_view what) {
  return fmt::format(
      "{}SELECT {} FROM {} WHERE {} IN (SELECT id FROM records WHERE type = '{}') "
      "ORDER BY rowid",
      kClientRecordsWith, what, table.name, table.key_as_text, table.name);
}

std::int64_t count_of(Connection& connection, const std::string& sql, std::string_view ref) {
  SQLite::Statement select(connection.sqlite, sql);
  select.bind("@client", std::string(ref));
  select.executeStep();
  return select.getColumn(0).getInt64();
}

}  // namespace

DbResult<std::vector<HeldTable>> records_held_about(Database& database, std::string_view ref) {
  return guarded("cannot read the client's records", [&]() -> DbResult<std::vector<HeldTable>> {
    Connection& connection = database.connection();
    // One snapshot for every table, so a write in between cannot split the report.
    SQLite::Transaction snapshot(connection.sqlite);
    std::vector<HeldTable> tables;
    for (const KeyedTable& table : kClientTables) {
      tables.push_back(
          read_table(connection, std::string(table.name), rows_about_client_sql(table, "*"), ref));
    }
    if (tables.front().rows.empty()) return DbError{fmt::format("unknown client {}", ref)};
    tables.push_back(read_table(connection, "receipts",
                                receipts_sql("sha256, size_bytes, hex(bytes) AS bytes_hex"), ref));
    return tables;
  });
}

DbResult<std::vector<HeldCount>> counts_held_about(Database& database, std::string_view ref) {
  return guarded("cannot count the client's records", [&]() -> DbResult<std::vector<HeldCount>> {
    Connection& connection = database.connection();
    SQLite::Transaction snapshot(connection.sqlite);
    std::vector<HeldCount> counts;
    for (const KeyedTable& table : kClientTables) {
      counts.push_back({std::string(table.name),
                        count_of(connection, rows_about_client_sql(table, "count(*)"), ref)});
    }
    if (counts.front().rows == 0) return DbError{fmt::format("unknown client {}", ref)};
    counts.push_back({"receipts", count_of(connection, receipts_sql("count(*)"), ref)});
    return counts;
  });
}

}  // namespace hsg::db
