#include "app/store/backup.h"

#include <fmt/format.h>

#include "app/audit/verify_audit.h"
#include "app/unwrap.h"
#include "db/audit_log.h"
#include "db/backup.h"

namespace hsg::app {

namespace {

// The copy at `path` checked as a backup must be: its integrity, then its audit log with
// `checkpoints`. Every problem found is the Refusal, each prefixed by `what`.
StoreCopy checked_copy(const std::filesystem::path& path, const CheckpointsToVerify& checkpoints,
                       std::string_view what) {
  db::Database copy = unwrap(db::Database::open_read_only(path));
  const std::vector<std::string> damaged = unwrap(db::integrity_problems(copy));
  if (!damaged.empty()) {
    std::vector<std::string> lines;
    for (const std::string& problem : damaged) {
      lines.push_back(fmt::format("{} is damaged: {}", what, problem));
    }
    throw Refusal::of_messages(lines);
  }
  const db::VerifyReport report = unwrap(db::AuditLog(copy).verify(checkpoints.checkpoints));
  if (!report.ok) {
    std::vector<std::string> lines;
    for (const std::string& failure : verification_failures(report, checkpoints)) {
      lines.push_back(fmt::format("{} does not verify: {}", what, failure));
    }
    throw Refusal::of_messages(lines);
  }
  std::error_code ignored;
  return {report.head, report.events_checked, report.records_checked,
          std::filesystem::file_size(path, ignored)};
}

}  // namespace

Result<StoreCopy> backup_store(db::Database& source, const std::filesystem::path& target) {
  return attempt([&] {
    db::BackupCopy copy = unwrap(db::BackupCopy::make(source, target));
    const StoreCopy checked =
        checked_copy(copy.path(), {}, fmt::format("the copy for {}", target.string()));
    unwrap(copy.commit());
    return checked;
  });
}

Result<StoreCopy> restore_store(const std::filesystem::path& copy,
                                const std::filesystem::path& target,
                                const CheckpointsToVerify& checkpoints) {
  return attempt([&] {
    const StoreCopy checked = checked_copy(copy, checkpoints, copy.string());
    unwrap(db::restore_database(copy, target));
    db::Database restored = unwrap(db::Database::open_read_only(target));
    const std::string head = unwrap(db::AuditLog(restored).checkpoint());
    if (head != checked.head) {
      throw std::runtime_error(fmt::format("the restored {} ends at {}, not at the copy's {}",
                                           target.string(), head, checked.head));
    }
    return checked;
  });
}

}  // namespace hsg::app
