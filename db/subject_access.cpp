#include "db/subject_access.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "db/client_records.h"
#include "db/guard.h"

namespace hsg::db {

namespace {

constexpr char kReceipts[] =
    "SELECT sha256, size_bytes, hex(bytes) AS bytes_hex FROM receipts WHERE sha256 IN (SELECT "
    "p.receipt_sha256 FROM purchases p JOIN grants g ON g.id = p.grant_id WHERE g.client_ref = "
    "@client) ORDER BY sha256";

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

std::string rows_about_client_sql(const ClientTable& table) {
  return fmt::format(
      "{}SELECT * FROM {} WHERE {} IN (SELECT id FROM records WHERE type = '{}') "
      "ORDER BY rowid",
      kClientRecordsWith, table.name, table.key_as_text, table.name);
}

}  // namespace

DbResult<std::vector<HeldTable>> records_held_about(Database& database, std::string_view ref) {
  return guarded("cannot read the client's records", [&]() -> DbResult<std::vector<HeldTable>> {
    Connection& connection = database.connection();
    // One snapshot for every table, so a write in between cannot split the report.
    SQLite::Transaction snapshot(connection.sqlite);
    std::vector<HeldTable> tables;
    for (const ClientTable& table : kClientTables) {
      tables.push_back(
          read_table(connection, std::string(table.name), rows_about_client_sql(table), ref));
    }
    if (tables.front().rows.empty()) return DbError{fmt::format("unknown client {}", ref)};
    tables.push_back(read_table(connection, "receipts", kReceipts, ref));
    return tables;
  });
}

}  // namespace hsg::db
