#include "app/decisions/approval_queue.h"

#include "app/unwrap.h"
#include "db/allocations.h"

namespace hsg::app {

Result<std::vector<AwaitingApproval>> approval_queue(db::Database& database) {
  return attempt([&] {
    db::AllocationRepository allocations(database);
    std::vector<AwaitingApproval> queue;
    for (db::DecisionState& state : unwrap(db::DecisionRepository(database).awaiting_approval())) {
      const db::StoredAllocation allocation = unwrap(allocations.get(state.allocation_id));
      queue.push_back({std::move(state), allocation.client_ref, allocation.assessed_on});
    }
    return queue;
  });
}

}  // namespace hsg::app
