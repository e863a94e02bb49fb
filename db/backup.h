// Copying a live database file and putting a copy back (hsg backup | restore;
// docs/administrator.md, "Backups").
//
// BackupCopy::make(source, target) copies the open database with SQLite's online backup
// API in one step, so the copy is one read snapshot of the source: every transaction
// committed before it began and none after, while other connections keep writing (WAL
// readers do not block writers). The copy goes to a temporary file beside the target
// (".NAME.hsg-backup", owner-only), in rollback-journal mode so it is one self-contained
// file. commit() then gives it the target's name, never replacing an existing file, and
// fsyncs the file and the folder; a copy destroyed uncommitted is removed.
//
// restore_database(copy, target) copies the file `copy` over the database at `target`
// (created owner-only when missing) with the same API, in one step, and leaves the target
// in WAL mode as hsg opens it. Checking that the copy is worth restoring is the caller's.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/result.h"

namespace hsg::db {

class BackupCopy {
 public:
  static DbResult<BackupCopy> make(Database& source, const std::filesystem::path& target);
  BackupCopy(BackupCopy&&) noexcept;
  BackupCopy& operator=(BackupCopy&&) = delete;
  ~BackupCopy();

  // The complete copy, closed, under its temporary name.
  const std::filesystem::path& path() const;
  DbResult<Done> commit();

 private:
  struct Files;
  explicit BackupCopy(std::unique_ptr<Files> files);
  std::unique_ptr<Files> files_;
};

DbResult<Done> restore_database(const std::filesystem::path& copy,
                                const std::filesystem::path& target);

// PRAGMA integrity_check of an open database: each problem it names; none when "ok".
DbResult<std::vector<std::string>> integrity_problems(Database& database);

}  // namespace hsg::db
