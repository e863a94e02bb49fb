// One write to the store: everything in it is committed together or not at all.
//
// The outermost WriteTransaction is BEGIN IMMEDIATE: it takes the write lock at once
// (waiting up to the busy timeout for another process), so the audit chain's head read
// inside it cannot change under us. A WriteTransaction begun while another is open on
// the same Database is a savepoint inside it, so a repository write (which always opens
// its own) can be part of a larger all-or-nothing unit such as a bulk import.
// Destroying an uncommitted transaction rolls it back; transactions nest strictly.
#pragma once

#include "db/database.h"
#include "db/result.h"

namespace hsg::db {

class WriteTransaction {
 public:
  static DbResult<WriteTransaction> begin(Database& database);

  WriteTransaction(WriteTransaction&& other) noexcept;
  WriteTransaction& operator=(WriteTransaction&&) = delete;
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();

  DbResult<Done> commit();

 private:
  WriteTransaction(Connection& connection, int depth) : connection_(&connection), depth_(depth) {}
  void rollback() noexcept;

  Connection* connection_;
  int depth_;  // 1 for BEGIN IMMEDIATE, 2.. for savepoints
};

}  // namespace hsg::db
