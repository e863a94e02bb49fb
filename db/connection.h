// The open SQLite connection behind a Database, shared by the repositories of db/.
//
// Private to db/ (it exposes SQLiteCpp, which hsg_db links PRIVATE). It keeps every
// prepared statement for the life of the connection, so a loop recording a million
// rows prepares each statement once. A statement is borrowed through a Use, which
// resets it when the borrower is done: a statement left mid-step would hold a read
// snapshot open and the next write transaction would see stale data.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace hsg::db {

// The last event of the audit chain, as seen inside the current write transaction.
struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

class Connection {
 public:
  Connection(const std::filesystem::path& file, int flags, int busy_timeout_ms)
      : sqlite(file, flags, busy_timeout_ms), path(file) {}

  class Use {
   public:
    explicit Use(SQLite::Statement& statement) : statement_(statement) {}
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ~Use();
    SQLite::Statement* operator->() { return &statement_; }
    SQLite::Statement& operator*() { return statement_; }

   private:
    SQLite::Statement& statement_;
  };

  // `sql` must be a string with static storage: its address is the cache key.
  Use statement(const char* sql);

  SQLite::Database sqlite;
  std::filesystem::path path;
  std::int32_t schema_version = 0;
  int transaction_depth = 0;  // 0: none; 1: BEGIN IMMEDIATE; >1: savepoints
  // The depth of an open all-or-nothing unit (WriteTransaction::begin_unit), 0 if none;
  // writes nested in it take no savepoints, and one that fails sets `unit_failed`.
  int unit_depth = 0;
  bool unit_failed = false;
  std::optional<AuditHead> audit_head;  // valid only inside a write transaction

 private:
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace hsg::db
