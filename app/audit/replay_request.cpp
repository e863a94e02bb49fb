#include "app/audit/replay_request.h"

#include "app/unwrap.h"
#include "db/record_check.h"

namespace hsg::app {

Result<ReplayResult> replay_stored(db::Database& database, std::int64_t allocation_id) {
  return attempt([&] {
    unwrap(db::check_allocation(database, allocation_id));
    const db::StoredAllocation stored =
        unwrap(db::AllocationRepository(database).get(allocation_id));
    return Replayer(database).replay(stored);
  });
}

Result<ReplaySummary> replay_all(db::Database& database, const db::AllocationRange& range,
                                 ProgressListener& progress) {
  return attempt([&] {
    unwrap(db::check_schema(database));
    return replay_range(database, range, progress);
  });
}

}  // namespace hsg::app
