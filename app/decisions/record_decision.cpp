#include "app/decisions/record_decision.h"

#include "app/unwrap.h"
#include "db/record_check.h"

namespace hsg::app {

Result<db::DecisionState> agree(db::Database& database, const db::Stamp& stamp,
                                const AgreeRequest& request) {
  return attempt([&] {
    unwrap(db::check_allocation(database, request.allocation_id));
    return unwrap(db::DecisionRepository(database).agree(stamp, request.allocation_id,
                                                         request.amount, request.reason));
  });
}

Result<db::DecisionState> resolve(db::Database& database, const db::Stamp& stamp,
                                  const ResolveRequest& request) {
  return attempt([&] {
    unwrap(db::check_allocation(database, request.allocation_id));
    db::DecisionRepository decisions(database);
    return unwrap(request.resolution == Resolution::approve
                      ? decisions.approve(stamp, request.allocation_id, request.reason)
                      : decisions.reject(stamp, request.allocation_id, request.reason));
  });
}

}  // namespace hsg::app
