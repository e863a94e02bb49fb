#include "db/write_transaction.h"

#include <fmt/format.h>

#include <SQLiteCpp/Exception.h>
#include <string>

#include "db/connection.h"

namespace hsg::db {

namespace {

std::string savepoint_name(int depth) { return fmt::format("hsg_write_{}", depth); }

}  // namespace

DbResult<WriteTransaction> WriteTransaction::begin(Database& database) {
  Connection& connection = database.connection();
  const int depth = connection.transaction_depth + 1;
  try {
    connection.sqlite.exec(depth == 1 ? std::string("BEGIN IMMEDIATE")
                                      : "SAVEPOINT " + savepoint_name(depth));
  } catch (const SQLite::Exception& error) {
    return DbError{
        fmt::format("cannot start a write to {}: {}", connection.path.string(), error.what())};
  }
  connection.transaction_depth = depth;
  return WriteTransaction(connection, depth);
}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : connection_(other.connection_), depth_(other.depth_) {
  other.connection_ = nullptr;
}

WriteTransaction::~WriteTransaction() { rollback(); }

DbResult<Done> WriteTransaction::commit() {
  if (connection_ == nullptr) return DbError{"commit of a transaction that is not open"};
  if (connection_->transaction_depth != depth_) {
    return DbError{"commit of an outer transaction while an inner one is open"};
  }
  try {
    connection_->sqlite.exec(depth_ == 1 ? std::string("COMMIT")
                                         : "RELEASE " + savepoint_name(depth_));
  } catch (const SQLite::Exception& error) {
    return DbError{
        fmt::format("cannot commit to {}: {}", connection_->path.string(), error.what())};
  }
  connection_->transaction_depth = depth_ - 1;
  if (depth_ == 1) connection_->audit_head.reset();
  connection_ = nullptr;
  return Done{};
}

void WriteTransaction::rollback() noexcept {
  if (connection_ == nullptr) return;
  // Whatever the chain head was, it may have been rolled back with the rows.
  connection_->audit_head.reset();
  connection_->transaction_depth = depth_ - 1;
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
