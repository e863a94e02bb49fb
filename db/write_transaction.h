// One write to the store: everything in it is committed together or not at all.
//
// The outermost WriteTransaction is BEGIN IMMEDIATE: it takes the write lock at once
// (waiting up to the busy timeout for another process), so the audit chain's head read
// inside it cannot change under us. A WriteTransaction begun while another is open on
// the same Database is a savepoint inside it, so a repository write (which always opens
// its own) can be part of a larger all-or-nothing unit such as a bulk import.
// Destroying an uncommitted transaction rolls it back; transactions nest strictly.
//
// A bulk write that is all-or-nothing anyway (an import, a generated caseload) begins
// a unit instead: the writes nested in it take no savepoints of their own (a savepoint
// per row copied every page the row touched, to be able to undo that row alone). An
// inner write that fails cannot then be undone alone, so it spoils the unit: the unit's
// commit refuses, and everything in it is rolled back.
#pragma once

#include "db/database.h"
#include "db/result.h"

namespace hsg::db {

class WriteTransaction {
 public:
  static DbResult<WriteTransaction> begin(Database& database);
  static DbResult<WriteTransaction> begin_unit(Database& database);

  WriteTransaction(WriteTransaction&& other) noexcept;
  WriteTransaction& operator=(WriteTransaction&&) = delete;
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();

  DbResult<Done> commit();

 private:
  WriteTransaction(Connection& connection, int depth, bool in_unit)
      : connection_(&connection), depth_(depth), in_unit_(in_unit) {}
  void rollback() noexcept;

  Connection* connection_;
  int depth_;     // 1 for BEGIN IMMEDIATE, 2.. for savepoints
  bool in_unit_;  // nested in an all-or-nothing unit: no savepoint of its own
};

}  // namespace hsg::db
