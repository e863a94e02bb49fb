// `hsg allocate` (and the web's assessment form): a recorded client assessed and the
// allocation recorded, under the rule set in force on the assessment's date.
//
// A date after `today` without a reason is a Refusal (a front end may say so in its own
// words before it opens the store). In one write transaction: the rule set
// is chosen (the one --rules names, which must be stored and in force that day, else the
// one in force), the answers are read against it, the allocation is recorded
// (app/assessment/record_allocation.h) and, when the date is after today, the reason is
// noted beside it (db/future_dates.h). Promises: all of it is written, or nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/assessment/answers_source.h"
#include "app/assessment/future_date_permission.h"
#include "app/assessment/ruleset_input.h"
#include "app/result.h"
#include "db/database.h"
#include "db/stamp.h"
#include "engine/allocate.h"
#include "engine/date.h"

namespace hsg::app {

struct AllocateRequest {
  std::string client_ref;
  engine::Date date;                 // of the assessment
  std::optional<std::string> rules;  // as --rules: an id, a prefix or a file
  FutureDatePermission future;       // today, and why `date` is after it if it is
};

struct AllocatedClient {
  std::int64_t id = 0;
  std::optional<RulesOption> named;  // when the request named the rule set
  rules::LoadedRuleset ruleset;      // the one it was recorded under
  engine::Answers answers;
  engine::TracedAllocation traced;
};

// The assessor is the stamp's actor.
Result<AllocatedClient> allocate_client(db::Database& database, const db::Stamp& stamp,
                                        const AllocateRequest& request,
                                        const AnswersSource& answers_for);

}  // namespace hsg::app
