// A grant's review (hsg grant review): a new assessment of the grant's client, recorded
// as a new allocation, and the old grant ended the day before the review date (its
// unposted instalments due from the review date on cancelled, so nothing is paid twice).
//
// Two steps, because the answers are read between them under the rule set chosen for
// the review date: grant_to_review finds the grant (an ended grant is a Refusal), then
// review_grant records the allocation, the future-date note if the date is after today,
// and the end, all in one write: if anything fails nothing is recorded.
//
// Requires: the review date has a day before it (engine::Date::plus_days); a date after
// `today` carries a reason (the front end refuses one without, before anything is read).
// Promises: the end names the new allocation; the allocation is exactly what
// record_allocation (app/assessment/record_allocation.h) computes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/assessment/future_date_permission.h"
#include "app/assessment/record_allocation.h"
#include "app/result.h"
#include "db/database.h"
#include "db/grants.h"
#include "db/stamp.h"
#include "engine/answers.h"
#include "engine/date.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

Result<db::GrantDetail> grant_to_review(db::Database& database, std::int64_t grant_id);

struct ReviewRequest {
  std::int64_t grant_id = 0;
  engine::Date date;            // the review date: the new allocation's
  std::string reason;           // why the old grant ends
  FutureDatePermission future;  // today, and why a review date after it is meant
};

struct ReviewedGrant {
  RecordedAllocation recorded;
  db::EndResult ended;
};

Result<ReviewedGrant> review_grant(db::Database& database, const db::Stamp& stamp,
                                   const rules::LoadedRuleset& ruleset, const db::GrantDetail& old,
                                   const ReviewRequest& request, const engine::Answers& answers);

}  // namespace hsg::app
