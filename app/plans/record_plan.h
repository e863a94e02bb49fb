// Recording a grant's support plan (hsg plan set): the plan is checked against the grant
// conditions and the [plans] table of the rule set in force on the plan's date, then
// stored as the grant's next version.
//
// What a grant may be spent on is the council's policy on the day the plan is made, so
// the rule set is the one in force that day, not necessarily the grant's own. Requires
// an open, writable store and a plan already loaded from its file
// (rules/support_plan_loader.h). Promises: the check and the record are one write, so
// what the plan is checked against (the grant's end, the providers accredited that day)
// cannot change in between; every problem is a Refusal listing them all with the plan
// file's lines, and nothing is recorded; a plan is never edited, only versioned.
#pragma once

#include <cstdint>

#include "app/result.h"
#include "db/database.h"
#include "db/plans.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/money.h"
#include "rules/support_plan_loader.h"

namespace hsg::app {

struct PlanRequest {
  std::int64_t grant_id = 0;
  engine::Date plan_on;
};

struct RecordedPlan {
  db::Plan stored;
  engine::Money agreed;  // the grant's, which the plan's amounts are shares of
};

Result<RecordedPlan> record_plan(db::Database& database, const db::Stamp& stamp,
                                 const PlanRequest& request, const rules::LoadedSupportPlan& plan);

}  // namespace hsg::app
