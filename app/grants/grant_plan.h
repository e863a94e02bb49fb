// From an agreed allocation to the grant to store: the one place a grant's amounts and
// instalments are worked out, used by `hsg grant start`, the simulation test and the
// benchmarks alike.
//
// The allocation is recomputed from its stored answers under its stored rule set (as
// `hsg show` does), so each type's indicative amount and weeks are exactly what the
// statement said. The latest agreed amount is shared across the types in proportion to
// those amounts (engine::share_agreed); each share is scheduled in instalments of the
// rule set's instalment period from the start date (engine::schedule_instalments). The
// accounts and cost centre come from the rule set's [finance] table (rules/finance.h)
// and are stored with the grant. Anything that makes the allocation unfit to start —
// not agreed, pending or rejected approval, every indicative amount zero with a
// non-zero agreed amount, a start before the assessment date — is an Refusal saying
// what to do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/assessment/record_allocation.h"
#include "db/database.h"
#include "db/grants.h"
#include "engine/date.h"

namespace hsg::app {

struct GrantRequest {
  std::int64_t allocation_id = 0;
  engine::Date start_on;
  std::string held_as;
  std::optional<std::string> provider;
};

db::NewGrant plan_grant(db::Database& database, StoredRulesets& rulesets,
                        const GrantRequest& request);

}  // namespace hsg::app
