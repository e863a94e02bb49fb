// A recorded allocation as `hsg show` (and the web's allocation page) shows it: what was
// recorded, recomputed and checked, with every decision on it and its grant's plan.
//
// Requires nothing but the store. The allocation's row is checked against the event that
// wrote it, its stored answers are resolved under the rule set stored under its id and
// the engine is run again; the recomputed outputs must hash to the stored ones. Promises:
// the statement shown is the recomputation, never a stored text; a missing or tampered
// allocation, answers that no longer resolve or outputs that differ are a Refusal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/decisions.h"
#include "db/future_dates.h"
#include "db/plans.h"
#include "engine/allocate.h"
#include "engine/date.h"
#include "engine/money.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

// The support plan of the grant started from the allocation, with the grant's agreed
// amount that the plan's total is set against.
struct PlanOfAllocation {
  db::Plan plan;
  engine::Money agreed;
};

struct ShownAllocation {
  std::int64_t id = 0;
  std::string client_ref;
  std::string assessor;
  engine::Date assessed_on;
  std::optional<db::FutureDateNote> future_date;  // when it was dated after its recording
  rules::LoadedRuleset ruleset;                   // the one it was recorded under
  engine::Answers answers;                        // the stored answers, resolved under it
  engine::TracedAllocation traced;                // recomputed, equal to what was stored
  db::DecisionState decisions;
  std::optional<PlanOfAllocation> plan;
  std::optional<std::int64_t> grant_id;  // the grant started from it, if any
};

Result<ShownAllocation> show_allocation(db::Database& database, std::int64_t allocation_id);

}  // namespace hsg::app
