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

#include "cli/io.h"
#include "cli/replay.h"
#include "db/allocations.h"
#include "db/database.h"

namespace hsg::cli {

struct ReplaySummary {
  std::int64_t replayed = 0;
  std::int64_t identical = 0;
  std::vector<ReplayResult> different;  // in allocation id order
};

// Replays every allocation in `range`, with a progress bar on a terminal, on `workers`
// threads counting the calling one (0: one per hardware thread; at least 2).
ReplaySummary replay_range(db::Database& database, const db::AllocationRange& range, Io& io,
                           unsigned workers = 0);

}  // namespace hsg::cli
