// Starting a grant (hsg grant start; the web's "start the grant"): the allocation's
// stored record is checked, the grant is planned by plan_grant (app/grants/grant_plan.h)
// and stored with its instalments.
//
// Requires an open, writable store. Promises: what is stored is exactly plan_grant's
// plan; an allocation unfit to start, or a stored record that fails its check, is a
// Refusal and nothing is written.
#pragma once

#include <cstdint>
#include <vector>

#include "app/grants/grant_plan.h"
#include "app/result.h"
#include "db/database.h"
#include "db/grants.h"
#include "db/stamp.h"

namespace hsg::app {

struct StartedGrant {
  std::int64_t id = 0;
  db::NewGrant plan;
  // How many instalments each type has, in plan.interventions order.
  std::vector<std::int64_t> instalments_per_type;
};

Result<StartedGrant> start_grant(db::Database& database, const db::Stamp& stamp,
                                 const GrantRequest& request);

}  // namespace hsg::app
