#include "db/write_transaction.h"

#include <fmt/format.h>

#include <SQLiteCpp/Exception.h>
#include <array>
#include <string>

#include "db/connection.h"

namespace hsg::db {

namespace {

// Savepoint statements for the nesting depths hsg uses, as static strings so the
// connection prepares each once: a bulk import opens one savepoint per row, and
// parsing "SAVEPOINT …" a million times was a measurable part of recording a row.
constexpr int kPreparedDepths = 8;
constexpr std::array<const char*, kPreparedDepths + 1> kSavepoint = {
    "BEGIN IMMEDIATE",       "BEGIN IMMEDIATE",       "SAVEPOINT hsg_write_2",
    "SAVEPOINT hsg_write_3", "SAVEPOINT hsg_write_4", "SAVEPOINT hsg_write_5",
    "SAVEPOINT hsg_write_6", "SAVEPOINT hsg_write_7", "SAVEPOINT hsg_write_8"};
constexpr std::array<const char*, kPreparedDepths + 1> kRelease = {"COMMIT",
                                                                   "COMMIT",
                                                                   "RELEASE hsg_write_2",
                                                                   "RELEASE hsg_write_3",
                                                                   "RELEASE hsg_write_4",
                                                                   "RELEASE hsg_write_5",
                                                                   "RELEASE hsg_write_6",
                                                                   "RELEASE hsg_write_7",
                                                                   "RELEASE hsg_write_8"};

std::string savepoint_name(int depth) { return fmt::format("hsg_write_{}", depth); }

std::string begin_sql(int depth) {
  return depth == 1 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT " + savepoint_name(depth);
}

std::string commit_sql(int depth) {
  return depth == 1 ? std::string("COMMIT") : "RELEASE " + savepoint_name(depth);
}

// Runs the prepared statement for `depth` from `table`, or parses `fallback(depth)` for
// a deeper nesting than any hsg command uses.
void run_at_depth(Connection& connection, const std::array<const char*, kPreparedDepths + 1>& table,
                  int depth, std::string (*fallback)(int)) {
  if (depth <= kPreparedDepths) {
    connection.statement(table[static_cast<std::size_t>(depth)])->exec();
  } else {
    connection.sqlite.exec(fallback(depth));
  }
}

}  // namespace

DbResult<WriteTransaction> WriteTransaction::begin(Database& database) {
  Connection& connection = database.connection();
  const int depth = connection.transaction_depth + 1;
  const bool in_unit = connection.unit_depth != 0;
  if (!in_unit) {
    try {
      run_at_depth(connection, kSavepoint, depth, begin_sql);
    } catch (const SQLite::Exception& error) {
      return DbError{
          fmt::format("cannot start a write to {}: {}", connection.path.string(), error.what())};
    }
  }
  connection.transaction_depth = depth;
  return WriteTransaction(connection, depth, in_unit);
}

DbResult<WriteTransaction> WriteTransaction::begin_unit(Database& database) {
  Connection& connection = database.connection();
  if (connection.unit_depth != 0) return begin(database);  // part of the open unit
  auto transaction = begin(database);
  if (transaction.ok()) {
    connection.unit_depth = connection.transaction_depth;
    connection.unit_failed = false;
  }
  return transaction;
}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : connection_(other.connection_), depth_(other.depth_), in_unit_(other.in_unit_) {
  other.connection_ = nullptr;
}

WriteTransaction::~WriteTransaction() { rollback(); }

DbResult<Done> WriteTransaction::commit() {
  if (connection_ == nullptr) return DbError{"commit of a transaction that is not open"};
  if (connection_->transaction_depth != depth_) {
    return DbError{"commit of an outer transaction while an inner one is open"};
  }
  if (in_unit_) {
    connection_->transaction_depth = depth_ - 1;
    connection_ = nullptr;
    return Done{};
  }
  const bool unit = connection_->unit_depth == depth_;
  if (unit && connection_->unit_failed) {
    return DbError{"a write inside it failed, so nothing of it is committed"};
  }
  try {
    run_at_depth(*connection_, kRelease, depth_, commit_sql);
  } catch (const SQLite::Exception& error) {
    return DbError{
        fmt::format("cannot commit to {}: {}", connection_->path.string(), error.what())};
  }
  if (unit) connection_->unit_depth = 0;
  connection_->transaction_depth = depth_ - 1;
  if (depth_ == 1) connection_->audit_head.reset();
  connection_ = nullptr;
  return Done{};
}

void WriteTransaction::rollback() noexcept {
  if (connection_ == nullptr) return;
  connection_->transaction_depth = depth_ - 1;
  if (in_unit_) {
    // What it wrote stays until the unit rolls back, which it now must.
    connection_->unit_failed = true;
    connection_ = nullptr;
    return;
  }
  if (connection_->unit_depth == depth_) connection_->unit_depth = 0;
  // Whatever the chain head was, it may have been rolled back with the rows.
  connection_->audit_head.reset();
  try {
    if (depth_ == 1) {
      connection_->sqlite.exec("ROLLBACK");
    } else {
      const std::string name = savepoint_name(depth_);
      connection_->sqlite.exec("ROLLBACK TO " + name + "; RELEASE " + name);
    }
  } catch (const SQLite::Exception&) {  // NOLINT(bugprone-empty-catch)
    // SQLite has already rolled back (e.g. after an I/O error); nothing is left to undo.
  }
  connection_ = nullptr;
}

}  // namespace hsg::db
