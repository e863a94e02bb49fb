// One replay pass over many stored allocations, on every core.
//
// The calling thread reads the allocations in id order (SQLite reads on one connection)
// and loads each new rule set; worker threads recompute and compare, batch by batch,
// through a bounded queue, so memory stays flat however many allocations there are.
// When the queue is full the reading thread replays the batch itself rather than wait,
// so it is one of the replaying threads: one thread per core, none idle.
// The summary is the same, in the same order, whatever the number of threads.
#pragma once

#include <cstdint>
#include <vector>

#include "app/audit/replay.h"
#include "app/progress.h"
#include "db/allocations.h"
#include "db/database.h"

namespace hsg::app {

struct ReplaySummary {
  std::int64_t replayed = 0;
  std::int64_t identical = 0;
  std::vector<ReplayResult> different;  // in allocation id order
};

// Replays every allocation in `range`, reporting progress to `progress`, on `workers`
// threads counting the calling one (0: one per hardware thread; at least 2). A store that
// cannot be read is a Refusal; the differences found are the summary, not errors.
ReplaySummary replay_range(db::Database& database, const db::AllocationRange& range,
                           ProgressListener& progress, unsigned workers = 0);

}  // namespace hsg::app
