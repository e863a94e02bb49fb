#include "db/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "db/connection.h"
#include "db/guard.h"
#include "db/safe_file.h"

namespace hsg::db {

namespace {

// How long one step may wait for a lock another connection holds: 50 ms at a time, at
// most 600 times (30 s), so a backup never waits without end.
constexpr int kLockWaitMs = 50;
constexpr int kLockWaits = 600;

std::string system_error(std::string_view doing, const std::filesystem::path& path) {
  return fmt::format("cannot {} {}: {}", doing, path.string(), std::strerror(errno));
}

void sync_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Copies every page of `from` into `to` in one step: one read snapshot of `from`.
std::optional<std::string> copy_pages(sqlite3* from, sqlite3* to) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return std::string(sqlite3_errmsg(to));
  int rc = sqlite3_backup_step(backup, -1);
  for (int waits = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waits < kLockWaits; ++waits) {
    sqlite3_sleep(kLockWaitMs);
    rc = sqlite3_backup_step(backup, -1);
  }
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return std::string(sqlite3_errstr(rc));
  if (finished != SQLITE_OK) return std::string(sqlite3_errmsg(to));
  return std::nullopt;
}

std::optional<std::string> create_owner_only(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return system_error("create", path);
  ::close(fd);
  return std::nullopt;
}

// The files SQLite may leave beside a database it opened.
void remove_journals(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"-journal", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix, ignored);
  }
}

void remove_with_journals(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  remove_journals(path);
}

}  // namespace

struct BackupCopy::Files {
  std::filesystem::path target;
  std::filesystem::path temporary;
  bool committed = false;
};

BackupCopy::BackupCopy(std::unique_ptr<Files> files) : files_(std::move(files)) {}
BackupCopy::BackupCopy(BackupCopy&&) noexcept = default;
BackupCopy::~BackupCopy() {
  if (files_ && !files_->committed) remove_with_journals(files_->temporary);
}

const std::filesystem::path& BackupCopy::path() const { return files_->temporary; }

DbResult<BackupCopy> BackupCopy::make(Database& source, const std::filesystem::path& target) {
  const std::string doing = fmt::format("cannot back up to {}", target.string());
  std::error_code error;
  if (std::filesystem::symlink_status(target, error).type() !=
      std::filesystem::file_type::not_found) {
    return DbError{doing + ": it already exists (a backup never replaces a file)"};
  }
  auto files = std::make_unique<Files>();
  files->target = target;
  files->temporary = target.parent_path() / ("." + target.filename().string() + ".hsg-backup");
  if (auto problem = create_owner_only(files->temporary)) {
    return DbError{doing + ": " + *problem +
                   (errno == EEXIST ? " (another backup to it is under way, or one was "
                                      "interrupted: remove that file)"
                                    : "")};
  }
  BackupCopy copy(std::move(files));
  return guarded(doing, [&]() -> DbResult<BackupCopy> {
    {
      SQLite::Database to(copy.path(), SQLite::OPEN_READWRITE);
      if (auto problem = copy_pages(source.connection().sqlite.getHandle(), to.getHandle())) {
        return DbError{doing + ": " + *problem};
      }
      to.exec("PRAGMA journal_mode = DELETE");
    }
    sync_path(copy.path(), O_RDONLY);
    return std::move(copy);
  });
}

DbResult<Done> BackupCopy::commit() {
  const std::string doing = fmt::format("cannot back up to {}", files_->target.string());
  remove_journals(files_->temporary);
  if (::link(files_->temporary.c_str(), files_->target.c_str()) != 0) {
    return DbError{doing + ": " +
                   (errno == EEXIST ? std::string("it appeared while the copy was made")
                                    : system_error("name the copy", files_->target))};
  }
  ::unlink(files_->temporary.c_str());
  files_->committed = true;
  sync_path(files_->target.parent_path().empty() ? "." : files_->target.parent_path(),
            O_RDONLY | O_DIRECTORY);
  return Done{};
}

DbResult<Done> restore_database(const std::filesystem::path& copy,
                                const std::filesystem::path& target) {
  const std::string doing =
      fmt::format("cannot restore {} from {}", target.string(), copy.string());
  if (auto problem = unwritable_target(target)) return DbError{doing + ": " + *problem};
  std::error_code error;
  if (!std::filesystem::exists(target, error)) {
    if (auto problem = create_owner_only(target)) return DbError{doing + ": " + *problem};
  }
  return guarded(doing, [&]() -> DbResult<Done> {
    SQLite::Database from(copy, SQLite::OPEN_READONLY);
    SQLite::Database to(target, SQLite::OPEN_READWRITE, 5000);
    if (auto problem = copy_pages(from.getHandle(), to.getHandle())) {
      return DbError{doing + ": " + *problem};
    }
    const std::string mode = to.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal") return DbError{doing + ": journal_mode stayed '" + mode + "'"};
    return Done{};
  });
}

DbResult<std::vector<std::string>> integrity_problems(Database& database) {
  return guarded("cannot check the database's integrity",
                 [&]() -> DbResult<std::vector<std::string>> {
                   std::vector<std::string> problems;
                   SQLite::Statement check(database.connection().sqlite, "PRAGMA integrity_check");
                   while (check.executeStep()) {
                     std::string line = check.getColumn(0).getString();
                     if (line != "ok") problems.push_back(std::move(line));
                   }
                   return problems;
                 });
}

}  // namespace hsg::db
