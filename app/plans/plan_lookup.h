// Reading a grant's support plan back (hsg plan show): the latest version or the one
// asked for.
//
// Read-only. Promises: the plan exactly as stored, with the grant's agreed amount its
// uses are shares of; an unknown grant, a grant without a plan or an unknown version is
// a Refusal saying so (and, for a grant without one, how to set it).
#pragma once

#include <cstdint>
#include <optional>

#include "app/result.h"
#include "db/database.h"
#include "db/plans.h"
#include "engine/money.h"

namespace hsg::app {

struct PlanView {
  db::Plan plan;
  engine::Money agreed;
};

Result<PlanView> find_plan(db::Database& database, std::int64_t grant_id,
                           std::optional<std::int64_t> version);

}  // namespace hsg::app
