// A grant's review (hsg grant review): a new assessment of the grant's client, recorded
// as a new allocation, and the old grant ended the day before the review date (its
// unposted instalments due from the review date on cancelled, so nothing is paid twice).
//
// In one write, under the write lock (so the rule set in force cannot change meanwhile):
// the grant is found (an ended grant is a Refusal), the rule set chosen (the one the
// request names, which must be stored and in force on the review date, else the one in
// force), the answers read against it (`answers_for`), the allocation recorded with the
// future-date note if the date is after today, and the old grant ended: if anything
// fails nothing is recorded.
//
// Requires: the review date has a day before it (engine::Date::plus_days); a date after
// `today` without a reason is a Refusal (a front end may refuse it first, in its own words).
// Promises: the end names the new allocation; the allocation is exactly what
// record_allocation (app/assessment/record_allocation.h) computes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/assessment/answers_source.h"
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

struct ReviewRequest {
  std::int64_t grant_id = 0;
  engine::Date date;                 // the review date: the new allocation's
  std::string reason;                // why the old grant ends
  FutureDatePermission future;       // today, and why a review date after it is meant
  std::optional<std::string> rules;  // as --rules: an id, a prefix or a file
};

struct ReviewedGrant {
  db::GrantDetail old;               // the grant reviewed, as it was
  std::optional<RulesOption> named;  // when the request named the rule set
  RecordedAllocation recorded;
  db::EndResult ended;
};

Result<ReviewedGrant> review_grant(db::Database& database, const db::Stamp& stamp,
                                   const ReviewRequest& request, const AnswersSource& answers_for);

}  // namespace hsg::app
