#include "app/grants/grant_start.h"

#include "app/unwrap.h"
#include "db/record_check.h"

namespace hsg::app {

namespace {

std::vector<std::int64_t> instalments_per_type(const db::NewGrant& plan) {
  std::vector<std::int64_t> counts;
  for (const db::GrantIntervention& type : plan.interventions) {
    std::int64_t count = 0;
    for (const db::GrantInstalment& instalment : plan.instalments) {
      if (instalment.intervention == type.intervention) ++count;
    }
    counts.push_back(count);
  }
  return counts;
}

}  // namespace

Result<StartedGrant> start_grant(db::Database& database, const db::Stamp& stamp,
                                 const GrantRequest& request) {
  return attempt([&] {
    unwrap(db::check_allocation(database, request.allocation_id));
    StoredRulesets rulesets(database);
    StartedGrant started{0, plan_grant(database, rulesets, request), {}};
    started.id = unwrap(db::GrantRepository(database).start(stamp, started.plan));
    started.instalments_per_type = instalments_per_type(started.plan);
    return started;
  });
}

}  // namespace hsg::app
