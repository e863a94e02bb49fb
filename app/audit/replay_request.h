// The replays a person asks for: one recorded allocation, or every one in a range
// (`hsg audit replay ALLOC | --all`, and the web's audit pages).
//
// Requires a store of the shipped schema. replay_stored first checks the allocation's
// row against the event that wrote it; replay_all first checks the schema, then replays
// on every core (app/audit/replay_pass.h). Promises: the differences found are the
// result, not a Refusal; a missing or tampered allocation, or a schema not as shipped,
// is a Refusal before anything is replayed. Reads the store only.
#pragma once

#include <cstdint>

#include "app/audit/replay.h"
#include "app/audit/replay_pass.h"
#include "app/progress.h"
#include "app/result.h"
#include "db/allocations.h"
#include "db/database.h"

namespace hsg::app {

Result<ReplayResult> replay_stored(db::Database& database, std::int64_t allocation_id);

Result<ReplaySummary> replay_all(db::Database& database, const db::AllocationRange& range,
                                 ProgressListener& progress);

}  // namespace hsg::app
