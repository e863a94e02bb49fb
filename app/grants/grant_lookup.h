// Reading grants back: one grant with everything about it, or the list of grants.
//
// Read-only. Promises: a grant's view is its stored detail (instalment states, postings,
// recoveries, what was paid and recovered) and its latest support plan if it has one; an
// unknown grant is a Refusal.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/grants.h"
#include "db/plans.h"
#include "engine/date.h"

namespace hsg::app {

struct GrantView {
  db::GrantDetail detail;
  std::optional<db::Plan> plan;  // the latest version
};

Result<GrantView> grant_view(db::Database& database, std::int64_t grant_id);

// In id order; with `active_on`, those started on or before it and not ended before it.
Result<std::vector<db::GrantSummary>> list_grants(db::Database& database,
                                                  std::optional<engine::Date> active_on);

}  // namespace hsg::app
