// `hsg audit verify` (and the web's audit page): the schema, the adoptions, the hash
// chain and every stored record checked against the events, the checkpoints required,
// and on request every allocation replayed.
//
// Requires the checkpoints as app/audit/signed_checkpoints.h reads them. Promises: a
// signature that does not hold fails the verification before the log is read; a log
// that does not verify is the report, not a Refusal, and then nothing is replayed; an
// unreadable store is a Refusal. Reads the store only. `progress` hears the chain
// checked event by event ("verifying the audit log", its total the log's length), then
// the replay's progress when there is one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit/replay_pass.h"
#include "app/audit/signed_checkpoints.h"
#include "app/progress.h"
#include "app/result.h"
#include "db/audit_log.h"
#include "db/database.h"

namespace hsg::app {

struct AuditVerification {
  db::VerifyReport report;
  std::optional<ReplaySummary> replayed;  // when asked and the log verified
};

Result<AuditVerification> verify_audit(db::Database& database,
                                       const CheckpointsToVerify& checkpoints, bool replay,
                                       ProgressListener& progress);

// Why a report is not ok: every schema object not as shipped and every adoption rule
// broken, then the first problem of the chain and rows, naming the signed checkpoint to
// blame (its file and line) when one is.
std::vector<std::string> verification_failures(const db::VerifyReport& report,
                                               const CheckpointsToVerify& checkpoints);

}  // namespace hsg::app
