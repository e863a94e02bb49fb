#include "app/audit/verify_audit.h"

#include <span>

#include "app/unwrap.h"

namespace hsg::app {

namespace {

// The chain and records, reporting each event checked to `progress`.
db::VerifyReport verify_chain(db::Database& database, const CheckpointsToVerify& checkpoints,
                              ProgressListener& progress) {
  // Ends the listener's task however verify returns, an unwrap's throw included.
  struct Finisher {
    ProgressListener& progress;
    bool started = false;
    ~Finisher() {
      if (started) progress.finished();
    }
  } finisher{progress};
  const auto advanced = [&](std::int64_t checked, std::int64_t total) {
    if (!finisher.started) progress.started("verifying the audit log", total);
    finisher.started = true;
    progress.advanced(checked);
  };
  db::VerifyReport report = unwrap(db::AuditLog(database).verify(
      std::span<const std::string>(checkpoints.checkpoints), advanced));
  return report;
}

}  // namespace

Result<AuditVerification> verify_audit(db::Database& database,
                                       const CheckpointsToVerify& checkpoints, bool replay,
                                       ProgressListener& progress) {
  return attempt([&] {
    if (checkpoints.bad_signature) {
      db::VerifyReport failed;
      failed.problem = *checkpoints.bad_signature;
      return AuditVerification{failed, std::nullopt};
    }
    AuditVerification verification{verify_chain(database, checkpoints, progress), std::nullopt};
    if (verification.report.ok && replay) {
      verification.replayed = replay_range(database, {}, progress);
    }
    return verification;
  });
}

std::vector<std::string> verification_failures(const db::VerifyReport& report,
                                               const CheckpointsToVerify& checkpoints) {
  std::vector<std::string> failures;
  for (const auto* problems : {&report.schema_problems, &report.adoption_problems}) {
    failures.insert(failures.end(), problems->begin(), problems->end());
  }
  if (report.problem.empty()) return failures;
  const std::string source =
      report.bad_checkpoint ? checkpoints.sources.at(*report.bad_checkpoint) : "";
  failures.push_back(report.problem + source);
  return failures;
}

}  // namespace hsg::app
