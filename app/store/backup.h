// hsg backup FILE and hsg restore FILE: a copy of the live store that is checked before it
// is called a backup, and a copy checked before it replaces the store.
//
// backup_store: the copy (db/backup.h: one read snapshot while others keep writing) is
// opened and must pass SQLite's integrity_check and the whole audit verification (schema,
// chain, every record against its event) before it gets the target's name; a copy that
// fails is removed and the failure is the Refusal. An existing target is refused.
// restore_store: the copy must open as an hsg database of this hsg's schema, pass
// integrity_check and the audit verification with every checkpoint given (so a copy older
// than a checkpoint, or one rewritten before it, is refused), before it is copied over
// the store at `target`; then the target is read back and must end at the copy's head.
// Nothing is written to the target when the copy is refused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "app/audit/signed_checkpoints.h"
#include "app/result.h"
#include "db/database.h"

namespace hsg::app {

struct StoreCopy {
  std::string head;  // "SEQ:HASH" of the copy's last audit event
  std::int64_t events = 0;
  std::int64_t records = 0;
  std::uintmax_t bytes = 0;  // the copy's size
};

Result<StoreCopy> backup_store(db::Database& source, const std::filesystem::path& target);
Result<StoreCopy> restore_store(const std::filesystem::path& copy,
                                const std::filesystem::path& target,
                                const CheckpointsToVerify& checkpoints);

}  // namespace hsg::app
