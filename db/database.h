// An open hsg database: one SQLite file, opened explicitly and checked before use.
//
// Database::open(path)
//   - creates a missing file readable and writable by its owner only (mode 0600)
//     before SQLite touches it; SQLite gives its -wal and -shm files the same mode;
//   - opens it read-write-create with a 5 s busy timeout, foreign_keys=ON,
//     journal_mode=WAL, synchronous=FULL and a page cache of kPageCacheKiB;
//   - refuses a file whose header application_id is not "HSG1" (another program's
//     database: "PATH is not an hsg database (application_id 0x…)") before changing
//     anything in it, and a file whose user_version is newer than this hsg knows;
//   - applies the missing migrations (db/schema.h) in one write transaction, so a file
//     is either at its old version or fully migrated, and a new file is stamped "HSG1".
// Database::open_read_only(path), for every command that only reads:
//   - opens an existing file SQLITE_OPEN_READONLY (never creating it) with the same busy
//     timeout, foreign_keys=ON and page cache, and PRAGMA query_only, so no statement on
//     it can write;
//   - refuses what open() refuses, and also a file that is not yet an hsg database or is
//     at an older schema ("upgrade it with 'hsg init'"): a reader never migrates.
//   The database file is never written; SQLite may leave its -wal and -shm files beside
//   it (owner-only, as the file), since only a writer's close removes them.
// A Database is used by one thread at a time; several processes may share a file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "db/result.h"
#include "db/schema.h"

namespace hsg::db {

class Connection;

// SQLite's page cache per connection, in KiB: a fixed bound, so memory does not grow
// with the number of rows read or written (record_bench's bare loop uses the same).
inline constexpr int kPageCacheKiB = 8192;

class Database {
 public:
  static DbResult<Database> open(const std::filesystem::path& path);
  // As open(path) with another list of migrations: lets tests migrate a file.
  static DbResult<Database> open(const std::filesystem::path& path,
                                 std::span<const Migration> migrations);
  static DbResult<Database> open_read_only(const std::filesystem::path& path);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  const std::filesystem::path& path() const;
  std::int32_t schema_version() const;

  // For the repositories of db/ only.
  Connection& connection() { return *connection_; }

 private:
  explicit Database(std::unique_ptr<Connection> connection);
  std::unique_ptr<Connection> connection_;
};

}  // namespace hsg::db
